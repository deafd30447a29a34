/**
 * Poses as the physics engine takes them: 7 numbers [x, y, z, qx, qy, qz, qw] (metres, unit
 * quaternion), stored at an offset in a shared `Float64Array` so per-step code allocates nothing.
 * Conversions to and from the column-major 4×4 matrices of kinematics/mat4.ts.
 */
import { mat4QuaternionInto, type Mat4 } from '../kinematics/mat4';

/** Numbers per pose in a pose buffer. */
export const POSE_FLOATS = 7;

/** Writes the translation and rotation of rigid `m` as a pose at `out[o … o + 6]`. */
export function poseFromMat4(m: Mat4, out: Float64Array, o = 0): Float64Array {
  out[o] = m[12]!;
  out[o + 1] = m[13]!;
  out[o + 2] = m[14]!;
  mat4QuaternionInto(m, out, o + 3);
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
