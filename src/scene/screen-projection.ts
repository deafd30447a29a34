/**
 * Cell point → page pixel through a three.js camera, for box selection and tests. The cell is
 * Z up inside a root turned −90° about X (see CellCanvas), so cell (x, y, z) is three (x, z, −y).
 */
import { Vector3, type Camera } from 'three';
import type { Vec3 } from '../model';
import type { Projector } from '../tools/box-select';

/** Where the canvas is on the page (a DOMRect will do). */
export interface CanvasBounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A projector for `camera` drawing into `bounds`. Points behind the camera (or nearer than its
 * near plane) give null: their projection would come out mirrored.
 */
export function cameraProjector(camera: Camera, bounds: CanvasBounds): Projector {
  camera.updateMatrixWorld();
  const near = 'near' in camera && typeof camera.near === 'number' ? camera.near : 0;
  const v = new Vector3();
  return ([x, y, z]: Vec3) => {
    v.set(x, z, -y).applyMatrix4(camera.matrixWorldInverse);
    if (v.z > -near) return null;
    v.applyMatrix4(camera.projectionMatrix);
    return [bounds.left + ((v.x + 1) / 2) * bounds.width, bounds.top + ((1 - v.y) / 2) * bounds.height];
  };
}
