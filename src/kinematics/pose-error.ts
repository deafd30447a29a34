/**
 * Pose targets and pose errors for IK: building a transform from a position and a quaternion,
 * and the 6-vector that takes the current tool pose to the target (position difference, then
 * the rotation vector of the remaining rotation), both in the base frame — the same frame and
 * row order as the geometric Jacobian, so a Newton step is J⁺ · error.
 */
import type { Vec3 } from '../model/geometry';
import type { Mat4 } from './mat4';

/** A quaternion [x, y, z, w] (the order ROS, three.js and the CLI use). */
export type Quaternion = [number, number, number, number];

/**
 * Writes the rigid transform with translation `p` and rotation `q` into `out` (column-major).
 * `q` is normalised here; a zero or non-finite quaternion throws, since no rotation fits it.
 */
export function mat4FromPositionQuaternion(out: Mat4, p: Vec3, q: Quaternion): Mat4 {
  const norm = Math.hypot(q[0], q[1], q[2], q[3]);
  if (!(norm > 1e-12) || !Number.isFinite(norm)) throw new Error(`quaternion [${q.join(', ')}] has no direction`);
  const x = q[0] / norm, y = q[1] / norm, z = q[2] / norm, w = q[3] / norm;
  out[0] = 1 - 2 * (y * y + z * z);
  out[1] = 2 * (x * y + z * w);
  out[2] = 2 * (x * z - y * w);
  out[3] = 0;
  out[4] = 2 * (x * y - z * w);
  out[5] = 1 - 2 * (x * x + z * z);
  out[6] = 2 * (y * z + x * w);
  out[7] = 0;
  out[8] = 2 * (x * z + y * w);
  out[9] = 2 * (y * z - x * w);
  out[10] = 1 - 2 * (x * x + y * y);
  out[11] = 0;
  out[12] = p[0];
  out[13] = p[1];
  out[14] = p[2];
  out[15] = 1;
  return out;
}

/**
 * Writes the error from `current` to `target` into `out[0..5]`: target − current position, then
 * the rotation vector ω (axis × angle, |ω| ≤ π) with R_target = exp([ω]×) · R_current.
 * Allocation-free. The rotation goes through a quaternion (Shepperd's method) so the angle
 * stays accurate near 0 and near π, where the matrix's skew part alone loses it.
 */
export function poseErrorInto(out: Float64Array, current: Mat4, target: Mat4): void {
  out[0] = target[12]! - current[12]!;
  out[1] = target[13]! - current[13]!;
  out[2] = target[14]! - current[14]!;
  // E = R_t · R_cᵀ: E[i][j] = Σ_k R_t[i][k] · R_c[j][k]; column-major R[i][k] = m[4k + i].
  // Written out (no helper closure): this runs once per IK iteration.
  const t0 = target[0]!, t1 = target[1]!, t2 = target[2]!, t4 = target[4]!, t5 = target[5]!, t6 = target[6]!;
  const t8 = target[8]!, t9 = target[9]!, t10 = target[10]!;
  const c0 = current[0]!, c1 = current[1]!, c2 = current[2]!, c4 = current[4]!, c5 = current[5]!, c6 = current[6]!;
  const c8 = current[8]!, c9 = current[9]!, c10 = current[10]!;
  const m00 = t0 * c0 + t4 * c4 + t8 * c8, m01 = t0 * c1 + t4 * c5 + t8 * c9, m02 = t0 * c2 + t4 * c6 + t8 * c10;
  const m10 = t1 * c0 + t5 * c4 + t9 * c8, m11 = t1 * c1 + t5 * c5 + t9 * c9, m12 = t1 * c2 + t5 * c6 + t9 * c10;
  const m20 = t2 * c0 + t6 * c4 + t10 * c8, m21 = t2 * c1 + t6 * c5 + t10 * c9, m22 = t2 * c2 + t6 * c6 + t10 * c10;
  const trace = m00 + m11 + m22;
  let x: number, y: number, z: number, w: number;
  if (trace > 0) {
    const s = 2 * Math.sqrt(trace + 1);
    w = 0.25 * s; x = (m21 - m12) / s; y = (m02 - m20) / s; z = (m10 - m01) / s;
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(Math.max(0, 1 + m00 - m11 - m22));
    w = (m21 - m12) / s; x = 0.25 * s; y = (m01 + m10) / s; z = (m02 + m20) / s;
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(Math.max(0, 1 + m11 - m00 - m22));
    w = (m02 - m20) / s; x = (m01 + m10) / s; y = 0.25 * s; z = (m12 + m21) / s;
  } else {
    const s = 2 * Math.sqrt(Math.max(0, 1 + m22 - m00 - m11));
    w = (m10 - m01) / s; x = (m02 + m20) / s; y = (m12 + m21) / s; z = 0.25 * s;
  }
  if (w < 0) {
    x = -x; y = -y; z = -z; w = -w;
  }
  const sin = Math.sqrt(x * x + y * y + z * z);
  // angle = 2·atan2(|v|, w); ω = angle · v/|v|, which tends to 2v as the angle goes to 0.
  const k = sin < 1e-12 ? 2 / Math.max(w, 1e-300) : (2 * Math.atan2(sin, w)) / sin;
  out[3] = x * k;
  out[4] = y * k;
  out[5] = z * k;
}
