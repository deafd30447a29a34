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
 * solve: the geometry is copied into Float64Arrays once, what depends on it alone is computed
 * at construction, intermediate vectors live in scratch buffers, and each angle is carried with
 * its cosine and sine ([θ, cos θ, sin θ]) so that turning a vector by it needs no Math.cos.
 * Rather than multiplying rotation matrices, the solvers turn back only the few vectors they
 * need, joint by joint.
 */
import type { Vec3 } from '../model/geometry';
import type { Mat4 } from './mat4';
import type { ArmGeometry } from './ik-arm';
import {
  addV, angleAboutCs, applyM, applyTM, cross, dot, mulMT, perpendicular, putAngle, reject, rejectV, rotateV,
  solveCosSinCs, solveRotatedDotCs, solveTwoAxesCs, sub, subV, type M3, type V3,
} from './ik-subproblems';

/** Number of branches the closed-form solvers enumerate. */
export const BRANCHES = 8;

const v3 = (from?: ArrayLike<number>): V3 => (from ? Float64Array.from(from) : new Float64Array(3));

/**
 * The closed-form solver of one arm, with its constants and scratch buffers. Build once per
 * arm (InverseKinematics does), then call {@link branches} per target.
 */
export class ClosedFormSolver {
  readonly kind: ArmGeometry['kind'];
  // The six screws: unit axes w1…w6 and points r1…r6 on them, base frame, every joint at zero.
  private readonly w1: V3;
  private readonly w2: V3;
  private readonly w3: V3;
  private readonly w4: V3;
  private readonly w5: V3;
  private readonly w6: V3;
  private readonly r1: V3;
  private readonly r2: V3;
  private readonly r4: V3;
  private readonly r5: V3;
  private readonly r6: V3;
  private readonly homeR: M3;
  private readonly homeP: V3;
  private readonly center: V3;
  /** dot(center − r1, w2): the component along axis 2 that the shoulder must match. */
  private readonly shoulderLevel: number;
  /** Unit vectors across axes 4 and 6, to measure their angles from. */
  private readonly x4: V3;
  private readonly x6: V3;
  // planarPair's constants. x is the point the elbow moves: the wrist centre, or a point on axis 4.
  /** x − r3. */
  private readonly planarXr3: V3;
  /** r3 − r2. */
  private readonly r3r2: V3;
  /** 2 c·v and 2 c·(w3 × v), with c = (r3 − r2) and v = (x − r3) both across axis 2. */
  private readonly planarA: number;
  private readonly planarB: number;
  /** c·c + v·v. */
  private readonly planarCv: number;

  // Scratch, per solve.
  private readonly RG = new Float64Array(9);
  private readonly Rg = new Float64Array(9);
  private readonly pG = v3();
  private readonly va = v3();
  private readonly vb = v3();
  private readonly vc = v3();
  private readonly wristCenter = v3();
  private readonly centerFromAxis1 = v3();
  private readonly a6 = v3();
  private readonly b6 = v3();
  private readonly a1 = v3();
  private readonly b1 = v3();
  private readonly a3 = v3();
  private readonly b3 = v3();
  /** Coefficients handed to the cos/sin equation solvers. */
  private readonly abc = v3();
  // Angles with their cosines and sines, [θ, cos θ, sin θ] per solution (ik-subproblems.ts).
  private readonly t1 = new Float64Array(6);
  private readonly t3 = new Float64Array(6);
  private readonly t4 = new Float64Array(3);
  private readonly t5 = new Float64Array(6);
  private readonly t6 = new Float64Array(3);
  /** planarPair's two solutions, [θ2, cos, sin, θ3, cos, sin] at 0 and 6. */
  private readonly arm = new Float64Array(12);
  /** The spherical wrist's two solutions, [θ4, cos, sin, θ5, cos, sin] at 0 and 6. */
  private readonly wrist = new Float64Array(12);

  constructor(g: ArmGeometry) {
    this.kind = g.kind;
    const [w1, w2, w3, w4, w5, w6] = g.w as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
    const [r1, r2, r3, r4, r5, r6] = g.r as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
    this.w1 = v3(w1); this.w2 = v3(w2); this.w3 = v3(w3); this.w4 = v3(w4); this.w5 = v3(w5); this.w6 = v3(w6);
    this.r1 = v3(r1); this.r2 = v3(r2); this.r4 = v3(r4); this.r5 = v3(r5); this.r6 = v3(r6);
    this.homeR = Float64Array.from(g.homeR);
    this.homeP = v3(g.homeP);
    this.center = v3(g.center);
    this.shoulderLevel = dot(sub(g.center, r1), w2);
    this.x4 = v3(perpendicular(w4));
    this.x6 = v3(perpendicular(w6));
    const x = g.kind === 'spherical-wrist' ? g.center : r4;
    this.planarXr3 = v3(sub(x, r3));
    this.r3r2 = v3(sub(r3, r2));
    const c = reject(sub(r3, r2), w2);
    const v = reject(sub(x, r3), w2);
    this.planarA = 2 * dot(c, v);
    this.planarB = 2 * dot(c, cross(w3, v));
    this.planarCv = dot(c, c) + dot(v, v);
  }

  /**
   * All branches for `target` (tip in base, column-major). Writes branch b's six joint values
   * (base to tip, not yet wrapped into limits) at `out[6b … 6b + 5]` and sets `valid[b]` to 1
   * for each branch that exists (0 when the target is out of that branch's reach). `seed` holds
   * the six joints' current values, used where a joint is undetermined. Returns the number of
   * valid branches. Allocation-free.
   */
  branches(target: Mat4, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): number {
    for (let b = 0; b < BRANCHES; b++) valid[b] = 0;
    // G = g · M⁻¹: rotation R_g M_Rᵀ, translation p_g − R_G p_M.
    const { RG, Rg, pG } = this;
    Rg[0] = target[0]!; Rg[1] = target[4]!; Rg[2] = target[8]!;
    Rg[3] = target[1]!; Rg[4] = target[5]!; Rg[5] = target[9]!;
    Rg[6] = target[2]!; Rg[7] = target[6]!; Rg[8] = target[10]!;
    mulMT(RG, Rg, this.homeR);
    applyM(pG, RG, this.homeP);
    pG[0] = target[12]! - pG[0]!;
    pG[1] = target[13]! - pG[1]!;
    pG[2] = target[14]! - pG[2]!;
    if (this.kind === 'spherical-wrist') this.solveSpherical(seed, out, valid);
    else this.solveUr(seed, out, valid);
    let count = 0;
    for (let b = 0; b < BRANCHES; b++) count += valid[b]!;
    return count;
  }

  /**
   * θ1 candidates into t1: rotations about axis 1 that put `moved` in the plane of the arm at
   * zero. False when there are none.
   */
  private shoulder(moved: V3, seed: ArrayLike<number>): boolean {
    // Joints 2..(4) turn about ±w2, so the component along it (measured from axis 1) is theirs to keep.
    this.abc[2] = this.shoulderLevel;
    const n = solveRotatedDotCs(this.w1, subV(this.vc, moved, this.r1), this.w2, this.abc, this.t1);
    if (n < 0) bothFromSeed(this.t1, seed, 0);
    return n !== 0;
  }

  /**
   * Elbow and shoulder lift for the parallel axes 2, 3: the angles that bring the constant point
   * x to `target` (already turned back by θ1). Axis 3 is set so the distance from axis 2
   * matches (two solutions), then axis 2 swings the point onto the target. Writes both pairs
   * into `arm`; returns 0 when the target is out of reach. Clobbers va and vb.
   */
  private planarPair(target: V3, seed: ArrayLike<number>): number {
    const { w2, arm, t3, abc } = this;
    const toTarget = subV(this.va, target, this.r2);
    const d = rejectV(this.vb, toTarget, w2);
    abc[0] = this.planarA;
    abc[1] = this.planarB;
    abc[2] = d[0]! * d[0]! + d[1]! * d[1]! + d[2]! * d[2]! - this.planarCv;
    const n = solveCosSinCs(abc, t3);
    if (n === 0) return 0;
    if (n < 0) bothFromSeed(t3, seed, 2);
    for (let i = 0; i < 2; i++) {
      // x turned about axis 3, relative to r2: (r3 − r2) + Rot(w3, θ3)(x − r3).
      const moved = addV(this.vb, rotateV(this.vb, this.w3, t3, 3 * i, false, this.planarXr3), this.r3r2);
      angleAboutCs(w2, moved, toTarget, seed, 1, arm, 6 * i);
      arm[6 * i + 3] = t3[3 * i]!;
      arm[6 * i + 4] = t3[3 * i + 1]!;
      arm[6 * i + 5] = t3[3 * i + 2]!;
    }
    return 2;
  }

  /**
   * Spherical wrist: the wrist centre c depends on θ1..θ3 only (G c = e1 e2 e3 c), which gives
   * the arm; the wrist then makes up the remaining rotation Rw = (R1 R2 R3)ᵀ R_G (subproblem 2,
   * then 1). Only two directions of Rw matter — where it takes axis 6 and a direction x6 across
   * it — so those two are turned back joint by joint.
   */
  private solveSpherical(seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): void {
    const { w1, w2, w3, w4, w5, w6, r1, RG, t1, t6, arm, wrist, x6 } = this;
    const center = addV(this.wristCenter, applyM(this.wristCenter, RG, this.center), this.pG);
    if (!this.shoulder(center, seed)) return;
    const fromAxis1 = subV(this.centerFromAxis1, center, r1);
    const a6 = applyM(this.a6, RG, w6); // the target's axis 6, base frame
    const b6 = applyM(this.b6, RG, x6); // and its direction x6
    for (let i1 = 0; i1 < 2; i1++) {
      const at1 = 3 * i1;
      // The wrist centre turned back by θ1: r1 + R1ᵀ (c − r1).
      const back = addV(this.vc, rotateV(this.vc, w1, t1, at1, true, fromAxis1), r1);
      if (this.planarPair(back, seed) === 0) continue;
      const a1 = rotateV(this.a1, w1, t1, at1, true, a6);
      const b1 = rotateV(this.b1, w1, t1, at1, true, b6);
      for (let i3 = 0; i3 < 2; i3++) {
        const at = 6 * i3;
        // Rw w6 and Rw x6.
        const a3 = rotateV(this.a3, w3, arm, at + 3, true, rotateV(this.a3, w2, arm, at, true, a1));
        const b3 = rotateV(this.b3, w3, arm, at + 3, true, rotateV(this.b3, w2, arm, at, true, b1));
        solveTwoAxesCs(w4, w5, w6, a3, seed, 3, wrist, this.vb);
        for (let iw = 0; iw < 2; iw++) {
          const aw = 6 * iw;
          // R6 x6 with R6 = (R4 R5)ᵀ Rw: what joint 6 must turn x6 into.
          const y = rotateV(this.va, w4, wrist, aw, true, b3);
          angleAboutCs(w6, x6, rotateV(y, w5, wrist, aw + 3, true, y), seed, 5, t6, 0);
          const o = 6 * (4 * i1 + 2 * i3 + iw);
          out[o] = t1[at1]!;
          out[o + 1] = arm[at]!;
          out[o + 2] = arm[at + 3]!;
          out[o + 3] = wrist[aw]!;
          out[o + 4] = wrist[aw + 3]!;
          out[o + 5] = t6[0]!;
          valid[4 * i1 + 2 * i3 + iw] = 1;
        }
      }
    }
  }

  /**
   * UR type: axes 2, 3, 4 are parallel (direction u), so the point where axes 5 and 6 meet keeps
   * its u component under them (θ1); the tool axis' u component fixes θ5, the u direction seen
   * from the tool fixes θ6; what is left is a planar 3R arm (θ2, θ3 for a point on axis 4, θ4
   * for the rest of the rotation). Vectors are turned joint by joint, as in solveSpherical.
   */
  private solveUr(seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): void {
    const { w1, w2: u, w3, w4, w5, w6, r1, r4, r5, r6, RG, pG, t1, t4, t5, t6, arm, x4, abc } = this;
    if (!this.shoulder(addV(this.wristCenter, applyM(this.wristCenter, RG, this.center), pG), seed)) return;
    const a6 = applyM(this.a6, RG, w6); // the target's axis 6, base frame
    for (let i1 = 0; i1 < 2; i1++) {
      const at1 = 3 * i1;
      // θ5 from the u component of the tool axis seen after θ1: u · R1ᵀ a6.
      const back = rotateV(this.va, w1, t1, at1, true, a6);
      abc[2] = u[0]! * back[0]! + u[1]! * back[1]! + u[2]! * back[2]!;
      const n5 = solveRotatedDotCs(w5, u, w6, abc, t5);
      if (n5 === 0) continue;
      if (n5 < 0) bothFromSeed(t5, seed, 4);
      // u as the tool sees it after θ1: R_Gᵀ R1 u.
      const uTool = applyTM(this.a1, RG, rotateV(this.a1, w1, t1, at1, false, u));
      for (let i5 = 0; i5 < 2; i5++) {
        const at5 = 3 * i5;
        angleAboutCs(w6, uTool, rotateV(this.va, w5, t5, at5, true, u), seed, 5, t6, 0);
        // A point on axis 4 after undoing joints 6, 5 (on the target side) and 1:
        // r1 + R1ᵀ (R_G (r6 + R6ᵀ (r5 + R5ᵀ (r4 − r5) − r6)) + p_G − r1).
        const p = rotateV(this.vc, w5, t5, at5, true, subV(this.vc, r4, r5));
        rotateV(p, w6, t6, 0, true, subV(p, addV(p, p, r5), r6));
        addV(p, applyM(p, RG, addV(p, p, r6)), pG);
        addV(p, rotateV(p, w1, t1, at1, true, subV(p, p, r1)), r1);
        if (this.planarPair(p, seed) === 0) continue;
        // R4 x4 with R4 = ((R1 R2 R3)ᵀ R_G)(R5 R6)ᵀ: R3ᵀ R2ᵀ R1ᵀ R_G R6ᵀ R5ᵀ x4.
        const z = rotateV(this.b1, w5, t5, at5, true, x4);
        rotateV(z, w6, t6, 0, true, z);
        rotateV(z, w1, t1, at1, true, applyM(z, RG, z));
        for (let i3 = 0; i3 < 2; i3++) {
          const at = 6 * i3;
          const y = rotateV(this.va, u, arm, at, true, z);
          angleAboutCs(w4, x4, rotateV(y, w3, arm, at + 3, true, y), seed, 3, t4, 0);
          const o = 6 * (4 * i1 + 2 * i3 + i5);
          out[o] = t1[at1]!;
          out[o + 1] = arm[at]!;
          out[o + 2] = arm[at + 3]!;
          out[o + 3] = t4[0]!;
          out[o + 4] = t5[at5]!;
          out[o + 5] = t6[0]!;
          valid[4 * i1 + 2 * i3 + i5] = 1;
        }
      }
    }
  }
}

/** A singular joint takes the seed's value seed[k] for both of its solutions. */
function bothFromSeed(out: Float64Array, seed: ArrayLike<number>, k: number): void {
  putAngle(out, 0, seed, k);
  putAngle(out, 3, seed, k);
}

/**
 * All closed-form branches for `target` (see {@link ClosedFormSolver.branches}). Builds a solver
 * per call: keep a ClosedFormSolver where this runs often.
 */
export function closedFormBranches(g: ArmGeometry, target: Mat4, seed: ArrayLike<number>, out: Float64Array, valid: Uint8Array): number {
  return new ClosedFormSolver(g).branches(target, seed, out, valid);
}
