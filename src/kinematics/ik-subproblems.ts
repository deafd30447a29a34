/**
 * Vector helpers and the Paden–Kahan style subproblems the closed-form IK solvers are built
 * from. A joint is a screw: a unit axis `w` through a point `r`, both in the base frame with
 * every joint at zero (the product-of-exponentials view), so no DH table is needed — the
 * geometry is read straight from the URDF chain.
 *
 * Two forms of the same operations: plain tuples and 9-number row-major arrays, which allocate
 * and are used where clarity matters more than speed (recognising the arm family once, in
 * ik-arm.ts), and allocation-free `…Into`/`…V` forms on caller-owned Float64Arrays for the
 * closed-form solvers, which run on every IK call (end of the file).
 */
import type { Vec3 } from '../model/geometry';

/** A 3×3 rotation matrix, row-major. */
export type Mat3 = number[];

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
// Math.sqrt rather than Math.hypot: the closed-form solvers call these often, and hypot is slow.
export const norm = (a: Vec3): number => Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);

/** `v` without its component along the unit vector `w`. */
export const reject = (v: Vec3, w: Vec3): Vec3 => sub(v, scale(w, dot(v, w)));

/** Rotation by `angle` about the unit axis `w` (Rodrigues). */
export function rotation(w: Vec3, angle: number): Mat3 {
  const c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
  const [x, y, z] = w;
  return [
    t * x * x + c, t * x * y - s * z, t * x * z + s * y,
    t * x * y + s * z, t * y * y + c, t * y * z - s * x,
    t * x * z - s * y, t * y * z + s * x, t * z * z + c,
  ];
}

/** a · b. */
export function mul3(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) out[3 * i + j] = a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!;
  }
  return out;
}

/** aᵀ · b. */
export function mulT3(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) out[3 * i + j] = a[i]! * b[j]! + a[3 + i]! * b[3 + j]! + a[6 + i]! * b[6 + j]!;
  }
  return out;
}

/** m · v. */
export const apply3 = (m: Mat3, v: Vec3): Vec3 => [
  m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2],
  m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2],
  m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2],
];

/** mᵀ · v. */
export const applyT3 = (m: Mat3, v: Vec3): Vec3 => [
  m[0]! * v[0] + m[3]! * v[1] + m[6]! * v[2],
  m[1]! * v[0] + m[4]! * v[1] + m[7]! * v[2],
  m[2]! * v[0] + m[5]! * v[1] + m[8]! * v[2],
];

/** Below this a length or a sine counts as zero in the subproblems (a singular configuration). */
export const DEGENERATE = 1e-9;

/**
 * Subproblem 1: the angle about unit axis `w` that turns `p` onto `q` (both relative to a
 * point on the axis), or `fallback` when either has no component across the axis — then any
 * angle fits (a singular configuration) and the caller's choice (the seed) is as good as any.
 */
export function angleAbout(w: Vec3, p: Vec3, q: Vec3, fallback: number): number {
  const pp = reject(p, w), qq = reject(q, w);
  if (norm(pp) < DEGENERATE || norm(qq) < DEGENERATE) return fallback;
  return Math.atan2(dot(w, cross(pp, qq)), dot(pp, qq));
}

/**
 * The angles θ with a·cos θ + b·sin θ = c, written into `out` (two, possibly equal). Returns
 * 2, or 0 when there is no solution (|c| > √(a² + b²): out of reach), or −1 when a = b = 0
 * (every θ fits or none does: a singular configuration, the caller picks).
 */
export function solveCosSin(a: number, b: number, c: number, out: [number, number]): number {
  const rho = Math.sqrt(a * a + b * b);
  if (rho < DEGENERATE) return -1;
  let ratio = c / rho;
  if (Math.abs(ratio) > 1) {
    // Rounding at the edge of the workspace can leave |ratio| a hair above 1.
    if (Math.abs(ratio) > 1 + 1e-9) return 0;
    ratio = Math.sign(ratio);
  }
  const phi = Math.atan2(b, a), alpha = Math.acos(ratio);
  out[0] = phi + alpha;
  out[1] = phi - alpha;
  return 2;
}

/**
 * The angles θ with a · Rot(w, θ) b = c (w unit): the dot product of a fixed vector with a
 * rotating one. Same return convention as {@link solveCosSin}.
 */
export function solveRotatedDot(w: Vec3, a: Vec3, b: Vec3, c: number, out: [number, number]): number {
  const wa = dot(w, a), wb = dot(w, b);
  return solveCosSin(dot(a, b) - wa * wb, dot(a, cross(w, b)), c - wa * wb, out);
}

/**
 * Subproblem 2 for intersecting axes: rotations Rot(w1, θ1) · Rot(w2, θ2) that take direction
 * `p` to direction `q` (|p| = |q|). Writes up to two (θ1, θ2) pairs into `out` as
 * [θ1a, θ2a, θ1b, θ2b] and returns 2 (the pairs may coincide). `fallback1` is used for θ1 when
 * it is undetermined (the wrist singularity: the moved direction lies on axis 1).
 */
export function solveTwoAxes(w1: Vec3, w2: Vec3, p: Vec3, q: Vec3, fallback1: number, out: number[]): number {
  // The intermediate direction c = Rot(w2, θ2) p = Rot(w1, −θ1) q keeps its component along
  // w2 (from p) and along w1 (from q): c = α w1 + β w2 + γ (w1 × w2).
  const k = dot(w1, w2);
  const d = k * k - 1;
  const alpha = (k * dot(w2, p) - dot(w1, q)) / d;
  const beta = (k * dot(w1, q) - dot(w2, p)) / d;
  const n = cross(w1, w2);
  const n2 = dot(n, n);
  const g2 = (dot(p, p) - alpha * alpha - beta * beta - 2 * alpha * beta * k) / n2;
  const gamma = Math.sqrt(Math.max(0, g2)); // < 0 only by rounding or for an unreachable orientation
  for (let s = 0; s < 2; s++) {
    const g = s === 0 ? gamma : -gamma;
    const c: Vec3 = add(add(scale(w1, alpha), scale(w2, beta)), scale(n, g));
    out[2 * s + 1] = angleAbout(w2, p, c, 0);
    out[2 * s] = angleAbout(w1, c, q, fallback1);
  }
  return 2;
}

/** a · bᵀ. */
export function mul3T(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) out[3 * i + j] = a[3 * i]! * b[3 * j]! + a[3 * i + 1]! * b[3 * j + 1]! + a[3 * i + 2]! * b[3 * j + 2]!;
  }
  return out;
}

/** A unit vector perpendicular to the unit vector `w`. */
export function perpendicular(w: Vec3): Vec3 {
  const ax = Math.abs(w[0]), ay = Math.abs(w[1]), az = Math.abs(w[2]);
  const e: Vec3 = ax <= ay && ax <= az ? [1, 0, 0] : ay <= az ? [0, 1, 0] : [0, 0, 1];
  const p = cross(w, e);
  return scale(p, 1 / norm(p));
}

// ---------------------------------------------------------------------------------------------
// Allocation-free forms for the closed-form solvers' hot path (ik-closed-form.ts): the same
// operations on caller-owned Float64Arrays (V3: 3 numbers, M3: 9 numbers row-major), writing
// into `out`. Every function reads all of its inputs before writing, so `out` may alias them.

/** A 3-vector in a caller-owned buffer. */
export type V3 = Float64Array;
/** A 3×3 rotation matrix, row-major, in a caller-owned buffer. */
export type M3 = Float64Array;

export const dotV = (a: V3, b: V3): number => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;

export function setV(out: V3, x: number, y: number, z: number): V3 {
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export const subV = (out: V3, a: V3, b: V3): V3 => setV(out, a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
export const addV = (out: V3, a: V3, b: V3): V3 => setV(out, a[0]! + b[0]!, a[1]! + b[1]!, a[2]! + b[2]!);

export function crossV(out: V3, a: V3, b: V3): V3 {
  const ax = a[0]!, ay = a[1]!, az = a[2]!, bx = b[0]!, by = b[1]!, bz = b[2]!;
  return setV(out, ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx);
}

/** out = `v` without its component along the unit vector `w`. */
export function rejectV(out: V3, v: V3, w: V3): V3 {
  const d = dotV(v, w);
  return setV(out, v[0]! - w[0]! * d, v[1]! - w[1]! * d, v[2]! - w[2]! * d);
}

/** out = m · v. */
export function applyM(out: V3, m: M3, v: V3): V3 {
  const x = v[0]!, y = v[1]!, z = v[2]!;
  return setV(out, m[0]! * x + m[1]! * y + m[2]! * z, m[3]! * x + m[4]! * y + m[5]! * z, m[6]! * x + m[7]! * y + m[8]! * z);
}

/** out = mᵀ · v. */
export function applyTM(out: V3, m: M3, v: V3): V3 {
  const x = v[0]!, y = v[1]!, z = v[2]!;
  return setV(out, m[0]! * x + m[3]! * y + m[6]! * z, m[1]! * x + m[4]! * y + m[7]! * z, m[2]! * x + m[5]! * y + m[8]! * z);
}

/** out = r + R (x − r): point x turned about the axis through r by R. */
export function turnV(out: V3, R: M3, r: V3, x: V3): V3 {
  const dx = x[0]! - r[0]!, dy = x[1]! - r[1]!, dz = x[2]! - r[2]!;
  return setV(
    out,
    r[0]! + R[0]! * dx + R[1]! * dy + R[2]! * dz,
    r[1]! + R[3]! * dx + R[4]! * dy + R[5]! * dz,
    r[2]! + R[6]! * dx + R[7]! * dy + R[8]! * dz,
  );
}

/** out = r + Rᵀ (x − r): the inverse of {@link turnV}. */
export function unturnV(out: V3, R: M3, r: V3, x: V3): V3 {
  const dx = x[0]! - r[0]!, dy = x[1]! - r[1]!, dz = x[2]! - r[2]!;
  return setV(
    out,
    r[0]! + R[0]! * dx + R[3]! * dy + R[6]! * dz,
    r[1]! + R[1]! * dx + R[4]! * dy + R[7]! * dz,
    r[2]! + R[2]! * dx + R[5]! * dy + R[8]! * dz,
  );
}

/** out = rotation by `angle` about the unit axis `w` (Rodrigues), as {@link rotation}. */
export function rotationInto(out: M3, w: V3, angle: number): M3 {
  const c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
  const x = w[0]!, y = w[1]!, z = w[2]!;
  out[0] = t * x * x + c; out[1] = t * x * y - s * z; out[2] = t * x * z + s * y;
  out[3] = t * x * y + s * z; out[4] = t * y * y + c; out[5] = t * y * z - s * x;
  out[6] = t * x * z - s * y; out[7] = t * y * z + s * x; out[8] = t * z * z + c;
  return out;
}

/** Writes the nine numbers of a row-major 3×3 product into out. */
function setM(out: M3, m0: number, m1: number, m2: number, m3: number, m4: number, m5: number, m6: number, m7: number, m8: number): M3 {
  out[0] = m0; out[1] = m1; out[2] = m2;
  out[3] = m3; out[4] = m4; out[5] = m5;
  out[6] = m6; out[7] = m7; out[8] = m8;
  return out;
}

/** out = a · b. */
export function mulM(out: M3, a: M3, b: M3): M3 {
  const a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!;
  const b0 = b[0]!, b1 = b[1]!, b2 = b[2]!, b3 = b[3]!, b4 = b[4]!, b5 = b[5]!, b6 = b[6]!, b7 = b[7]!, b8 = b[8]!;
  return setM(
    out,
    a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8,
    a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8,
    a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8,
  );
}

/** out = aᵀ · b. */
export function mulTM(out: M3, a: M3, b: M3): M3 {
  const a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!;
  const b0 = b[0]!, b1 = b[1]!, b2 = b[2]!, b3 = b[3]!, b4 = b[4]!, b5 = b[5]!, b6 = b[6]!, b7 = b[7]!, b8 = b[8]!;
  return setM(
    out,
    a0 * b0 + a3 * b3 + a6 * b6, a0 * b1 + a3 * b4 + a6 * b7, a0 * b2 + a3 * b5 + a6 * b8,
    a1 * b0 + a4 * b3 + a7 * b6, a1 * b1 + a4 * b4 + a7 * b7, a1 * b2 + a4 * b5 + a7 * b8,
    a2 * b0 + a5 * b3 + a8 * b6, a2 * b1 + a5 * b4 + a8 * b7, a2 * b2 + a5 * b5 + a8 * b8,
  );
}

/** out = a · bᵀ. */
export function mulMT(out: M3, a: M3, b: M3): M3 {
  const a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!;
  const b0 = b[0]!, b1 = b[1]!, b2 = b[2]!, b3 = b[3]!, b4 = b[4]!, b5 = b[5]!, b6 = b[6]!, b7 = b[7]!, b8 = b[8]!;
  return setM(
    out,
    a0 * b0 + a1 * b1 + a2 * b2, a0 * b3 + a1 * b4 + a2 * b5, a0 * b6 + a1 * b7 + a2 * b8,
    a3 * b0 + a4 * b1 + a5 * b2, a3 * b3 + a4 * b4 + a5 * b5, a3 * b6 + a4 * b7 + a5 * b8,
    a6 * b0 + a7 * b1 + a8 * b2, a6 * b3 + a7 * b4 + a8 * b5, a6 * b6 + a7 * b7 + a8 * b8,
  );
}

/**
 * {@link angleAbout} on numbers: the angle about unit axis w that turns p onto q (both relative
 * to a point on the axis), or `fallback` when either has no component across the axis.
 */
export function angleAboutXyz(
  wx: number, wy: number, wz: number,
  px: number, py: number, pz: number,
  qx: number, qy: number, qz: number,
  fallback: number,
): number {
  const dp = wx * px + wy * py + wz * pz, dq = wx * qx + wy * qy + wz * qz;
  const ax = px - wx * dp, ay = py - wy * dp, az = pz - wz * dp;
  const bx = qx - wx * dq, by = qy - wy * dq, bz = qz - wz * dq;
  if (Math.sqrt(ax * ax + ay * ay + az * az) < DEGENERATE || Math.sqrt(bx * bx + by * by + bz * bz) < DEGENERATE) return fallback;
  const cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
  return Math.atan2(wx * cx + wy * cy + wz * cz, ax * bx + ay * by + az * bz);
}

/** {@link angleAbout} on buffers. */
export const angleAboutV = (w: V3, p: V3, q: V3, fallback: number): number =>
  angleAboutXyz(w[0]!, w[1]!, w[2]!, p[0]!, p[1]!, p[2]!, q[0]!, q[1]!, q[2]!, fallback);

/** {@link solveCosSin} writing into a buffer. */
export function solveCosSinInto(a: number, b: number, c: number, out: Float64Array): number {
  const rho = Math.sqrt(a * a + b * b);
  if (rho < DEGENERATE) return -1;
  let ratio = c / rho;
  if (Math.abs(ratio) > 1) {
    if (Math.abs(ratio) > 1 + 1e-9) return 0;
    ratio = Math.sign(ratio);
  }
  const phi = Math.atan2(b, a), alpha = Math.acos(ratio);
  out[0] = phi + alpha;
  out[1] = phi - alpha;
  return 2;
}

/** {@link solveRotatedDot} on buffers: the angles θ with a · Rot(w, θ) b = c. */
export function solveRotatedDotInto(w: V3, a: V3, b: V3, c: number, out: Float64Array): number {
  const wx = w[0]!, wy = w[1]!, wz = w[2]!, ax = a[0]!, ay = a[1]!, az = a[2]!, bx = b[0]!, by = b[1]!, bz = b[2]!;
  const wa = wx * ax + wy * ay + wz * az, wb = wx * bx + wy * by + wz * bz;
  // a · (w × b)
  const awb = ax * (wy * bz - wz * by) + ay * (wz * bx - wx * bz) + az * (wx * by - wy * bx);
  return solveCosSinInto(ax * bx + ay * by + az * bz - wa * wb, awb, c - wa * wb, out);
}

/**
 * {@link solveTwoAxes} on buffers: rotations Rot(w1, θ1) · Rot(w2, θ2) taking direction p to
 * direction q, as [θ1a, θ2a, θ1b, θ2b] in `out`. Returns 2.
 */
export function solveTwoAxesInto(w1: V3, w2: V3, p: V3, q: V3, fallback1: number, out: Float64Array): number {
  const k = dotV(w1, w2);
  const d = k * k - 1;
  const w2p = dotV(w2, p), w1q = dotV(w1, q);
  const alpha = (k * w2p - w1q) / d;
  const beta = (k * w1q - w2p) / d;
  const ax = w1[0]!, ay = w1[1]!, az = w1[2]!, bx = w2[0]!, by = w2[1]!, bz = w2[2]!;
  const nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const n2 = nx * nx + ny * ny + nz * nz;
  const g2 = (dotV(p, p) - alpha * alpha - beta * beta - 2 * alpha * beta * k) / n2;
  const gamma = Math.sqrt(Math.max(0, g2));
  const px = p[0]!, py = p[1]!, pz = p[2]!, qx = q[0]!, qy = q[1]!, qz = q[2]!;
  for (let s = 0; s < 2; s++) {
    const g = s === 0 ? gamma : -gamma;
    const cx = alpha * ax + beta * bx + g * nx, cy = alpha * ay + beta * by + g * ny, cz = alpha * az + beta * bz + g * nz;
    out[2 * s + 1] = angleAboutXyz(bx, by, bz, px, py, pz, cx, cy, cz, 0);
    out[2 * s] = angleAboutXyz(ax, ay, az, cx, cy, cz, qx, qy, qz, fallback1);
  }
  return 2;
}
