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
 * In place, m ← m · R where R rotates by `angle` about frame axis `axis` (0 = x, 1 = y, 2 = z).
 * Such a rotation only mixes the other two columns of m's rotation part, a third of the work
 * of a general product — and nearly every industrial joint turns about a frame axis.
 */
export function mat4RotateFrameAxis(m: Mat4, axis: number, angle: number): Mat4 {
  // Columns (b, c) in right-handed order after the axis: x → (y, z), y → (z, x), z → (x, y).
  const b = axis === 0 ? 4 : axis === 1 ? 8 : 0;
  const c = axis === 0 ? 8 : axis === 1 ? 0 : 4;
  const cos = Math.cos(angle), sin = Math.sin(angle);
  for (let r = 0; r < 3; r++) {
    const vb = m[b + r]!, vc = m[c + r]!;
    m[b + r] = cos * vb + sin * vc;
    m[c + r] = cos * vc - sin * vb;
  }
  return m;
}

/**
 * In place, m ← m · R where R rotates by `angle` about the unit axis (x, y, z) (Rodrigues'
 * formula). The axis must already be unit length; the URDF parser normalises axes.
 */
export function mat4RotateAxisAngle(m: Mat4, x: number, y: number, z: number, angle: number): Mat4 {
  const c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
  const r00 = t * x * x + c, r10 = t * x * y + s * z, r20 = t * x * z - s * y;
  const r01 = t * x * y - s * z, r11 = t * y * y + c, r21 = t * y * z + s * x;
  const r02 = t * x * z + s * y, r12 = t * y * z - s * x, r22 = t * z * z + c;
  for (let r = 0; r < 3; r++) {
    const a0 = m[r]!, a1 = m[4 + r]!, a2 = m[8 + r]!;
    m[r] = a0 * r00 + a1 * r10 + a2 * r20;
    m[4 + r] = a0 * r01 + a1 * r11 + a2 * r21;
    m[8 + r] = a0 * r02 + a1 * r12 + a2 * r22;
  }
  return m;
}

/** In place, m ← m · Trans(dx, dy, dz): a move expressed in m's own frame (a prismatic joint). */
export function mat4TranslateLocal(m: Mat4, dx: number, dy: number, dz: number): Mat4 {
  m[12] = m[12]! + m[0]! * dx + m[4]! * dy + m[8]! * dz;
  m[13] = m[13]! + m[1]! * dx + m[5]! * dy + m[9]! * dz;
  m[14] = m[14]! + m[2]! * dx + m[6]! * dy + m[10]! * dz;
  return m;
}

/** The translation part of `m` as [x, y, z]. */
export function mat4Position(m: Mat4): Vec3 {
  return [m[12]!, m[13]!, m[14]!];
}

/**
 * Writes the rotation part of a rigid `m` as a unit quaternion [x, y, z, w] at `out[o … o + 3]`,
 * allocating nothing (the simulation calls it for every body every step). Shepperd's method:
 * divide by the largest of the four squared components, which stays accurate near 180°.
 */
export function mat4QuaternionInto(m: Mat4, out: Float64Array | number[], o = 0): void {
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
  const n = 1 / Math.sqrt(x * x + y * y + z * z + w * w);
  out[o] = x * n;
  out[o + 1] = y * n;
  out[o + 2] = z * n;
  out[o + 3] = w * n;
}

/**
 * The rotation part of a rigid `m` as a unit quaternion [x, y, z, w] (the order ROS, three.js
 * and the CLI use), with w ≥ 0 so equal rotations print equal numbers.
 */
export function mat4Quaternion(m: Mat4): [number, number, number, number] {
  const q = [0, 0, 0, 0];
  mat4QuaternionInto(m, q);
  const sign = (q[3] ?? 0) < 0 ? -1 : 1;
  return [q[0]! * sign, q[1]! * sign, q[2]! * sign, q[3]! * sign];
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
