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
 *
 * IK tries the closed form on every call, so {@link ClosedFormSolver} allocates nothing per
 * solve: the geometry is copied into Float64Arrays once, everything that depends only on it is
 * computed at construction, and the intermediate vectors and rotations live in scratch buffers.
 */
import type { Mat4 } from './mat4';
import type { ArmGeometry } from './ik-arm';
import {
  addV, angleAboutV, applyM, applyTM, crossV, dotV, mulM, mulMT, mulTM, perpendicular, rejectV, rotationInto, setV,
  solveCosSinInto, solveRotatedDotInto, solveTwoAxesInto, subV, turnV, unturnV, type M3, type V3,
} from './ik-subproblems';

/** Number of branches the closed-form solvers enumerate. */
export const BRANCHES = 8;

const v3 = (from?: ArrayLike<number>): V3 => (from ? Float64Array.from(from) : new Float64Array(3));
const m3 = (): M3 => new Float64Array(9);

/**
 * The closed-form solver of one arm, with its constants and scratch buffers. Build once per
 * arm (InverseKinematics does), then call {@link branches} per target.
 */
export class ClosedFormSolver {
  readonly kind: ArmGeometry['kind'];
  // The six screws (unit axis w, point r), base frame, every joint at zero.
  private readonly w: V3[];
  private readonly r: V3[];
  private readonly homeR: M3;
  private readonly homeP: V3;
  private readonly center: V3;
  /** dot(center − r1, w2): the component along axis 2 that the shoulder must match. */
  private readonly shoulderLevel: number;
  /** Unit vectors across axes 4 and 6, to measure their angles from. */
  private readonly x4: V3;
  private readonly x6: V3;
  // planarPair's constants (x = the point the elbow moves: the wrist centre, or a point on axis 4).
  private readonly planarX: V3;
  /** x − r3. */
  private readonly planarXr3 = v3();
  /** 2 c·v and 2 c·(w3 × v), with c = (r3 − r2) and v = (x − r3) both across axis 2. */
  private readonly planarA: number;
  private readonly planarB: number;
  /** c·c + v·v. */
  private readonly planarCv: number;

  // Scratch, per solve.
  private readonly RG = m3();
  private readonly pG = v3();
  private readonly R1 = m3();
  private readonly R2 = m3();
  private readonly R3 = m3();
  private readonly R5 = m3();
  private readonly R6 = m3();
  private readonly Ra = m3();
  private readonly Rb = m3();
  private readonly va = v3();
  private readonly vb = v3();
  private readonly vc = v3();
  private readonly wristCenter = v3();
  private readonly tipAxis = v3();
  private readonly t1 = new Float64Array(2);
  private readonly t3 = new Float64Array(2);
  private readonly t5 = new Float64Array(2);
  private readonly arm = new Float64Array(4);
  private readonly wrist = new Float64Array(4);

  constructor(g: ArmGeometry) {
    this.kind = g.kind;
    this.w = g.w.map((w) => v3(w));
    this.r = g.r.map((r) => v3(r));
    this.homeR = Float64Array.from(g.homeR);
    this.homeP = v3(g.homeP);
    this.center = v3(g.center);
    const [r1, r2, r3, r4] = this.r as [V3, V3, V3, V3];
    const [, w2, w3, w4, , w6] = this.w as [V3, V3, V3, V3, V3, V3];
    this.shoulderLevel = dotV(subV(v3(), this.center, r1), w2);
    this.x4 = v3(perpendicular([w4[0]!, w4[1]!, w4[2]!]));
    this.x6 = v3(perpendicular([w6[0]!, w6[1]!, w6[2]!]));
    this.planarX = g.kind === 'spherical-wrist' ? this.center : r4;
    subV(this.planarXr3, this.planarX, r3);
    const c = rejectV(v3(), subV(v3(), r3, r2), w2);
    const v = rejectV(v3(), this.planarXr3, w2);
    this.planarA = 2 * dotV(c, v);
    this.planarB = 2 * dotV(c, crossV(v3(), w3, v));
    this.planarCv = dotV(c, c) + dotV(v, v);
  }

  /**
   * All branches for `target` (tip in base, column-major). Writes branch b's six joint values
   * (base to tip, not yet wrapped into limits) at `out[6b … 6b + 5]` and sets `valid[b]` to 1
   * for each branch that exists (0 when the target is out of that branch's reach). `seed` holds
   * the six joints' current values, used where a joint is undetermined. Returns the number of
   * valid branches. Allocation-free.
   */
  branches(target: Mat4, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): number {
    valid.fill(0);
    // G = g · M⁻¹: rotation R_g M_Rᵀ, translation p_g − R_G p_M.
    const { RG, pG, homeR } = this;
    const Rg = this.Ra;
    Rg[0] = target[0]!; Rg[1] = target[4]!; Rg[2] = target[8]!;
    Rg[3] = target[1]!; Rg[4] = target[5]!; Rg[5] = target[9]!;
    Rg[6] = target[2]!; Rg[7] = target[6]!; Rg[8] = target[10]!;
    mulMT(RG, Rg, homeR);
    applyM(pG, RG, this.homeP);
    setV(pG, target[12]! - pG[0]!, target[13]! - pG[1]!, target[14]! - pG[2]!);
    if (this.kind === 'spherical-wrist') this.solveSpherical(seed, out, valid);
    else this.solveUr(seed, out, valid);
    let count = 0;
    for (let b = 0; b < BRANCHES; b++) count += valid[b]!;
    return count;
  }

  /** θ1 candidates into t1: rotations about axis 1 that put `moved` in the plane of the arm at zero. */
  private shoulder(moved: V3, seed: ArrayLike<number>): boolean {
    // Joints 2..(4) turn about ±w2, so the component along it (measured from axis 1) is theirs to keep.
    const d = subV(this.vc, moved, this.r[0]!);
    const n = solveRotatedDotInto(this.w[0]!, d, this.w[1]!, this.shoulderLevel, this.t1);
    if (n < 0) this.t1[0] = this.t1[1] = seed[0]!;
    return n !== 0;
  }

  /**
   * Elbow and shoulder lift for the parallel axes 2, 3: the angles that bring the constant point
   * x (planarX) to `target` (already turned back by θ1). Axis 3 is set so the distance from axis
   * 2 matches (two solutions), then axis 2 swings the point onto the target. Writes [θ2, θ3]
   * pairs into `arm`; returns 0 when the target is out of reach. Clobbers va, vb, R3.
   */
  private planarPair(target: V3, seed: ArrayLike<number>): number {
    const [, w2, w3] = this.w as [V3, V3, V3];
    const [, r2, r3] = this.r as [V3, V3, V3];
    const toTarget = subV(this.va, target, r2);
    const d = rejectV(this.vb, toTarget, w2);
    const t = this.t3;
    const n = solveCosSinInto(this.planarA, this.planarB, dotV(d, d) - this.planarCv, t);
    if (n === 0) return 0;
    if (n < 0) t[0] = t[1] = seed[2]!;
    for (let i = 0; i < 2; i++) {
      const moved = turnV(this.vb, rotationInto(this.R3, w3, t[i]!), r3, this.planarX);
      this.arm[2 * i] = angleAboutV(w2, subV(moved, moved, r2), toTarget, seed[1]!);
      this.arm[2 * i + 1] = t[i]!;
    }
    return 2;
  }

  /**
   * Spherical wrist: the wrist centre c depends on θ1..θ3 only (G c = e1 e2 e3 c), which gives
   * the arm; the wrist then makes up the remaining rotation (subproblem 2, then 1).
   */
  private solveSpherical(seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): void {
    const [w1, w2, w3, w4, w5, w6] = this.w as [V3, V3, V3, V3, V3, V3];
    const r1 = this.r[0]!;
    const { RG, R1, R2, R3, Ra, Rb, t1, arm, wrist, x6 } = this;
    const center = addV(this.wristCenter, applyM(this.wristCenter, RG, this.center), this.pG);
    if (!this.shoulder(center, seed)) return;
    for (let i1 = 0; i1 < 2; i1++) {
      const q1 = t1[i1]!;
      rotationInto(R1, w1, q1);
      if (this.planarPair(unturnV(this.vc, R1, r1, center), seed) === 0) continue;
      for (let i3 = 0; i3 < 2; i3++) {
        const q2 = arm[2 * i3]!, q3 = arm[2 * i3 + 1]!;
        // Rw = (R1 R2 R3)ᵀ RG: what the wrist must do.
        mulM(Ra, mulM(Ra, R1, rotationInto(R2, w2, q2)), rotationInto(R3, w3, q3));
        const Rw = mulTM(Rb, Ra, RG);
        solveTwoAxesInto(w4, w5, w6, applyM(this.tipAxis, Rw, w6), seed[3]!, wrist);
        for (let iw = 0; iw < 2; iw++) {
          const q4 = wrist[2 * iw]!, q5 = wrist[2 * iw + 1]!;
          // R6 = (R4 R5)ᵀ Rw.
          mulM(Ra, rotationInto(R2, w4, q4), rotationInto(R3, w5, q5));
          const R6 = mulTM(this.R6, Ra, Rw);
          const q6 = angleAboutV(w6, x6, applyM(this.va, R6, x6), seed[5]!);
          put(out, valid, 4 * i1 + 2 * i3 + iw, q1, q2, q3, q4, q5, q6);
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
  private solveUr(seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): void {
    const [w1, u, w3, w4, w5, w6] = this.w as [V3, V3, V3, V3, V3, V3];
    const [r1, , , r4, r5, r6] = this.r as [V3, V3, V3, V3, V3, V3];
    const { RG, pG, R1, R2, R3, R5, R6, Ra, Rb, t1, t5, arm, x4 } = this;
    if (!this.shoulder(addV(this.wristCenter, applyM(this.wristCenter, RG, this.center), pG), seed)) return;
    const tipAxis = applyM(this.tipAxis, RG, w6); // the tool's axis 6 in the base frame
    for (let i1 = 0; i1 < 2; i1++) {
      const q1 = t1[i1]!;
      rotationInto(R1, w1, q1);
      const n5 = solveRotatedDotInto(w5, u, w6, dotV(u, applyTM(this.va, R1, tipAxis)), t5);
      if (n5 === 0) continue;
      if (n5 < 0) t5[0] = t5[1] = seed[4]!;
      // u as the tool sees it after θ1: RGᵀ R1 u.
      const uTool = applyTM(this.wristCenter, RG, applyM(this.wristCenter, R1, u));
      for (let i5 = 0; i5 < 2; i5++) {
        const q5 = t5[i5]!;
        rotationInto(R5, w5, q5);
        const q6 = angleAboutV(w6, uTool, applyTM(this.va, R5, u), seed[5]!);
        rotationInto(R6, w6, q6);
        // A point on axis 4 after undoing joints 6, 5 (on the target side) and 1.
        const p = unturnV(this.vc, R5, r5, r4);
        unturnV(p, R6, r6, p);
        addV(p, applyM(p, RG, p), pG);
        unturnV(p, R1, r1, p);
        if (this.planarPair(p, seed) === 0) continue;
        mulM(Rb, R5, R6);
        for (let i3 = 0; i3 < 2; i3++) {
          const q2 = arm[2 * i3]!, q3 = arm[2 * i3 + 1]!;
          // R4 = ((R1 R2 R3)ᵀ RG) (R5 R6)ᵀ.
          mulM(Ra, mulM(Ra, R1, rotationInto(R2, u, q2)), rotationInto(R3, w3, q3));
          mulMT(Ra, mulTM(Ra, Ra, RG), Rb);
          const q4 = angleAboutV(w4, x4, applyM(this.va, Ra, x4), seed[3]!);
          put(out, valid, 4 * i1 + 2 * i3 + i5, q1, q2, q3, q4, q5, q6);
        }
      }
    }
  }
}

/** Writes branch `b` (six joint values, base to tip) into `out` and marks it valid. */
function put(out: Float64Array, valid: Uint8Array, b: number, q1: number, q2: number, q3: number, q4: number, q5: number, q6: number): void {
  const at = 6 * b;
  out[at] = q1; out[at + 1] = q2; out[at + 2] = q3; out[at + 3] = q4; out[at + 4] = q5; out[at + 5] = q6;
  valid[b] = 1;
}

/**
 * All closed-form branches for `target` (see {@link ClosedFormSolver.branches}). Builds a solver
 * per call: keep a ClosedFormSolver where this runs often.
 */
export function closedFormBranches(g: ArmGeometry, target: Mat4, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): number {
  return new ClosedFormSolver(g).branches(target, seed, out, valid);
}
