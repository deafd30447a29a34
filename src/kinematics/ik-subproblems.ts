/**
 * Vector helpers and the Paden–Kahan style subproblems the closed-form IK solvers are built
 * from. A joint is a screw: a unit axis `w` through a point `r`, both in the base frame with
 * every joint at zero (the product-of-exponentials view), so no DH table is needed — the
 * geometry is read straight from the URDF chain.
 *
 * Two kinds of helpers: plain tuples, which allocate and serve the set-up code (recognising the
 * arm family and precomputing its constants, once per chain), and allocation-free forms on
 * caller-owned Float64Arrays for the solvers themselves, which run on every IK call (the second
 * half of the file).
 */
import type { Vec3 } from '../model/geometry';

/** A 3×3 rotation matrix, row-major. */
export type Mat3 = number[];

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
// Math.sqrt rather than Math.hypot, which is slow.
export const norm = (a: Vec3): number => Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);

/** `v` without its component along the unit vector `w`. */
export const reject = (v: Vec3, w: Vec3): Vec3 => sub(v, scale(w, dot(v, w)));

/** A unit vector perpendicular to the unit vector `w`. */
export function perpendicular(w: Vec3): Vec3 {
  const ax = Math.abs(w[0]), ay = Math.abs(w[1]), az = Math.abs(w[2]);
  const e: Vec3 = ax <= ay && ax <= az ? [1, 0, 0] : ay <= az ? [0, 1, 0] : [0, 0, 1];
  const p = cross(w, e);
  return scale(p, 1 / norm(p));
}

/** Below this a length or a sine counts as zero in the subproblems (a singular configuration). */
export const DEGENERATE = 1e-9;

// ---------------------------------------------------------------------------------------------
// Allocation-free forms for the closed-form solvers' hot path (ik-closed-form.ts): the same
// operations on caller-owned Float64Arrays (V3: 3 numbers, M3: 9 numbers row-major), writing
// into `out`. Every function reads all of its inputs before writing, so `out` may alias them.
//
// No function here takes or returns a floating-point number: V8 boxes a double passed to or
// returned from a call it did not inline (a heap allocation each), and the solvers make too
// many calls for all of them to be inlined. Numbers travel in the buffers instead — angles as
// [θ, cos θ, sin θ] triples at an offset — and only small integers are passed.

/** A 3-vector in a caller-owned buffer. */
export type V3 = Float64Array;
/** A 3×3 rotation matrix, row-major, in a caller-owned buffer. */
export type M3 = Float64Array;

/** DEGENERATE², to compare squared lengths with. */
const DEGENERATE_SQUARED = DEGENERATE * DEGENERATE;
/** A fallback angle of 0, for {@link angleAboutCs}. */
const ZERO = new Float64Array(1);

export function subV(out: V3, a: V3, b: V3): V3 {
  const x = a[0]! - b[0]!, y = a[1]! - b[1]!, z = a[2]! - b[2]!;
  out[0] = x; out[1] = y; out[2] = z;
  return out;
}

export function addV(out: V3, a: V3, b: V3): V3 {
  const x = a[0]! + b[0]!, y = a[1]! + b[1]!, z = a[2]! + b[2]!;
  out[0] = x; out[1] = y; out[2] = z;
  return out;
}

/** out = `v` without its component along the unit vector `w`. */
export function rejectV(out: V3, v: V3, w: V3): V3 {
  const vx = v[0]!, vy = v[1]!, vz = v[2]!, wx = w[0]!, wy = w[1]!, wz = w[2]!;
  const d = vx * wx + vy * wy + vz * wz;
  out[0] = vx - wx * d; out[1] = vy - wy * d; out[2] = vz - wz * d;
  return out;
}

/** out = m · v. */
export function applyM(out: V3, m: M3, v: V3): V3 {
  const x = v[0]!, y = v[1]!, z = v[2]!;
  const ox = m[0]! * x + m[1]! * y + m[2]! * z, oy = m[3]! * x + m[4]! * y + m[5]! * z, oz = m[6]! * x + m[7]! * y + m[8]! * z;
  out[0] = ox; out[1] = oy; out[2] = oz;
  return out;
}

/** out = mᵀ · v. */
export function applyTM(out: V3, m: M3, v: V3): V3 {
  const x = v[0]!, y = v[1]!, z = v[2]!;
  const ox = m[0]! * x + m[3]! * y + m[6]! * z, oy = m[1]! * x + m[4]! * y + m[7]! * z, oz = m[2]! * x + m[5]! * y + m[8]! * z;
  out[0] = ox; out[1] = oy; out[2] = oz;
  return out;
}

/** out = a · bᵀ. */
export function mulMT(out: M3, a: M3, b: M3): M3 {
  const a0 = a[0]!, a1 = a[1]!, a2 = a[2]!, a3 = a[3]!, a4 = a[4]!, a5 = a[5]!, a6 = a[6]!, a7 = a[7]!, a8 = a[8]!;
  const b0 = b[0]!, b1 = b[1]!, b2 = b[2]!, b3 = b[3]!, b4 = b[4]!, b5 = b[5]!, b6 = b[6]!, b7 = b[7]!, b8 = b[8]!;
  out[0] = a0 * b0 + a1 * b1 + a2 * b2; out[1] = a0 * b3 + a1 * b4 + a2 * b5; out[2] = a0 * b6 + a1 * b7 + a2 * b8;
  out[3] = a3 * b0 + a4 * b1 + a5 * b2; out[4] = a3 * b3 + a4 * b4 + a5 * b5; out[5] = a3 * b6 + a4 * b7 + a5 * b8;
  out[6] = a6 * b0 + a7 * b1 + a8 * b2; out[7] = a6 * b3 + a7 * b4 + a8 * b5; out[8] = a6 * b6 + a7 * b7 + a8 * b8;
  return out;
}

/**
 * out = Rot(w, ±θ) · v for the unit axis `w`, with cos θ and sin θ read from trig[at + 1],
 * trig[at + 2] (a [θ, cos θ, sin θ] triple); `inverse` turns by −θ. Rodrigues on the vector:
 * v c + (w × v) s + w (w · v)(1 − c) — a third of the work of building the rotation matrix, and
 * the solvers only ever need a few turned vectors.
 */
export function rotateV(out: V3, w: V3, trig: Float64Array, at: number, inverse: boolean, v: V3): V3 {
  const c = trig[at + 1]!, s = inverse ? -trig[at + 2]! : trig[at + 2]!;
  const wx = w[0]!, wy = w[1]!, wz = w[2]!, vx = v[0]!, vy = v[1]!, vz = v[2]!;
  const k = (wx * vx + wy * vy + wz * vz) * (1 - c);
  out[0] = vx * c + (wy * vz - wz * vy) * s + wx * k;
  out[1] = vy * c + (wz * vx - wx * vz) * s + wy * k;
  out[2] = vz * c + (wx * vy - wy * vx) * s + wz * k;
  return out;
}

/** Writes [θ, cos θ, sin θ] at out[at …] for θ = from[fromAt] (a seed value, for a singular joint). */
export function putAngle(out: Float64Array, at: number, from: ArrayLike<number>, fromAt: number): void {
  const angle = from[fromAt]!;
  out[at] = angle;
  out[at + 1] = Math.cos(angle);
  out[at + 2] = Math.sin(angle);
}

/**
 * Subproblem 1: the angle about unit axis `w` that turns `p` onto `q` (both relative to a point
 * on the axis), written with its cosine and sine as [θ, cos θ, sin θ] at out[at …] — the cosine
 * and sine come from the numbers the atan2 came from, a division instead of Math.cos and
 * Math.sin. When either has no component across w, any angle fits (a singular configuration)
 * and the caller's choice, fallback[fallbackAt] (the seed), is as good as any.
 */
export function angleAboutCs(w: V3, p: V3, q: V3, fallback: ArrayLike<number>, fallbackAt: number, out: Float64Array, at: number): void {
  const wx = w[0]!, wy = w[1]!, wz = w[2]!, px = p[0]!, py = p[1]!, pz = p[2]!, qx = q[0]!, qy = q[1]!, qz = q[2]!;
  const dp = wx * px + wy * py + wz * pz, dq = wx * qx + wy * qy + wz * qz;
  const ax = px - wx * dp, ay = py - wy * dp, az = pz - wz * dp;
  const bx = qx - wx * dq, by = qy - wy * dq, bz = qz - wz * dq;
  if (ax * ax + ay * ay + az * az < DEGENERATE_SQUARED || bx * bx + by * by + bz * bz < DEGENERATE_SQUARED) {
    putAngle(out, at, fallback, fallbackAt);
    return;
  }
  const cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
  const sin = wx * cx + wy * cy + wz * cz, cos = ax * bx + ay * by + az * bz;
  const r = 1 / Math.sqrt(sin * sin + cos * cos); // |a| |b| > 0
  out[at] = Math.atan2(sin, cos);
  out[at + 1] = cos * r;
  out[at + 2] = sin * r;
}

/**
 * The angles θ with a·cos θ + b·sin θ = c for [a, b, c] = abc[0 … 2], written as [θa, cos θa,
 * sin θa, θb, cos θb, sin θb] into `out` (two, possibly equal). Returns 2, or 0 when there is no
 * solution (|c| > √(a² + b²): out of reach), or −1 when a = b = 0 (every θ fits or none does: a
 * singular configuration, the caller picks; `out` untouched).
 */
export function solveCosSinCs(abc: Float64Array, out: Float64Array): number {
  const a = abc[0]!, b = abc[1]!, c = abc[2]!;
  const rho = Math.sqrt(a * a + b * b);
  if (rho < DEGENERATE) return -1;
  let ratio = c / rho;
  if (Math.abs(ratio) > 1) {
    // Rounding at the edge of the workspace can leave |ratio| a hair above 1.
    if (Math.abs(ratio) > 1 + 1e-9) return 0;
    ratio = Math.sign(ratio);
  }
  const phi = Math.atan2(b, a), alpha = Math.acos(ratio);
  // θ = φ ± α, with cos φ = a/ρ, sin φ = b/ρ, cos α = ratio, sin α = √(1 − ratio²).
  const cp = a / rho, sp = b / rho, sa = Math.sqrt(1 - ratio * ratio);
  out[0] = phi + alpha;
  out[1] = cp * ratio - sp * sa;
  out[2] = sp * ratio + cp * sa;
  out[3] = phi - alpha;
  out[4] = cp * ratio + sp * sa;
  out[5] = sp * ratio - cp * sa;
  return 2;
}

/**
 * The angles θ with a · Rot(w, θ) b = c (w unit): the dot product of a fixed vector with a
 * rotating one. c = abc[2] on entry; `abc` is scratch (3 numbers). Written and returned as
 * {@link solveCosSinCs}.
 */
export function solveRotatedDotCs(w: V3, a: V3, b: V3, abc: Float64Array, out: Float64Array): number {
  const wx = w[0]!, wy = w[1]!, wz = w[2]!, ax = a[0]!, ay = a[1]!, az = a[2]!, bx = b[0]!, by = b[1]!, bz = b[2]!;
  const wa = wx * ax + wy * ay + wz * az, wb = wx * bx + wy * by + wz * bz;
  abc[2] = abc[2]! - wa * wb;
  abc[0] = ax * bx + ay * by + az * bz - wa * wb;
  abc[1] = ax * (wy * bz - wz * by) + ay * (wz * bx - wx * bz) + az * (wx * by - wy * bx); // a · (w × b)
  return solveCosSinCs(abc, out);
}

/**
 * Subproblem 2 for intersecting axes: rotations Rot(w1, θ1) · Rot(w2, θ2) that take direction
 * `p` to direction `q` (|p| = |q|). Writes both solutions (they may coincide) as [θ1, cos, sin,
 * θ2, cos, sin] at out[0 …] and out[6 …]; θ1 = fallback[fallbackAt] where it is undetermined
 * (the wrist singularity: the moved direction lies on axis 1). `scratch` (3 numbers) holds the
 * intermediate direction. Returns 2.
 */
export function solveTwoAxesCs(
  w1: V3, w2: V3, p: V3, q: V3, fallback: ArrayLike<number>, fallbackAt: number, out: Float64Array, scratch: V3,
): number {
  // The intermediate direction c = Rot(w2, θ2) p = Rot(w1, −θ1) q keeps its component along
  // w2 (from p) and along w1 (from q): c = α w1 + β w2 + γ (w1 × w2).
  const ax = w1[0]!, ay = w1[1]!, az = w1[2]!, bx = w2[0]!, by = w2[1]!, bz = w2[2]!;
  const px = p[0]!, py = p[1]!, pz = p[2]!, qx = q[0]!, qy = q[1]!, qz = q[2]!;
  const k = ax * bx + ay * by + az * bz;
  const d = k * k - 1;
  const w2p = bx * px + by * py + bz * pz, w1q = ax * qx + ay * qy + az * qz;
  const alpha = (k * w2p - w1q) / d;
  const beta = (k * w1q - w2p) / d;
  const nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const n2 = nx * nx + ny * ny + nz * nz;
  const g2 = (px * px + py * py + pz * pz - alpha * alpha - beta * beta - 2 * alpha * beta * k) / n2;
  const gamma = Math.sqrt(Math.max(0, g2)); // < 0 only by rounding or for an unreachable orientation
  for (let s = 0; s < 2; s++) {
    const g = s === 0 ? gamma : -gamma;
    scratch[0] = alpha * ax + beta * bx + g * nx;
    scratch[1] = alpha * ay + beta * by + g * ny;
    scratch[2] = alpha * az + beta * bz + g * nz;
    angleAboutCs(w2, p, scratch, ZERO, 0, out, 6 * s + 3);
    angleAboutCs(w1, scratch, q, fallback, fallbackAt, out, 6 * s);
  }
  return 2;
}
