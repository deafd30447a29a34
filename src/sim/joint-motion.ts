/**
 * Commanded joint motion. The simulation asks a robot's {@link JointDriver} for the joint values
 * at each step time and poses the links from them by forward kinematics.
 *
 * Motion plugs in through {@link JointTrajectory}: anything with a `duration` and a
 * `sample(t, outQ)` (the motion layer's MoveJ/MoveL trajectories fit as they are). The built-in
 * {@link LinearJointMove} goes straight to a target with the slowest joint at its velocity limit
 * and the others scaled to arrive with it — the simple joint-target API of this layer.
 *
 * Snapshots must be plain data (they cross to the page and back), but a trajectory object may
 * hold functions. So a driver stores a linear move as its endpoints, and any other trajectory
 * as its values sampled at the remaining step times: the simulation only ever samples at those
 * times, so a restored run reads exactly the numbers the original run computed.
 */

/** A timed joint-space path: `sample(t)` for t in [0, duration] writes the joint values. */
export interface JointTrajectory {
  /** Length in seconds. */
  readonly duration: number;
  /** Writes the joint values at `t` seconds after the start into `outQ` (length = DOF). */
  sample(t: number, outQ: Float64Array | number[]): void;
}

/** A synchronized straight-line joint move; the slowest joint runs at its velocity limit. */
export class LinearJointMove implements JointTrajectory {
  readonly duration: number;

  constructor(
    readonly from: Float64Array,
    readonly to: Float64Array,
    duration: number,
  ) {
    this.duration = duration;
  }

  /**
   * Plans the move from `from` to `to` with joint speeds `vmax` (rad/s or m/s) scaled by
   * `speed` (0 < speed ≤ 1): the duration is the longest joint's distance over its speed.
   */
  static plan(from: ArrayLike<number>, to: ArrayLike<number>, vmax: ArrayLike<number>, speed = 1): LinearJointMove {
    let duration = 0;
    for (let i = 0; i < from.length; i++) {
      const v = vmax[i]! * speed;
      duration = Math.max(duration, Math.abs(to[i]! - from[i]!) / v);
    }
    return new LinearJointMove(Float64Array.from(from), Float64Array.from(to), duration);
  }

  sample(t: number, outQ: Float64Array | number[]): void {
    const s = this.duration > 0 ? Math.min(1, Math.max(0, t / this.duration)) : 1;
    for (let i = 0; i < this.from.length; i++) outQ[i] = this.from[i]! + (this.to[i]! - this.from[i]!) * s;
  }
}

/** A trajectory replayed from values sampled on the step grid (see the module comment). */
export class SampledTrajectory implements JointTrajectory {
  constructor(
    readonly duration: number,
    /** Trajectory time of the first sample. */
    readonly t0: number,
    readonly dt: number,
    /** Samples, `dof` values each, at t0, t0 + dt, … */
    readonly values: Float64Array,
    /** The values at `duration`. */
    readonly end: Float64Array,
  ) {}

  sample(t: number, outQ: Float64Array | number[]): void {
    const dof = this.end.length;
    const count = this.values.length / dof;
    if (t >= this.duration || count === 0) {
      for (let i = 0; i < dof; i++) outQ[i] = this.end[i]!;
      return;
    }
    const k = Math.max(0, Math.min(count - 1, (t - this.t0) / this.dt));
    const nearest = Math.round(k);
    if (Math.abs(k - nearest) < 1e-6) {
      // On the step grid (always, from the simulation): the stored numbers, exactly.
      for (let i = 0; i < dof; i++) outQ[i] = this.values[nearest * dof + i]!;
      return;
    }
    // Off the grid (other callers): interpolate between the neighbouring samples.
    const k0 = Math.floor(k);
    const k1 = Math.min(count - 1, k0 + 1);
    const f = k - k0;
    for (let i = 0; i < dof; i++) {
      const a = this.values[k0 * dof + i]!;
      outQ[i] = a + (this.values[k1 * dof + i]! - a) * f;
    }
  }
}

/** A driver's state as plain data. */
export interface JointDriverState {
  q: number[];
  start: number;
  trajectory:
    | null
    | { kind: 'linear'; from: number[]; to: number[]; duration: number }
    | { kind: 'sampled'; duration: number; t0: number; dt: number; values: number[]; end: number[] };
}

/** The commanded joint values of one robot (or tool) and the trajectory it is following. */
export class JointDriver {
  /** Current commanded values (rad or m), updated by {@link advance}. */
  readonly q: Float64Array;
  private trajectory: JointTrajectory | null = null;
  private start = 0;

  constructor(initial: ArrayLike<number>) {
    this.q = Float64Array.from(initial);
  }

  /** True while a trajectory is running. */
  get moving(): boolean {
    return this.trajectory !== null;
  }

  /** The trajectory being followed and its absolute start time (null when idle). */
  current(): { trajectory: JointTrajectory; start: number } | null {
    return this.trajectory ? { trajectory: this.trajectory, start: this.start } : null;
  }

  /** Absolute time at which the current trajectory ends (the current time when idle). */
  endTime(now: number): number {
    return this.trajectory ? this.start + this.trajectory.duration : now;
  }

  /** Starts `trajectory` at absolute time `start`. */
  follow(trajectory: JointTrajectory, start: number): void {
    this.trajectory = trajectory;
    this.start = start;
  }

  /**
   * Ends the current trajectory on its exact end values. A program step ends at the move's end
   * time, which may fall between physics steps; sampling there could land a rounding short of
   * the end (start + duration − start ≠ duration), so the next step starts from the end itself.
   */
  finish(): void {
    const trajectory = this.trajectory;
    if (!trajectory) return;
    trajectory.sample(trajectory.duration, this.q);
    this.trajectory = null;
  }

  /** Stops where the values are now. */
  stop(): void {
    this.trajectory = null;
  }

  /** Updates {@link q} to the commanded values at absolute time `t`. */
  advance(t: number): void {
    const trajectory = this.trajectory;
    if (!trajectory) return;
    const tau = t - this.start;
    if (tau >= trajectory.duration) {
      trajectory.sample(trajectory.duration, this.q);
      this.trajectory = null;
    } else {
      trajectory.sample(Math.max(0, tau), this.q);
    }
  }

  /**
   * The state as plain data. The simulation samples at times `n · dt` for step numbers
   * n = `nextStep`, `nextStep` + 1, …; a trajectory other than a linear move is stored as its
   * values at exactly those times.
   */
  save(nextStep: number, dt: number): JointDriverState {
    const base = { q: Array.from(this.q), start: this.start };
    const tr = this.trajectory;
    if (!tr) return { ...base, trajectory: null };
    if (tr instanceof LinearJointMove) {
      return { ...base, trajectory: { kind: 'linear', from: Array.from(tr.from), to: Array.from(tr.to), duration: tr.duration } };
    }
    const dof = this.q.length;
    const values: number[] = [];
    const out = new Float64Array(dof);
    const t0 = nextStep * dt - this.start;
    // The same arithmetic as advance(), so each stored sample is the one the run would compute.
    for (let n = nextStep; n * dt - this.start < tr.duration; n++) {
      tr.sample(Math.max(0, n * dt - this.start), out);
      for (let i = 0; i < dof; i++) values.push(out[i]!);
    }
    tr.sample(tr.duration, out);
    return { ...base, trajectory: { kind: 'sampled', duration: tr.duration, t0, dt, values, end: Array.from(out) } };
  }

  /** Puts the driver back into a saved state. */
  load(state: JointDriverState): void {
    this.q.set(state.q);
    this.start = state.start;
    const tr = state.trajectory;
    if (!tr) this.trajectory = null;
    else if (tr.kind === 'linear') this.trajectory = new LinearJointMove(Float64Array.from(tr.from), Float64Array.from(tr.to), tr.duration);
    else this.trajectory = new SampledTrajectory(tr.duration, tr.t0, tr.dt, Float64Array.from(tr.values), Float64Array.from(tr.end));
  }
}
