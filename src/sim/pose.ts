/**
 * Poses as the physics engine takes them: 7 numbers [x, y, z, qx, qy, qz, qw] (metres, unit
 * quaternion), stored at an offset in a shared `Float64Array` so per-step code allocates nothing.
 * Conversions to and from the column-major 4×4 matrices of kinematics/mat4.ts.
 */
import type { Mat4 } from '../kinematics/mat4';

/** Numbers per pose in a pose buffer. */
export const POSE_FLOATS = 7;

/** Writes the translation and rotation of rigid `m` as a pose at `out[o … o + 6]`. */
export function poseFromMat4(m: Mat4, out: Float64Array, o = 0): Float64Array {
  const m00 = m[0]!, m11 = m[5]!, m22 = m[10]!;
  const m10 = m[1]!, m01 = m[4]!, m20 = m[2]!, m02 = m[8]!, m21 = m[6]!, m12 = m[9]!;
  const trace = m00 + m11 + m22;
  let x: number, y: number, z: number, w: number;
  // Shepperd's method: divide by the largest component, accurate near 180° too.
  if (trace > 0) {
    const s = 2 * Math.sqrt(trace + 1);
    w = 0.25 * s; x = (m21 - m12) / s; y = (m02 - m20) / s; z = (m10 - m01) / s;
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    w = (m21 - m12) / s; x = 0.25 * s; y = (m01 + m10) / s; z = (m02 + m20) / s;
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    w = (m02 - m20) / s; x = (m01 + m10) / s; y = 0.25 * s; z = (m12 + m21) / s;
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    w = (m10 - m01) / s; x = (m02 + m20) / s; y = (m12 + m21) / s; z = 0.25 * s;
  }
  const n = 1 / Math.sqrt(x * x + y * y + z * z + w * w);
  out[o] = m[12]!;
  out[o + 1] = m[13]!;
  out[o + 2] = m[14]!;
  out[o + 3] = x * n;
  out[o + 4] = y * n;
  out[o + 5] = z * n;
  out[o + 6] = w * n;
  return out;
}

/** Writes the rigid transform of the pose at `p[o … o + 6]` into `out` (column-major). */
export function mat4FromPose(out: Mat4, p: ArrayLike<number>, o = 0): Mat4 {
  const x = p[o + 3]!, y = p[o + 4]!, z = p[o + 5]!, w = p[o + 6]!;
  const x2 = x + x, y2 = y + y, z2 = z + z;
  const xx = x * x2, xy = x * y2, xz = x * z2;
  const yy = y * y2, yz = y * z2, zz = z * z2;
  const wx = w * x2, wy = w * y2, wz = w * z2;
  out[0] = 1 - (yy + zz); out[1] = xy + wz; out[2] = xz - wy; out[3] = 0;
  out[4] = xy - wz; out[5] = 1 - (xx + zz); out[6] = yz + wx; out[7] = 0;
  out[8] = xz + wy; out[9] = yz - wx; out[10] = 1 - (xx + yy); out[11] = 0;
  out[12] = p[o]!; out[13] = p[o + 1]!; out[14] = p[o + 2]!; out[15] = 1;
  return out;
}

/** A new pose array from a rigid matrix (allocates; for setup code). */
export function poseOf(m: Mat4): Float64Array {
  return poseFromMat4(m, new Float64Array(POSE_FLOATS));
}
