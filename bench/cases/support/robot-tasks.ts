/**
 * The work the URDF benchmark rows compare, written once and run unchanged in Node and in the
 * browser bundle (support/browser-entry.ts), so both sides of a row are the same code wherever
 * they run. No Node or DOM imports here: the caller provides the globals (linkedom in Node).
 *
 * Both sides get the same URDF text and read mesh bytes from the same in-memory map through the
 * same resolver, so disk and network are never part of a timing.
 */
import { LoaderUtils, LoadingManager, Mesh, type Object3D } from 'three';
import { ColladaLoader } from 'three/examples/jsm/loaders/ColladaLoader.js';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import URDFLoader, { type URDFRobot } from 'urdf-loader';
import { parseUrdf, type UrdfParseResult } from '../../../src/io/urdf/parse-urdf';
import { loadRobotView, type MeshResolver } from '../../../src/scene/robot/robot-view';

/** A robot held in memory: its URDF text and every file its meshes need. */
export interface RobotInput {
  /** Name used in messages (the corpus path). */
  fileName: string;
  text: string;
  /** Mesh bytes keyed by the filename exactly as the URDF writes it (`package://…`). */
  meshes: ReadonlyMap<string, ArrayBuffer>;
  /** Fetchable URLs (blob: in the page) of files the meshes refer to (DAE textures), same keys. */
  textureUrls: ReadonlyMap<string, string>;
}

/** urdf-loader hands `package://` filenames to the mesh callback unchanged (what robot-view.ts does). */
const keepPackageUrls = (pkg: string): string => `package://${pkg}`;

/** The resolver both view paths read from: the in-memory maps, answered asynchronously like a real read. */
export function memoryResolver(input: RobotInput): MeshResolver {
  return {
    read: async (ref) => input.meshes.get(ref) ?? null,
    urlFor: (ref) => input.textureUrls.get(ref) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Description path: URDF text → a robot tree the program can use.

/** Ours: parseUrdf (saxes → element tree → checked RobotDescription with warnings). */
export function ourDescription(input: RobotInput): UrdfParseResult {
  return parseUrdf(input.text, input.fileName);
}

/**
 * Reference: urdf-loader's `parse(text)` (DOMParser → URDFRobot of joints, links, visuals and
 * collisions), with a mesh callback that loads nothing. `parseCollision` is on because our
 * description reads collision geometry too.
 */
export function referenceDescription(input: RobotInput): URDFRobot {
  const loader = new URDFLoader();
  loader.parseCollision = true;
  loader.packages = keepPackageUrls;
  loader.loadMeshCb = () => undefined;
  return loader.parse(input.text);
}

// ---------------------------------------------------------------------------------------------
// View path: URDF text → three.js robot with every mesh parsed into three.js objects.

/**
 * Ours, as the app does it (robot-sources.ts then RobotModel.tsx): parseUrdf, then
 * loadRobotView (urdf-loader with our mesh callback, visual and collision meshes, placeholders
 * for missing ones), resolved when `done` resolves (every mesh parsed or replaced).
 */
export async function ourView(input: RobotInput, resolver: MeshResolver): Promise<URDFRobot> {
  const { robot } = parseUrdf(input.text, input.fileName);
  const load = loadRobotView(input.text, robot, resolver);
  const warnings = await load.done;
  if (warnings.length > 0) throw new Error(`${input.fileName}: ${warnings.join('; ')}`);
  return load.robot;
}

/**
 * Reference: raw urdf-loader with the callback its default mesh loader amounts to once the bytes
 * are in memory — STLLoader for .stl (a Mesh with the URDF material), ColladaLoader for .dae
 * (its scene), texture URLs relative to the mesh mapped through the manager like ours — with
 * `parseCollision` on, as ours loads collision meshes too. Resolved when every callback is done.
 */
export function referenceView(input: RobotInput, resolver: MeshResolver): Promise<URDFRobot> {
  const manager = new LoadingManager();
  manager.setURLModifier((url) => resolver.urlFor(url) ?? url);
  const loader = new URDFLoader(manager);
  loader.parseCollision = true;
  loader.packages = keepPackageUrls;
  const pending: Array<Promise<void>> = [];
  loader.loadMeshCb = (path, meshManager, material, done) => {
    pending.push(
      (async () => {
        const bytes = await resolver.read(path);
        if (!bytes) throw new Error(`${input.fileName}: no bytes for ${path}`);
        let obj: Object3D;
        if (/\.stl$/i.test(path)) obj = new Mesh(new STLLoader(meshManager).parse(bytes), material);
        else if (/\.dae$/i.test(path)) {
          const collada = new ColladaLoader(meshManager).parse(new TextDecoder().decode(bytes), LoaderUtils.extractUrlBase(path));
          if (!collada) throw new Error(`${input.fileName}: ${path} is not COLLADA`);
          obj = collada.scene;
        } else throw new Error(`${input.fileName}: no loader for ${path}`);
        done(obj);
      })(),
    );
  };
  const robot = loader.parse(input.text);
  return Promise.all(pending).then(() => robot);
}

// ---------------------------------------------------------------------------------------------
// Checks run once in setup, so a row never compares two different results.

/** What a built robot holds: joints, links, mesh objects and triangles (visual and collision). */
export interface ViewCounts {
  joints: number;
  links: number;
  meshes: number;
  triangles: number;
}

/** Counts the parts of a view; placeholders would show up as extra or missing triangles. */
export function viewCounts(robot: URDFRobot): ViewCounts {
  let meshes = 0;
  let triangles = 0;
  robot.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    meshes += 1;
    const g = o.geometry;
    triangles += (g.index ? g.index.count : g.attributes.position?.count ?? 0) / 3;
  });
  return { joints: Object.keys(robot.joints).length, links: Object.keys(robot.links).length, meshes, triangles };
}
