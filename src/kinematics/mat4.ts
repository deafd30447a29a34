/**
 * Small 4×4 rigid-transform helpers on `Float64Array(16)`, written for the FK hot path: every
 * function writes into an `out` array the caller owns, so a loop over them allocates nothing.
 *
 * Layout: **column-major**, like three.js `Matrix4.elements` and gl-matrix — element (row r,
 * column c) lives at index `c * 4 + r`, so the translation is at indices 12, 13, 14. Use
 * {@link mat4ToRowMajor} where a row-major list is wanted (the CLI prints row-major).
 *
 * Only rigid transforms (rotation + translation) are handled: the bottom row is always
 * [0, 0, 0, 1], which lets the products and the inverse skip a quarter of the work.
 */
import type { Vec3 } from '../model/geometry';

/** A 4×4 matrix, column-major. */
export type Mat4 = Float64Array;

/** A new identity matrix. Allocates: use once at setup, not per step. */
export function mat4Create(): Mat4 {
  const m = new Float64Array(16);
  m[0] = m[5] = m[10] = m[15] = 1;
  return m;
}

/** Writes the identity into `out`. */
export function mat4SetIdentity(out: Mat4): Mat4 {
  out.fill(0);
  out[0] = out[5] = out[10] = out[15] = 1;
  return out;
}

/** Copies `a` into `out`. */
export function mat4Copy(out: Mat4, a: Mat4): Mat4 {
  out.set(a);
  return out;
}

/**
 * Rigid product `out = a · b`. `out` may alias `a` or `b`: all inputs are read into locals
 * before anything is written.
 */
export function mat4MultiplyRigid(out: Mat4, a: Mat4, b: Mat4): Mat4 {
  const a00 = a[0]!, a10 = a[1]!, a20 = a[2]!;
  const a01 = a[4]!, a11 = a[5]!, a21 = a[6]!;
  const a02 = a[8]!, a12 = a[9]!, a22 = a[10]!;
  const a03 = a[12]!, a13 = a[13]!, a23 = a[14]!;
  const b00 = b[0]!, b10 = b[1]!, b20 = b[2]!;
  const b01 = b[4]!, b11 = b[5]!, b21 = b[6]!;
  const b02 = b[8]!, b12 = b[9]!, b22 = b[10]!;
  const b03 = b[12]!, b13 = b[13]!, b23 = b[14]!;
  out[0] = a00 * b00 + a01 * b10 + a02 * b20;
  out[1] = a10 * b00 + a11 * b10 + a12 * b20;
  out[2] = a20 * b00 + a21 * b10 + a22 * b20;
  out[3] = 0;
  out[4] = a00 * b01 + a01 * b11 + a02 * b21;
  out[5] = a10 * b01 + a11 * b11 + a12 * b21;
  out[6] = a20 * b01 + a21 * b11 + a22 * b21;
  out[7] = 0;
  out[8] = a00 * b02 + a01 * b12 + a02 * b22;
  out[9] = a10 * b02 + a11 * b12 + a12 * b22;
  out[10] = a20 * b02 + a21 * b12 + a22 * b22;
  out[11] = 0;
  out[12] = a00 * b03 + a01 * b13 + a02 * b23 + a03;
  out[13] = a10 * b03 + a11 * b13 + a12 * b23 + a13;
  out[14] = a20 * b03 + a21 * b13 + a22 * b23 + a23;
  out[15] = 1;
  return out;
}

/** Inverse of a rigid transform: [Rᵀ | −Rᵀp]. `out` may alias `a`. */
export function mat4InvertRigid(out: Mat4, a: Mat4): Mat4 {
  const r00 = a[0]!, r10 = a[1]!, r20 = a[2]!;
  const r01 = a[4]!, r11 = a[5]!, r21 = a[6]!;
  const r02 = a[8]!, r12 = a[9]!, r22 = a[10]!;
  const px = a[12]!, py = a[13]!, pz = a[14]!;
  out[0] = r00; out[1] = r01; out[2] = r02; out[3] = 0;
  out[4] = r10; out[5] = r11; out[6] = r12; out[7] = 0;
  out[8] = r20; out[9] = r21; out[10] = r22; out[11] = 0;
  out[12] = -(r00 * px + r10 * py + r20 * pz);
  out[13] = -(r01 * px + r11 * py + r21 * pz);
  out[14] = -(r02 * px + r12 * py + r22 * pz);
  out[15] = 1;
  return out;
}

/**
 * The transform of a URDF `<origin xyz rpy>`: rotation R = Rz(yaw) · Ry(pitch) · Rx(roll)
 * (fixed axes X, then Y, then Z), then the translation `xyz`.
 */
export function mat4FromXyzRpy(out: Mat4, xyz: Vec3, rpy: Vec3): Mat4 {
  const [roll, pitch, yaw] = rpy;
  const cr = Math.cos(roll), sr = Math.sin(roll);
  const cp = Math.cos(pitch), sp = Math.sin(pitch);
  const cy = Math.cos(yaw), sy = Math.sin(yaw);
  out[0] = cy * cp;
  out[1] = sy * cp;
  out[2] = -sp;
  out[3] = 0;
  out[4] = cy * sp * sr - sy * cr;
  out[5] = sy * sp * sr + cy * cr;
  out[6] = cp * sr;
  out[7] = 0;
  out[8] = cy * sp * cr + sy * sr;
  out[9] = sy * sp * cr - cy * sr;
  out[10] = cp * cr;
  out[11] = 0;
  out[12] = xyz[0];
  out[13] = xyz[1];
  out[14] = xyz[2];
  out[15] = 1;
  return out;
}

/**
 * Rotation by `angle` about the unit axis (x, y, z) through the origin (Rodrigues' formula).
 * The axis must already be unit length; the parser normalises URDF axes.
 */
export function mat4FromAxisAngle(out: Mat4, x: number, y: number, z: number, angle: number): Mat4 {
  const c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
  out[0] = t * x * x + c;
  out[1] = t * x * y + s * z;
  out[2] = t * x * z - s * y;
  out[3] = 0;
  out[4] = t * x * y - s * z;
  out[5] = t * y * y + c;
  out[6] = t * y * z + s * x;
  out[7] = 0;
  out[8] = t * x * z + s * y;
  out[9] = t * y * z - s * x;
  out[10] = t * z * z + c;
  out[11] = 0;
  out[12] = 0;
  out[13] = 0;
  out[14] = 0;
  out[15] = 1;
  return out;
}

/** Pure translation by `d` along the unit axis (x, y, z): a prismatic joint's motion. */
export function mat4FromTranslation(out: Mat4, x: number, y: number, z: number): Mat4 {
  mat4SetIdentity(out);
  out[12] = x;
  out[13] = y;
  out[14] = z;
  return out;
}

/** The translation part of `m` as [x, y, z]. */
export function mat4Position(m: Mat4): Vec3 {
  return [m[12]!, m[13]!, m[14]!];
}

/**
 * The rotation part of a rigid `m` as a unit quaternion [x, y, z, w] (the order ROS, three.js
 * and the CLI use), with w ≥ 0 so equal rotations print equal numbers. Shepperd's method: pick
 * the largest of the four squared components to divide by, which stays accurate near 180°.
 */
export function mat4Quaternion(m: Mat4): [number, number, number, number] {
  const m00 = m[0]!, m11 = m[5]!, m22 = m[10]!;
  const m10 = m[1]!, m01 = m[4]!, m20 = m[2]!, m02 = m[8]!, m21 = m[6]!, m12 = m[9]!;
  const trace = m00 + m11 + m22;
  let x: number, y: number, z: number, w: number;
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
  const sign = w < 0 ? -1 : 1;
  const n = sign / Math.hypot(x, y, z, w);
  return [x * n, y * n, z * n, w * n];
}

/** `m` as 16 numbers in row-major order (row 0 first), the layout the CLI prints. */
export function mat4ToRowMajor(m: Mat4): number[] {
  const rows: number[] = new Array<number>(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) rows[r * 4 + c] = m[c * 4 + r]!;
  }
  return rows;
}

/**
 * Angle (rad) of the rotation that takes `a`'s orientation to `b`'s: 0 when they agree.
 * Uses atan2(sin, cos) of R = aᵀb rather than acos of the trace alone, which keeps its
 * precision for tiny angles (acos near 1 loses half the digits).
 */
export function mat4RotationAngle(a: Mat4, b: Mat4): number {
  // R[i][j] = column i of a · column j of b.
  const r = (i: number, j: number): number =>
    a[i * 4]! * b[j * 4]! + a[i * 4 + 1]! * b[j * 4 + 1]! + a[i * 4 + 2]! * b[j * 4 + 2]!;
  const cos = (r(0, 0) + r(1, 1) + r(2, 2) - 1) / 2;
  const sin = Math.hypot(r(2, 1) - r(1, 2), r(0, 2) - r(2, 0), r(1, 0) - r(0, 1)) / 2;
  return Math.atan2(sin, cos);
}
