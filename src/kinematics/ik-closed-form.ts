/**
 * Closed-form IK for the two 6-axis families ik-arm.ts recognises, with every branch:
 * shoulder (2) × elbow (2) × wrist (2) = 8. Branch number = 4·shoulder + 2·elbow + wrist, the
 * same for both families, so a caller can stay on a branch while the target moves.
 *
 * Product of exponentials: with g the target and M the tip at zero, G = g·M⁻¹ =
 * e^{ξ1θ1} ⋯ e^{ξ6θ6}, where e^{ξθ} turns points about joint axis (w, r) by θ. Each family has
 * points and directions that all but two or three joints leave alone, which splits G into
 * small subproblems (ik-subproblems.ts). Where a joint is undetermined (a singularity: the
 * wrist straight, the wrist centre on axis 1) the seed's value is taken.
 */
import type { Vec3 } from '../model/geometry';
import type { Mat4 } from './mat4';
import type { ArmGeometry } from './ik-arm';
import {
  add, angleAbout, apply3, applyT3, cross, dot, mul3, mul3T, mulT3, perpendicular, reject, rotation, solveCosSin,
  solveRotatedDot, solveTwoAxes, sub, type Mat3,
} from './ik-subproblems';

/** Number of branches the closed-form solvers enumerate. */
export const BRANCHES = 8;

/** Writes branch `b` (six joint values, base to tip) into `out` and marks it valid. */
function put(out: Float64Array, valid: Uint8Array, b: number, q: number[]): void {
  for (let k = 0; k < 6; k++) out[6 * b + k] = q[k]!;
  valid[b] = 1;
}

/** Turns point x about axis (w, r) by the rotation R: r + R (x − r). */
const turn = (R: Mat3, r: Vec3, x: Vec3): Vec3 => add(r, apply3(R, sub(x, r)));
/** The inverse turn: r + Rᵀ (x − r). */
const unturn = (R: Mat3, r: Vec3, x: Vec3): Vec3 => add(r, applyT3(R, sub(x, r)));

/**
 * Elbow and shoulder lift for two parallel axes 2, 3 (direction ±u): the angles that bring
 * point `x` (fixed by later joints) to `target` (already turned back by θ1). Axis 3 is set so
 * the distance from axis 2 matches (two solutions), then axis 2 swings the point onto the
 * target. Writes [θ2, θ3] pairs into `out`; returns 0 when the target is out of reach.
 */
function planarPair(g: ArmGeometry, x: Vec3, target: Vec3, seed: ArrayLike<number>, out: number[]): number {
  const [, w2, w3] = g.w as [Vec3, Vec3, Vec3];
  const [, r2, r3] = g.r as [Vec3, Vec3, Vec3];
  const c = reject(sub(r3, r2), w2);
  const v = reject(sub(x, r3), w2);
  const d = reject(sub(target, r2), w2);
  const t: [number, number] = [0, 0];
  const n = solveCosSin(2 * dot(c, v), 2 * dot(c, cross(w3, v)), dot(d, d) - dot(c, c) - dot(v, v), t);
  if (n === 0) return 0;
  if (n < 0) t[0] = t[1] = seed[2]!;
  for (let i = 0; i < 2; i++) {
    const moved = turn(rotation(w3, t[i]!), r3, x);
    out[2 * i] = angleAbout(w2, sub(moved, r2), sub(target, r2), seed[1]!);
    out[2 * i + 1] = t[i]!;
  }
  return 2;
}

/** θ1 candidates: rotations about axis 1 that put `moved` (fixed by joints 2..6 up to its u component) in the plane of `home`. */
function shoulder(g: ArmGeometry, moved: Vec3, home: Vec3, seed: ArrayLike<number>, out: [number, number]): boolean {
  const [w1, u] = g.w as [Vec3, Vec3];
  const r1 = g.r[0]!;
  // Joints 2..(4) turn about ±u, so the component along u (measured from axis 1) is theirs to keep.
  const n = solveRotatedDot(w1, sub(moved, r1), u, dot(sub(home, r1), u), out);
  if (n < 0) out[0] = out[1] = seed[0]!;
  return n !== 0;
}

/**
 * Spherical wrist: the wrist centre c depends on θ1..θ3 only (G c = e1 e2 e3 c), which gives
 * the arm; the wrist then makes up the remaining rotation (subproblem 2, then 1).
 */
function solveSpherical(g: ArmGeometry, RG: Mat3, pG: Vec3, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): void {
  const [w1, w2, w3, w4, w5, w6] = g.w as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
  const r1 = g.r[0]!;
  const center = add(apply3(RG, g.center), pG);
  const t1: [number, number] = [0, 0];
  if (!shoulder(g, center, g.center, seed, t1)) return;
  const x6 = perpendicular(w6);
  for (let i1 = 0; i1 < 2; i1++) {
    const R1 = rotation(w1, t1[i1]!);
    const arm: number[] = [];
    if (planarPair(g, g.center, unturn(R1, r1, center), seed, arm) === 0) continue;
    for (let i3 = 0; i3 < 2; i3++) {
      const q2 = arm[2 * i3]!, q3 = arm[2 * i3 + 1]!;
      const Rw = mulT3(mul3(mul3(R1, rotation(w2, q2)), rotation(w3, q3)), RG);
      const wrist: number[] = [];
      solveTwoAxes(w4, w5, w6, apply3(Rw, w6), seed[3]!, wrist);
      for (let iw = 0; iw < 2; iw++) {
        const q4 = wrist[2 * iw]!, q5 = wrist[2 * iw + 1]!;
        const R6 = mulT3(mul3(rotation(w4, q4), rotation(w5, q5)), Rw);
        const q6 = angleAbout(w6, x6, apply3(R6, x6), seed[5]!);
        put(out, valid, 4 * i1 + 2 * i3 + iw, [t1[i1]!, q2, q3, q4, q5, q6]);
      }
    }
  }
}

/**
 * UR type: axes 2, 3, 4 are parallel (direction u), so the point where axes 5 and 6 meet keeps
 * its u component under them (θ1); the tool axis' u component fixes θ5, the u direction seen
 * from the tool fixes θ6; what is left is a planar 3R arm (θ2, θ3 for a point on axis 4, θ4
 * for the rest of the rotation).
 */
function solveUr(g: ArmGeometry, RG: Mat3, pG: Vec3, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): void {
  const [w1, u, w3, w4, w5, w6] = g.w as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
  const [r1, , , r4, r5, r6] = g.r as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
  const t1: [number, number] = [0, 0];
  if (!shoulder(g, add(apply3(RG, g.center), pG), g.center, seed, t1)) return;
  const x4 = perpendicular(w4);
  for (let i1 = 0; i1 < 2; i1++) {
    const R1 = rotation(w1, t1[i1]!);
    const t5: [number, number] = [0, 0];
    const n5 = solveRotatedDot(w5, u, w6, dot(u, applyT3(R1, apply3(RG, w6))), t5);
    if (n5 === 0) continue;
    if (n5 < 0) t5[0] = t5[1] = seed[4]!;
    for (let i5 = 0; i5 < 2; i5++) {
      const R5 = rotation(w5, t5[i5]!);
      const q6 = angleAbout(w6, applyT3(RG, apply3(R1, u)), applyT3(R5, u), seed[5]!);
      const R6 = rotation(w6, q6);
      // A point on axis 4 after undoing joints 6, 5 (on the target side) and 1.
      const a = unturn(R1, r1, add(apply3(RG, unturn(R6, r6, unturn(R5, r5, r4))), pG));
      const arm: number[] = [];
      if (planarPair(g, r4, a, seed, arm) === 0) continue;
      for (let i3 = 0; i3 < 2; i3++) {
        const q2 = arm[2 * i3]!, q3 = arm[2 * i3 + 1]!;
        const R123 = mul3(mul3(R1, rotation(u, q2)), rotation(w3, q3));
        const R4 = mul3T(mulT3(R123, RG), mul3(R5, R6));
        const q4 = angleAbout(w4, x4, apply3(R4, x4), seed[3]!);
        put(out, valid, 4 * i1 + 2 * i3 + i5, [t1[i1]!, q2, q3, q4, t5[i5]!, q6]);
      }
    }
  }
}

/**
 * All closed-form branches for `target` (tip in base, column-major). Writes branch b's six
 * joint values (base to tip, not yet wrapped into limits) at `out[6b … 6b + 5]` and sets
 * `valid[b]` to 1 for each branch that exists (0 when the target is out of that branch's
 * reach). `seed` holds the six joints' current values, used where a joint is undetermined.
 * Returns the number of valid branches.
 */
export function closedFormBranches(g: ArmGeometry, target: Mat4, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): number {
  valid.fill(0);
  // G = g · M⁻¹: rotation R_g M_Rᵀ, translation p_g − R_G p_M.
  const Rg: Mat3 = [target[0]!, target[4]!, target[8]!, target[1]!, target[5]!, target[9]!, target[2]!, target[6]!, target[10]!];
  const RG = mul3T(Rg, g.homeR);
  const pG = sub([target[12]!, target[13]!, target[14]!], apply3(RG, g.homeP));
  if (g.kind === 'spherical-wrist') solveSpherical(g, RG, pG, seed, out, valid);
  else solveUr(g, RG, pG, seed, out, valid);
  let count = 0;
  for (let b = 0; b < BRANCHES; b++) count += valid[b]!;
  return count;
}
