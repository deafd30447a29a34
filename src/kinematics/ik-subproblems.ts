/**
 * Vector helpers and the Paden–Kahan style subproblems the closed-form IK solvers are built
 * from. A joint is a screw: a unit axis `w` through a point `r`, both in the base frame with
 * every joint at zero (the product-of-exponentials view), so no DH table is needed — the
 * geometry is read straight from the URDF chain.
 *
 * Plain tuples and 9-number row-major rotation matrices: clear first, small enough to be fast.
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
