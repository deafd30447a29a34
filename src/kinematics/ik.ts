/**
 * Inverse kinematics for any base/tip pair of a robot: a full pose (position + orientation) or
 * a position only.
 *
 * Order of attempts, cheapest and most predictable first:
 * 1. closed form, when the chain is a 6-axis arm of a known family (ik-arm.ts): all eight
 *    branches, each joint moved to its ±2π equivalent nearest the seed within limits, a few
 *    DLS iterations to polish away the URDF's rounding, and the branch nearest the seed wins;
 * 2. damped least squares from the seed (the natural choice while jogging or dragging: it
 *    stays on the current branch);
 * 3. DLS from random joint vectors within limits (a seeded RNG, so the same call gives the same
 *    answer in Node and in the browser), keeping the converged solution nearest the seed.
 * An unreachable target gives `converged: false` with the best effort found and the errors
 * left — finite numbers, never NaN.
 */
import type { JointDescription, RobotDescription } from '../model/robot-description';
import { ForwardKinematics } from './forward';
import { Jacobian } from './jacobian';
import { mat4Create, type Mat4 } from './mat4';
import { mat4FromPositionQuaternion, type Quaternion } from './pose-error';
import { DlsSolver, type DlsSettings } from './ik-dls';
import { analyseArm, type ArmGeometry, type ClosedFormKind } from './ik-arm';
import { BRANCHES, ClosedFormSolver } from './ik-closed-form';
import { checkJointValues, LIMIT_SLACK, nearestEquivalent, packedRanges } from './limits';
import { seededRandom } from './random';
import type { IkBranch, IkOptions, IkResult, IkTarget } from './ik-types';

export type { IkBranch, IkOptions, IkResult, IkTarget } from './ik-types';

/** Iterations of DLS that polish a closed-form branch. */
const POLISH_ITERATIONS = 8;

/**
 * IK solver for one base/tip pair. Build once per robot and chain (it analyses the geometry
 * and allocates its buffers), then call {@link solve} as often as needed.
 *
 * @example
 * const ik = new InverseKinematics(robot, 'base_link', 'tool0');
 * const r = ik.solve({ position: [0.4, 0.1, 0.3], quaternion: [1, 0, 0, 0] }, currentQ);
 * if (r.converged) robotQ = r.q;
 */
export class InverseKinematics {
  readonly fk: ForwardKinematics;
  readonly jacobian: Jacobian;
  /** The input joints (ForwardKinematics order): what `seed` and `q` list. */
  readonly inputJoints: readonly JointDescription[];
  /** The closed-form family of this chain, or null when only DLS applies. */
  readonly closedForm: ClosedFormKind | null;
  private readonly arm: ArmGeometry | null;
  private readonly solver: ClosedFormSolver | null;
  private readonly ranges: Float64Array;
  private readonly dls: DlsSolver;
  private readonly target = mat4Create();
  private readonly branchValues = new Float64Array(6 * BRANCHES);
  private readonly branchValid = new Uint8Array(BRANCHES);
  // Scratch for solveClosedForm, so a closed-form solve allocates little beyond its result.
  private readonly armSeed = new Float64Array(6);
  /** The arm's six input joints, base to tip (arm.inputs). */
  private readonly armInputs: Int32Array;
  private readonly work: Float64Array;
  private readonly order = new Int32Array(BRANCHES);
  private readonly orderDistance = new Float64Array(BRANCHES);
  /** The chain's input joints (jacobian.chain.inputs), and which of them are revolute. */
  private readonly chainInputs: Int32Array;
  private readonly chainRevolute: Uint8Array;
  private readonly polish: DlsSettings = { positionTolerance: 0, orientationTolerance: 0, maxIterations: POLISH_ITERATIONS, positionOnly: false };
  /** The settings of the current solve (reused: a solve allocates little beyond its result). */
  private readonly settings: DlsSettings = { positionTolerance: 0, orientationTolerance: 0, maxIterations: 0, positionOnly: false };
  /** DLS iterations the last solveClosedForm spent polishing. */
  private polishIterations = 0;

  constructor(robot: RobotDescription, base: string, tip: string, fk: ForwardKinematics = new ForwardKinematics(robot)) {
    this.fk = fk;
    this.jacobian = new Jacobian(robot, base, tip, fk);
    this.inputJoints = fk.inputJoints;
    this.ranges = packedRanges(fk.inputJoints);
    this.dls = new DlsSolver(this.jacobian, this.ranges);
    this.arm = analyseArm(this.jacobian);
    this.closedForm = this.arm?.kind ?? null;
    this.solver = this.arm ? new ClosedFormSolver(this.arm) : null;
    this.armInputs = Int32Array.from(this.arm?.inputs ?? []);
    this.work = new Float64Array(fk.dof);
    this.chainInputs = Int32Array.from(this.jacobian.chain.inputs);
    this.chainRevolute = Uint8Array.from(this.jacobian.chain.inputs, (i) => (fk.inputJoints[i]!.type === 'prismatic' ? 0 : 1));
  }

  /**
   * Solves for `target` (tip in base: an {@link IkTarget} or a column-major Mat4) starting from
   * `seed` (the current joint values, all inputs). Throws naming the joint and its range when a
   * seed value is outside its limits, and when the target is not finite.
   */
  solve(target: IkTarget | Mat4, seed: ArrayLike<number>, options: IkOptions = {}): IkResult {
    this.checkSeed(seed);
    const positionOnly = options.positionOnly ?? (!(target instanceof Float64Array) && target.quaternion === undefined);
    this.setTarget(target, positionOnly);
    const settings = this.settings;
    settings.positionTolerance = options.positionTolerance ?? 1e-8;
    settings.orientationTolerance = options.orientationTolerance ?? 1e-7;
    settings.maxIterations = options.maxIterations ?? 100;
    settings.positionOnly = positionOnly;
    let iterations = 0;
    if (this.arm && !positionOnly && options.closedForm !== false) {
      const found = this.solveClosedForm(seed, settings);
      iterations += this.polishIterations;
      if (found) {
        found.iterations = iterations;
        return found;
      }
    }
    const q = new Float64Array(seed.length);
    copyInto(q, seed);
    const converged = this.dls.run(q, this.target, settings);
    iterations += this.dls.iterations;
    if (converged) return this.result(q, seed, true, iterations);

    let best = { q: q.slice(), cost: this.cost() };
    let nearest: { q: Float64Array; distance: number } | null = null;
    let found = 0;
    const random = seededRandom(options.randomSeed ?? 1);
    for (let r = 0; r < (options.restarts ?? 24); r++) {
      this.randomStart(q, seed, random);
      const ok = this.dls.run(q, this.target, settings);
      iterations += this.dls.iterations;
      if (ok) {
        this.wrapToward(q, seed);
        const distance = this.distance(q, seed);
        if (nearest === null || distance < nearest.distance) nearest = { q: q.slice(), distance };
        if (++found >= (options.candidates ?? 3)) break;
      } else if (nearest === null && this.cost() < best.cost) {
        best = { q: q.slice(), cost: this.cost() };
      }
    }
    const chosen = nearest ? nearest.q : best.q;
    this.dls.run(chosen, this.target, { ...settings, maxIterations: 0 }); // errors of the chosen q
    return this.result(chosen, seed, nearest !== null, iterations);
  }

  /**
   * Every closed-form branch for a full-pose target (empty when the chain has no closed form
   * or the target is out of reach). `seed` (default: zeros clamped into the limits) decides
   * which ±2π equivalent each joint takes and the value of a joint a singularity leaves free.
   */
  branches(target: IkTarget | Mat4, seed?: ArrayLike<number>): IkBranch[] {
    if (!this.arm) return [];
    const start = seed ?? this.inputJoints.map((_, i) => Math.min(Math.max(0, this.ranges[2 * i]!), this.ranges[2 * i + 1]!));
    checkJointValues(this.inputJoints, start);
    this.setTarget(target, false);
    const out: IkBranch[] = [];
    this.solver!.branches(this.target, this.arm.inputs.map((i) => start[i]!), this.branchValues, this.branchValid);
    for (let b = 0; b < BRANCHES; b++) {
      if (this.branchValid[b] === 0) continue;
      const q = Array.from(start);
      const withinLimits = this.placeBranch(b, q, start);
      out.push({ branch: b, q, withinLimits });
    }
    return out;
  }

  /**
   * Places every branch within limits, then polishes and checks them nearest-first: the first
   * that converges is the answer (usually the nearest, so one FK check instead of eight).
   * Returns null when none does; the DLS iterations spent are left in polishIterations.
   */
  private solveClosedForm(seed: ArrayLike<number>, settings: DlsSettings): IkResult | null {
    const { armSeed, armInputs, order, orderDistance, work: q, polish, branchValues: values, branchValid: valid, ranges } = this;
    for (let k = 0; k < 6; k++) armSeed[k] = seed[armInputs[k]!]!;
    this.solver!.branches(this.target, armSeed, values, valid);
    // Each branch's joints moved, in place, to their equivalents nearest the seed; branches with
    // a joint that fits no limit are dropped. Then an insertion sort of the rest by distance.
    let count = 0;
    for (let b = 0; b < BRANCHES; b++) {
      if (valid[b] === 0) continue;
      let d = 0;
      let k = 0;
      for (; k < 6; k++) {
        const i = armInputs[k]!;
        const near = seed[i]!;
        const v = nearestEquivalent(values[6 * b + k]!, near, ranges[2 * i]!, ranges[2 * i + 1]!);
        if (Number.isNaN(v)) break;
        values[6 * b + k] = v;
        d += (v - near) * (v - near);
      }
      if (k < 6) continue;
      let at = count++;
      while (at > 0 && orderDistance[at - 1]! > d) {
        order[at] = order[at - 1]!;
        orderDistance[at] = orderDistance[at - 1]!;
        at--;
      }
      order[at] = b;
      orderDistance[at] = d;
    }
    polish.positionTolerance = settings.positionTolerance;
    polish.orientationTolerance = settings.orientationTolerance;
    this.polishIterations = 0;
    for (let n = 0; n < count; n++) {
      const branch = order[n]!;
      copyInto(q, seed);
      for (let k = 0; k < 6; k++) q[armInputs[k]!] = values[6 * branch + k]!;
      const ok = this.dls.run(q, this.target, polish);
      this.polishIterations += this.dls.iterations;
      if (ok) return this.result(q, seed, true, 0, branch);
    }
    return null;
  }

  /** Throws like checkJointValues when the seed is the wrong length or outside the limits. */
  private checkSeed(seed: ArrayLike<number>): void {
    const n = this.inputJoints.length;
    let ok = seed.length === n;
    for (let i = 0; ok && i < n; i++) {
      const v = seed[i]!;
      ok = Number.isFinite(v) && v >= this.ranges[2 * i]! - LIMIT_SLACK && v <= this.ranges[2 * i + 1]! + LIMIT_SLACK;
    }
    // The slow path only to word the error.
    if (!ok) checkJointValues(this.inputJoints, seed);
  }

  /** Writes branch b's joints into q, each at its equivalent nearest the seed; false if one fits no limit. */
  private placeBranch(b: number, q: Float64Array | number[], seed: ArrayLike<number>): boolean {
    let inside = true;
    const inputs = this.arm!.inputs;
    for (let k = 0; k < 6; k++) {
      const i = inputs[k]!;
      const raw = this.branchValues[6 * b + k]!;
      const v = nearestEquivalent(raw, seed[i]!, this.ranges[2 * i]!, this.ranges[2 * i + 1]!);
      if (Number.isNaN(v)) inside = false;
      q[i] = Number.isNaN(v) ? raw : v;
    }
    return inside;
  }

  private setTarget(target: IkTarget | Mat4, positionOnly: boolean): void {
    if (target instanceof Float64Array) {
      let finite = target.length === 16;
      for (let k = 0; finite && k < 16; k++) {
        const v = target[k]!;
        finite = v - v === 0; // false for NaN and ±Infinity
        this.target[k] = v;
      }
      if (!finite) throw new Error('target matrix must be 16 finite numbers');
      return;
    }
    if (!target.position.every(Number.isFinite)) throw new Error(`target position [${target.position.join(', ')}] is not finite`);
    const q: Quaternion = positionOnly || target.quaternion === undefined ? [0, 0, 0, 1] : target.quaternion;
    mat4FromPositionQuaternion(this.target, target.position, q);
  }

  /** A random joint vector within limits on the chain; other joints keep the seed. */
  private randomStart(q: Float64Array, seed: ArrayLike<number>, random: () => number): void {
    copyInto(q, seed);
    for (const i of this.chainInputs) {
      let lo = this.ranges[2 * i]!, hi = this.ranges[2 * i + 1]!;
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
        lo = Math.max(lo, seed[i]! - Math.PI);
        hi = Math.min(hi, seed[i]! + Math.PI);
      }
      q[i] = lo + (hi - lo) * random();
    }
  }

  /** Moves revolute chain joints to their ±2π equivalent nearest the seed (the pose is unchanged). */
  private wrapToward(q: Float64Array, seed: ArrayLike<number>): void {
    const { chainInputs, chainRevolute } = this;
    for (let k = 0; k < chainInputs.length; k++) {
      if (chainRevolute[k] === 0) continue;
      const i = chainInputs[k]!;
      const v = nearestEquivalent(q[i]!, seed[i]!, this.ranges[2 * i]!, this.ranges[2 * i + 1]!);
      if (!Number.isNaN(v)) q[i] = v;
    }
  }

  private distance(q: ArrayLike<number>, seed: ArrayLike<number>): number {
    const inputs = this.chainInputs;
    let sum = 0;
    for (let k = 0; k < inputs.length; k++) {
      const i = inputs[k]!;
      const d = q[i]! - seed[i]!;
      sum += d * d;
    }
    return sum;
  }

  private cost(): number {
    return this.dls.positionError ** 2 + this.dls.orientationError ** 2;
  }

  /** The result for q (wrapped toward the seed when converged); a closed-form one when `branch` ≥ 0. */
  private result(q: Float64Array, seed: ArrayLike<number>, converged: boolean, iterations: number, branch = -1): IkResult {
    if (converged) this.wrapToward(q, seed);
    // A plain loop: Array.from(q) goes through the iterator protocol, about 1 µs here.
    const values = new Array<number>(q.length);
    for (let i = 0; i < q.length; i++) values[i] = q[i]!;
    if (branch >= 0) {
      return {
        q: values,
        positionError: this.dls.positionError,
        orientationError: this.dls.orientationError,
        iterations,
        converged,
        branch,
        method: 'closed-form',
      };
    }
    return {
      q: values,
      positionError: this.dls.positionError,
      orientationError: this.dls.orientationError,
      iterations,
      converged,
      method: 'numerical',
    };
  }
}

/** out[i] = from[i] for every index of `out` (seeds come as number[] or Float64Array). */
function copyInto(out: Float64Array, from: ArrayLike<number>): void {
  for (let i = 0; i < out.length; i++) out[i] = from[i]!;
}
