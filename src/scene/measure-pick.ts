/**
 * The point a click on an item's surface measures from: the hit point in cell coordinates,
 * snapped to a corner of the triangle that was hit when the click lands within a few pixels of
 * it (box corners, mesh vertices). Shift measures the exact hit point.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { Mesh, PerspectiveCamera, Vector3, type Camera, type OrthographicCamera } from 'three';
import type { Vec3 } from '../model';
import { snapToVertex } from '../tools/measure';
import { cellPointOf } from './cell-point';

/** How close (screen pixels) a click must land to a vertex to snap to it. */
export const VERTEX_SNAP_PX = 10;

/** Metres one screen pixel covers at `point` (perspective: depends on distance; ortho: on zoom). */
function metresPerPixel(camera: Camera, point: Vector3, viewportHeight: number): number {
  if (camera instanceof PerspectiveCamera) {
    const distance = camera.getWorldPosition(new Vector3()).distanceTo(point);
    return (2 * distance * Math.tan((camera.fov * Math.PI) / 360)) / viewportHeight;
  }
  const ortho = camera as OrthographicCamera;
  return (ortho.top - ortho.bottom) / ortho.zoom / viewportHeight;
}

/** The three corners of the hit triangle in three.js world coordinates, or none. */
function hitTriangle(e: ThreeEvent<MouseEvent>): Vector3[] {
  const o = e.object;
  const position = o instanceof Mesh ? o.geometry?.getAttribute?.('position') : undefined;
  if (!e.face || !position || position.itemSize !== 3) return [];
  o.updateWorldMatrix(true, false);
  return [e.face.a, e.face.b, e.face.c].map((i) => new Vector3().fromBufferAttribute(position, i).applyMatrix4(o.matrixWorld));
}

/** The measured point (cell coordinates, m) of a click on an item. */
export function measurePointOfHit(e: ThreeEvent<MouseEvent>): Vec3 {
  const hit = cellPointOf(e.point);
  if (e.shiftKey) return hit;
  const corners = hitTriangle(e);
  if (corners.length === 0) return hit;
  const height = (e.nativeEvent.target as HTMLElement | null)?.clientHeight || window.innerHeight;
  const reach = VERTEX_SNAP_PX * metresPerPixel(e.camera, e.point, height);
  return snapToVertex(hit, corners.map(cellPointOf), reach);
}
