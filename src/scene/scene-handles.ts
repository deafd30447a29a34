/**
 * Exports that need the live three.js scene (PNG screenshot, glTF). The canvas registers its
 * renderer and cell root here; the UI asks for files without reaching into r3f.
 */
import { Plane, Raycaster, Vector2, Vector3, type Camera, type Object3D, type WebGLRenderer } from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';

interface Handles {
  gl: WebGLRenderer;
  root: Object3D;
  camera: Camera;
  render(): void;
}

let handles: Handles | null = null;

/** Called by the canvas when it mounts (and with null when it unmounts). */
export function registerSceneHandles(h: Handles | null): void {
  handles = h;
}

function need(): Handles {
  if (!handles) throw new Error('the 3D view is not ready yet');
  return handles;
}

/** The current view as a PNG. */
export async function captureViewPng(): Promise<Blob> {
  const { gl, render } = need();
  render(); // the canvas keeps its last frame (preserveDrawingBuffer), but make it current
  return new Promise((resolve, reject) => gl.domElement.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/**
 * The layout as binary glTF. The cell root carries the Z-up → Y-up turn, so the file comes out
 * Y-up as glTF requires. Selection outlines are editor furniture and are left out.
 */
export async function exportLayoutGlb(): Promise<ArrayBuffer> {
  const { root } = need();
  const hidden: Object3D[] = [];
  root.traverse((o) => {
    if (o.name === 'selection-outline' && o.visible) {
      o.visible = false;
      hidden.push(o);
    }
  });
  try {
    const result = await new GLTFExporter().parseAsync(root, { binary: true, onlyVisible: true });
    if (!(result instanceof ArrayBuffer)) throw new Error('the glTF exporter returned JSON instead of binary');
    return result;
  } finally {
    for (const o of hidden) o.visible = true;
  }
}

const floorPlane = new Plane(new Vector3(0, 1, 0), 0); // three's y = 0 is the cell floor (z = 0)

/**
 * The floor point (cell x, y in metres) under a page position, or null when the view is not
 * ready or the ray misses the floor (pointing at the sky).
 */
export function floorPointAt(clientX: number, clientY: number): [number, number] | null {
  if (!handles) return null;
  const rect = handles.gl.domElement.getBoundingClientRect();
  const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
  const ray = new Raycaster();
  ray.setFromCamera(ndc, handles.camera);
  const hit = ray.ray.intersectPlane(floorPlane, new Vector3());
  // three (x, y, z) is cell (x, −z, y): see CellCanvas.
  return hit ? [hit.x, -hit.z] : null;
}
