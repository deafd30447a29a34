/**
 * Geometry of parts for the events engine, where no physics engine answers "which part is at
 * the tool": the distance from a point to a part's surface (0 inside, like a solid point
 * projection), a part's extent along an axis, and its pose as a matrix.
 */
import type { Mat4 } from '../../kinematics/mat4';
import type { PartSpec } from '../parts';

/** Distance (m) from world point (x, y, z) to the surface of a part at world pose `m`; 0 when inside. */
export function distanceToPart(x: number, y: number, z: number, m: Mat4, spec: PartSpec, half: readonly [number, number, number]): number {
  const dx = x - m[12]!, dy = y - m[13]!, dz = z - m[14]!;
  // Into the part frame: the transpose of the rotation (columns of m are the part's axes).
  const lx = dx * m[0]! + dy * m[1]! + dz * m[2]!;
  const ly = dx * m[4]! + dy * m[5]! + dz * m[6]!;
  const lz = dx * m[8]! + dy * m[9]! + dz * m[10]!;
  if (spec.shape.type === 'cylinder') {
    const radial = Math.max(0, Math.hypot(lx, ly) - half[0]);
    const axial = Math.max(0, Math.abs(lz) - half[2]);
    return Math.hypot(radial, axial);
  }
  return Math.hypot(Math.max(0, Math.abs(lx) - half[0]), Math.max(0, Math.abs(ly) - half[1]), Math.max(0, Math.abs(lz) - half[2]));
}

/**
 * Half the extent of a part (rotation: columns 0–2 of `m`) along the unit axis (ax, ay, az):
 * the half-width of its bounding box projected on the axis.
 */
export function extentAlong(m: Mat4, half: readonly [number, number, number], ax: number, ay: number, az: number): number {
  let w = 0;
  for (let i = 0; i < 3; i++) w += Math.abs(m[4 * i]! * ax + m[4 * i + 1]! * ay + m[4 * i + 2]! * az) * half[i]!;
  return w;
}
