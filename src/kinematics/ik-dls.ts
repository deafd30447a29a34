/**
 * Numerical IK by damped least squares (Levenberg–Marquardt) on the geometric Jacobian.
 *
 * Each iteration solves (J Jᵀ + μ I) y = e and steps dq = Jᵀ y (μ = λ², the damping), the
 * least-squares step that stays bounded near singularities. μ adapts (Nielsen's rule): a step
 * that lowers the error as much as the linear model promised is kept and μ shrinks toward
 * Gauss–Newton, which converges quadratically near a solution; a step that does not lower the
 * error is undone and μ grows, faster each time, toward a short gradient step. Joint limits are
 * respected by projection: the new joint vector is clamped into the limits, and a joint sitting
 * on a limit that the step would push further out is taken out of the solve (its column
 * ignored) so the other joints make up for it instead of the step being silently cut.
 *
 * One instance per chain; buffers are allocated once, so a run allocates nothing.
 */
import type { Mat4 } from './mat4';
import { mat4Create } from './mat4';
import type { Jacobian } from './jacobian';
import { solveSpdInPlace } from './linalg';
import { poseErrorInto } from './pose-error';

/** What a run aims for and how long it may try. */
export interface DlsSettings {
  /** Converged when the position error is at most this (m). */
  positionTolerance: number;
  /** Converged when the orientation error is at most this (rad); ignored when positionOnly. */
  orientationTolerance: number;
  /** Iterations (Jacobian evaluations) allowed in this run. */
  maxIterations: number;
  /** Only the tip position matters (3 rows instead of 6). */
  positionOnly: boolean;
}

/** Damping μ = λ² (units of J Jᵀ: m² or rad² per rad²): start, floor and give-up ceiling. */
const MU_START = 1e-4;
const MU_MIN = 1e-18;
const MU_MAX = 1e6;
/** Largest change of one joint per step (rad or m): keeps a far target from flinging the arm. */
const MAX_STEP = 0.5;

/** Length of v[at … at + 2]. (Math.hypot is several times slower, and this runs every iteration.) */
const length3 = (v: Float64Array, at: number): number => Math.sqrt(v[at]! * v[at]! + v[at + 1]! * v[at + 1]! + v[at + 2]! * v[at + 2]!);

/** A damped-least-squares solver bound to one Jacobian (and so one chain and one FK). */
export class DlsSolver {
  /** Position error (m) after the last run. */
  positionError = Infinity;
  /** Orientation error (rad) after the last run (0 for position-only runs). */
  orientationError = Infinity;
  /** Iterations the last run used. */
  iterations = 0;

  private readonly n: number;
  private readonly a = new Float64Array(36);
  private readonly y = new Float64Array(6);
  private readonly err = new Float64Array(6);
  private readonly errTry = new Float64Array(6);
  private readonly dq: Float64Array;
  private readonly locked: Uint8Array;
  private readonly qTry: Float64Array;
  private readonly pose = mat4Create();

  /**
   * @param jacobian the chain's Jacobian (its FK is the one driven here)
   * @param ranges lower/upper limit of every input joint, packed [lo0, hi0, lo1, hi1, …]
   */
  constructor(
    private readonly jacobian: Jacobian,
    private readonly ranges: Float64Array,
  ) {
    this.n = jacobian.columns;
    this.dq = new Float64Array(this.n);
    this.locked = new Uint8Array(this.n);
    this.qTry = new Float64Array(jacobian.fk.dof);
  }

  /**
   * Iterates from `q` (all inputs, within limits) toward `target` (tip in base, column-major),
   * leaving the best joint vector found in `q`. Returns true when both errors are within the
   * tolerances. Errors and iterations are left in the public fields.
   */
  run(q: Float64Array, target: Mat4, s: DlsSettings): boolean {
    const { jacobian, n, err, errTry, qTry, dq } = this;
    const J = jacobian.matrix;
    const rows = s.positionOnly ? 3 : 6;
    let cost = this.evaluate(q, target, err, rows);
    // μ = λ², adapted by Nielsen's rule from the gain ratio ρ = actual / predicted decrease:
    // a step that does what the linear model promised lowers μ (toward Gauss–Newton), a poor
    // one raises it, a failed one raises it faster each time (ν doubles).
    let mu = MU_START;
    let nu = 2;
    let fkAtQ = true;
    let fresh = false; // the Jacobian belongs to q
    let checkpoint = cost;
    this.iterations = 0;
    while (!this.within(err, s)) {
      if (this.iterations >= s.maxIterations) break;
      this.iterations++;
      if (!fresh) {
        if (!fkAtQ) jacobian.fk.compute(q);
        jacobian.update();
        fresh = true;
      }
      this.locked.fill(0);
      // Up to three passes: each may lock joints that sit on a limit and would be pushed out.
      for (let pass = 0; pass < 3 && this.step(q, err, rows, mu); pass++);
      let largest = 0;
      for (let k = 0; k < n; k++) largest = Math.max(largest, Math.abs(dq[k]!));
      const shrink = largest > MAX_STEP ? MAX_STEP / largest : 1;
      qTry.set(q);
      for (let k = 0; k < n; k++) {
        const i = jacobian.inputOfColumn(k);
        const v = q[i]! + shrink * dq[k]!;
        const lo = this.ranges[2 * i]!, hi = this.ranges[2 * i + 1]!;
        qTry[i] = v < lo ? lo : v > hi ? hi : v;
        dq[k] = qTry[i]! - q[i]!; // the step actually taken, for the predicted decrease
      }
      // Predicted cost after the step by the linear model: |e − J dq|².
      let predicted = 0;
      for (let r = 0; r < rows; r++) {
        let jd = 0;
        for (let k = 0; k < n; k++) jd += J[r * n + k]! * dq[k]!;
        predicted += (err[r]! - jd) ** 2;
      }
      const costTry = this.evaluate(qTry, target, errTry, rows);
      fkAtQ = false;
      if (costTry < cost) {
        const rho = (cost - costTry) / Math.max(cost - predicted, 1e-300);
        q.set(qTry);
        err.set(errTry);
        cost = costTry;
        fkAtQ = true;
        fresh = false;
        mu = Math.max(mu * Math.max(1 / 3, 1 - (2 * rho - 1) ** 3), MU_MIN);
        nu = 2;
      } else {
        mu *= nu;
        nu *= 2;
        if (mu > MU_MAX) break; // no step direction helps: a local minimum or a limit wall
      }
      // Stalled: after 12 iterations less than 1% better. Restarts do better than creeping.
      if (this.iterations % 12 === 0) {
        if (cost > 0.99 * checkpoint) break;
        checkpoint = cost;
      }
    }
    if (!fkAtQ) jacobian.fk.compute(q);
    // The fields describe q, not the last (possibly rejected) trial.
    this.positionError = length3(err, 0);
    this.orientationError = rows === 6 ? length3(err, 3) : 0;
    return this.within(err, s);
  }

  /**
   * Computes dq for the current Jacobian and error with damping μ = λ², zeroing locked columns.
   * Returns true when it locked another joint (so the caller solves again).
   */
  private step(q: Float64Array, err: Float64Array, rows: number, mu: number): boolean {
    const { n, a, y, dq, locked } = this;
    const J = this.jacobian.matrix;
    for (let r = 0; r < rows; r++) {
      for (let c = r; c < rows; c++) {
        let sum = 0;
        for (let k = 0; k < n; k++) if (locked[k] === 0) sum += J[r * n + k]! * J[c * n + k]!;
        a[r * rows + c] = sum;
        a[c * rows + r] = sum;
      }
      a[r * rows + r] = a[r * rows + r]! + mu;
      y[r] = err[r]!;
    }
    if (!solveSpdInPlace(a, rows, y)) {
      dq.fill(0);
      return false;
    }
    let lockedMore = false;
    for (let k = 0; k < n; k++) {
      if (locked[k] !== 0) {
        dq[k] = 0;
        continue;
      }
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += J[r * n + k]! * y[r]!;
      dq[k] = sum;
      const i = this.jacobian.inputOfColumn(k);
      const v = q[i]!;
      if ((v <= this.ranges[2 * i]! && sum < 0) || (v >= this.ranges[2 * i + 1]! && sum > 0)) {
        locked[k] = 1;
        lockedMore = true;
      }
    }
    return lockedMore;
  }

  /** FK at q, the pose error into `err`, and its squared size (m² + rad²). */
  private evaluate(q: Float64Array, target: Mat4, err: Float64Array, rows: number): number {
    const { fk, chain } = this.jacobian;
    fk.compute(q);
    fk.relativePose(chain.baseLink, chain.tipLink, this.pose);
    poseErrorInto(err, this.pose, target);
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += err[r]! * err[r]!;
    return sum;
  }

  private within(err: Float64Array, s: DlsSettings): boolean {
    if (length3(err, 0) > s.positionTolerance) return false;
    return s.positionOnly || length3(err, 3) <= s.orientationTolerance;
  }
}
