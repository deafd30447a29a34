/**
 * Exports that need the live three.js scene (PNG screenshot, glTF). The canvas registers its
 * renderer and cell root here; the UI asks for files without reaching into r3f.
 */
import type { Object3D, WebGLRenderer } from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';

interface Handles {
  gl: WebGLRenderer;
  root: Object3D;
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
