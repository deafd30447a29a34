/**
 * Blend zones: consecutive moves run as one motion, the robot rounding each corner instead of
 * stopping at it.
 *
 * Method: **superposition** (overlap blending). With a blend radius r at the corner between
 * move A and move B, B starts τ seconds before A ends, and during those τ seconds the joint
 * values are A(t) + B(t − t_B) − corner. Before the overlap the robot is on A, after it on B;
 * inside it A's stop phase and B's start phase add up, so position and velocity stay continuous
 * and the robot passes near the corner without halting. τ is the time A spends within r of the
 * corner (equal to the time B spends within r of it), capped by A's stop phase and B's start
 * phase, so at most two moves are ever active and only ramps are mixed. r is measured along
 * each move's own path: joint-space distance (rad) for MoveJ, tool-path length (m) for MoveL/C.
 *
 * Limits: the sum of a decelerating and an accelerating ramp can ask more of a joint than
 * either move alone (a joint that reverses direction adds the two accelerations). Each overlap
 * is therefore checked against the joint limits (on a grid plus both profiles' segment ends)
 * and, if it fails, shortened by bisection to the longest overlap that passes — down to none,
 * a stop at the corner. Between trapezoidal moves a reversing joint's accelerations add at
 * once, whatever τ, so such corners often get none; s-curve moves start and end with zero
 * acceleration, so short overlaps pass. Every corner saves exactly its τ:
 * duration = Σ move durations − Σ τ.
 */
import type { JointMotionLimits } from './limits';
import type { BlendableMove, JointTrajectory, JointVector } from './trajectory';

/** Points checked inside each overlap when validating it against the limits. */
const CHECK_POINTS = 128;
/** Rounding allowed over a limit (relative). */
const TOLERANCE = 1 + 1e-9;
/** Bisection steps when an overlap must be shortened: τ to within 2⁻²⁰ of its cap. */
const BISECTIONS = 20;

/** Several moves run one after the other, corners blended; a {@link JointTrajectory}. */
export class BlendedSequence implements JointTrajectory {
  readonly dof: number;
  readonly duration: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Start time of each move in the sequence (s). */
  readonly startTimes: Float64Array;
  /** Overlap τ at each corner (s): the time saved there compared with stopping. */
  readonly overlaps: Float64Array;
  private readonly q: Float64Array;
  private readonly qd: Float64Array;
  private readonly qdd: Float64Array;

  /**
   * @param moves consecutive moves, each starting where the previous one ends
   * @param radii blend radius at each corner (`moves.length − 1` values; 0 = stop there)
   * @param limits the joint limits overlaps must respect
   */
  constructor(
    readonly moves: readonly BlendableMove[],
    radii: ArrayLike<number>,
    limits: Pick<JointMotionLimits, 'velocity' | 'acceleration'>,
  ) {
    const first = moves[0];
    if (!first) throw new Error('a sequence needs at least one move');
    if (radii.length !== moves.length - 1) throw new Error(`expected ${moves.length - 1} blend radii, got ${radii.length}`);
    this.dof = first.dof;
    this.q = new Float64Array(this.dof);
    this.qd = new Float64Array(this.dof);
    this.qdd = new Float64Array(this.dof);
    this.start = first.start;
    this.end = moves[moves.length - 1]!.end;
    this.startTimes = new Float64Array(moves.length);
    this.overlaps = new Float64Array(Math.max(0, moves.length - 1));
    for (let k = 1; k < moves.length; k++) {
      const a = moves[k - 1]!, b = moves[k]!;
      for (let i = 0; i < this.dof; i++) {
        if (Math.abs(a.end[i]! - b.start[i]!) > 1e-9) throw new Error(`move ${k} does not start where move ${k - 1} ends (joint ${i})`);
      }
      const r = radii[k - 1]!;
      let tau = r > 0 ? Math.min(a.timeWithin(r), b.timeWithin(r), a.rampOut, b.rampIn) : 0;
      if (tau > 0 && !this.overlapWithinLimits(a, b, tau, limits)) {
        // Bisect for the longest overlap that passes (no overlap always does).
        let lo = 0, hi = tau;
        for (let it = 0; it < BISECTIONS; it++) {
          const mid = (lo + hi) / 2;
          if (this.overlapWithinLimits(a, b, mid, limits)) lo = mid;
          else hi = mid;
        }
        tau = lo;
      }
      this.overlaps[k - 1] = tau;
      this.startTimes[k] = this.startTimes[k - 1]! + a.duration - tau;
    }
    this.duration = this.startTimes[moves.length - 1]! + moves[moves.length - 1]!.duration;
  }

  /**
   * Checks the summed velocity and acceleration of A's last τ and B's first τ, on an even grid
   * plus both profiles' segment ends (each side of them, for the steps of a trapezoid). For
   * MoveJ the summed acceleration is piecewise linear between those times, so its peak is
   * caught exactly; velocities and MoveL's curved rates are checked to the grid's resolution.
   */
  private overlapWithinLimits(a: BlendableMove, b: BlendableMove, tau: number, limits: Pick<JointMotionLimits, 'velocity' | 'acceleration'>): boolean {
    const n = this.dof;
    const v = new Float64Array(n), acc = new Float64Array(n), q = new Float64Array(n);
    const v2 = new Float64Array(n), acc2 = new Float64Array(n);
    const offset = a.duration - tau;
    const eps = 1e-9 * tau;
    const times: number[] = [];
    for (let p = 0; p <= CHECK_POINTS; p++) times.push((tau * p) / CHECK_POINTS);
    for (const t of b.breakpoints) if (t < tau) times.push(t - eps, t + eps);
    for (const t of a.breakpoints) if (t > offset) times.push(t - offset - eps, t - offset + eps);
    for (const raw of times) {
      // Strictly inside the overlap: at its edges one of the two accelerations is a step.
      const sigma = Math.min(Math.max(raw, eps), tau - eps);
      a.sample(offset + sigma, q, v, acc);
      b.sample(sigma, q, v2, acc2);
      for (let i = 0; i < n; i++) {
        if (Math.abs(v[i]! + v2[i]!) > limits.velocity[i]! * TOLERANCE) return false;
        if (Math.abs(acc[i]! + acc2[i]!) > limits.acceleration[i]! * TOLERANCE) return false;
      }
    }
    return true;
  }

  /** Index of the last move that has started at time t (binary search; allocation-free). */
  private moveAt(t: number): number {
    let lo = 0, hi = this.startTimes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.startTimes[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  sample(t: number, outQ: JointVector, outQd?: JointVector, outQdd?: JointVector): void {
    const tc = Math.min(Math.max(t, 0), this.duration);
    const k = this.moveAt(tc);
    const move = this.moves[k]!;
    move.sample(tc - this.startTimes[k]!, outQ, outQd, outQdd);
    if (k === 0) return;
    const prev = this.moves[k - 1]!;
    const local = tc - this.startTimes[k - 1]!;
    if (local >= prev.duration) return;
    // Inside an overlap: add what the previous move still has to go.
    const { q, qd, qdd, dof } = this;
    prev.sample(local, q, outQd ? qd : undefined, outQdd ? qdd : undefined);
    for (let i = 0; i < dof; i++) {
      outQ[i] = outQ[i]! + q[i]! - prev.end[i]!;
      if (outQd) outQd[i] = outQd[i]! + qd[i]!;
      if (outQdd) outQdd[i] = outQdd[i]! + qdd[i]!;
    }
  }
}
