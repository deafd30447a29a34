/**
 * three.js world points to cell coordinates. The cell root turns −90° about X (see CellCanvas),
 * so three's (x, y, z) is the cell's (x, −z, y).
 */
import type { Vector3 } from 'three';
import type { Vec3 } from '../model';

/** The cell point (m, Z up) of a three.js world point. */
export function cellPointOf(p: Vector3): Vec3 {
  const z = -p.z;
  return [p.x, z === 0 ? 0 : z, p.y];
}
