/**
 * The reference page of the frame-time row: bare three.js and urdf-loader drawing the same robots
 * and boxes as the app, with the app's stage (src/scene/CellCanvas.tsx as r3f configures it):
 * WebGLRenderer with antialias, alpha, preserveDrawingBuffer and 'high-performance'; PCF shadows
 * ("percentage"); ACES filmic tone mapping and sRGB output (r3f's defaults); pixel ratio clamped
 * to [1, 2]; the background colour, hemisphere light, shadow-casting directional light (1024²
 * map, ±10 m), the two floor grids and the shadow-catching floor plane. Robots and boxes cast
 * shadows as in the app. What it leaves out is the app's own furniture — floor outline, view
 * gizmo, pointer events, React — which is what the ratio charges to the app.
 *
 * Built with vite into the bench's page bundle (support/page-bundle.ts); exposes
 * `globalThis.celltwinScene.load(spec)` and installs `window.__benchView` (support/frame-view.ts).
 */
import {
  ACESFilmicToneMapping,
  BoxGeometry,
  Color,
  DirectionalLight,
  Euler,
  GridHelper,
  Group,
  HemisphereLight,
  LoadingManager,
  Mesh,
  MeshStandardMaterial,
  PCFShadowMap,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  ShadowMaterial,
  SRGBColorSpace,
  WebGLRenderer,
} from 'three';
import URDFLoader from 'urdf-loader';
import type { BenchView } from './frame-view';
import type { ScaleSceneSpec } from './scale-cell';

/** The page's API, called through page.evaluate. */
export interface ScenePageApi {
  /** Builds the scene on a canvas of `width` × `height` pixels; returns what it holds. */
  load(spec: ScaleSceneSpec, width: number, height: number): { robots: number; parts: number; meshes: number };
}

function stage(scene: Scene): void {
  scene.background = new Color('#eef1f4');
  scene.add(new HemisphereLight('#ffffff', '#b8c0c8', 1.4));
  const sun = new DirectionalLight('#ffffff', 1.6);
  sun.position.set(6, 12, 4);
  sun.castShadow = true;
  sun.shadow.mapSize.set(1024, 1024);
  Object.assign(sun.shadow.camera, { left: -10, right: 10, top: 10, bottom: -10 });
  sun.shadow.camera.updateProjectionMatrix();
  scene.add(sun);
  const coarse = new GridHelper(30, 30, '#8d99a4', '#a9b3bc');
  coarse.position.y = 0.001;
  const fine = new GridHelper(10, 100, '#dfe4e8', '#dfe4e8');
  fine.position.y = 0.0005;
  const floor = new Mesh(new PlaneGeometry(60, 60), new ShadowMaterial({ opacity: 0.18 }));
  floor.rotation.x = -Math.PI / 2;
  floor.position.y = -0.002;
  floor.receiveShadow = true;
  scene.add(coarse, fine, floor);
}

const api: ScenePageApi = {
  load(spec, width, height) {
    const canvas = document.createElement('canvas');
    canvas.style.cssText = `display:block;width:${width}px;height:${height}px`;
    document.body.style.margin = '0';
    document.body.append(canvas);
    const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, powerPreference: 'high-performance', preserveDrawingBuffer: true });
    renderer.setPixelRatio(Math.min(Math.max(1, window.devicePixelRatio), 2));
    renderer.setSize(width, height, false);
    renderer.shadowMap.enabled = true;
    renderer.shadowMap.type = PCFShadowMap;
    renderer.toneMapping = ACESFilmicToneMapping;
    renderer.outputColorSpace = SRGBColorSpace;
    renderer.info.autoReset = false;

    const scene = new Scene();
    stage(scene);
    const camera = new PerspectiveCamera(45, width / height, 0.05, 200);
    // The cell is Z up: one root group turned −90° about X, as in the app.
    const root = new Group();
    root.rotation.x = -Math.PI / 2;
    scene.add(root);

    const loader = new URDFLoader(new LoadingManager());
    let meshes = 0;
    for (const r of spec.robots) {
      const robot = loader.parse(spec.urdfs[r.robot]!);
      for (const [name, value] of Object.entries(r.joints)) robot.setJointValue(name, value);
      robot.traverse((o) => {
        o.castShadow = true;
        if ((o as Mesh).isMesh) meshes++;
      });
      const holder = new Group();
      holder.position.set(...r.xyz);
      holder.rotation.copy(new Euler(r.rpy[0], r.rpy[1], r.rpy[2], 'ZYX'));
      holder.add(robot);
      root.add(holder);
    }
    const partMaterial = new MeshStandardMaterial({ color: '#3d8bd4', roughness: 0.5 });
    for (const p of spec.parts) {
      const box = new Mesh(new BoxGeometry(...p.size), partMaterial);
      box.position.set(...p.xyz);
      box.rotation.copy(new Euler(p.rpy[0], p.rpy[1], p.rpy[2], 'ZYX'));
      box.castShadow = true;
      root.add(box);
      meshes++;
    }

    let running = false;
    const draw = () => {
      if (!running) return;
      requestAnimationFrame(draw);
      renderer.render(scene, camera);
    };
    const view: BenchView = {
      place(position, target) {
        camera.position.set(...position);
        camera.lookAt(...target);
      },
      continuous(on) {
        const was = running;
        running = on;
        if (on && !was) requestAnimationFrame(draw);
      },
      counts() {
        const { calls, triangles } = renderer.info.render;
        renderer.info.reset();
        return { calls, triangles };
      },
      size: () => ({ width: canvas.width, height: canvas.height }),
    };
    (window as unknown as { __benchView: BenchView }).__benchView = view;
    renderer.render(scene, camera); // compile the shaders before anything is timed
    return { robots: spec.robots.length, parts: spec.parts.length, meshes };
  },
};

(globalThis as { celltwinScene?: ScenePageApi }).celltwinScene = api;
