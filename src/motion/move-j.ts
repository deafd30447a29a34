/**
 * MoveJ: a synchronized point-to-point joint move. Every joint starts together and arrives
 * together, within its own velocity, acceleration (and, for the s-curve, jerk) limits.
 *
 * Synchronisation: **one normalised profile for all joints** (phase synchronisation, the way
 * industrial controllers run "synchro PTP"). The move is a straight line in joint space,
 * q(t) = q₀ + Δ·s(t) with s going 0 → 1, so every joint accelerates, cruises and stops in the
 * same phases. The profile's limits are the tightest any joint allows once divided by its
 * distance:
 *
 *   V = minᵢ vᵢ/|Δᵢ|,  A = minᵢ aᵢ/|Δᵢ|,  J = minᵢ jᵢ/|Δᵢ|,
 *
 * so joint i reaches at most |Δᵢ|·V ≤ vᵢ, |Δᵢ|·A ≤ aᵢ, |Δᵢ|·J ≤ jᵢ. The duration is the closed
 * form of profile.ts on distance 1 with (V, A, J). When the joint that binds V also binds A and
 * J — always so when the limits are proportional, as the library's are (a = v/0.25 s,
 * j = a/0.05 s) — this is exactly that slowest joint's own minimum time (d/v + v/a for a
 * trapezoid): the slowest joint sets the duration and the others are slowed to match. With
 * unproportional limits it can be longer than every joint's own minimum (the price of keeping
 * the joint-space path straight and the phases common).
 *
 * Joints with zero distance impose nothing; a move with all distances zero lasts 0 s.
 */
import { MotionProfile, type ProfileKind } from './profile';
import { scaleLimits, type JointMotionLimits, type MotionScaling } from './limits';
import type { BlendableMove, JointVector } from './trajectory';

/** Options of {@link MoveJ}. */
export interface MoveJOptions extends MotionScaling {
  /** Profile shape (default trapezoidal). */
  profile?: ProfileKind;
}

/** A planned MoveJ. Build with `new MoveJ(from, to, limits, options)`. */
export class MoveJ implements BlendableMove {
  readonly dof: number;
  readonly duration: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** `end − start` per joint. */
  readonly delta: Float64Array;
  /** The normalised profile (distance 1) every joint follows. */
  readonly profile: MotionProfile;
  /** The limits actually used: the given ones after the speed override and accel fraction. */
  readonly limits: JointMotionLimits;
  /** Index of the joint that binds the velocity (the slowest joint), or −1 for a zero move. */
  readonly leader: number;
  readonly rampIn: number;
  readonly rampOut: number;
  readonly breakpoints: readonly number[];
  /** Joint-space length of the move, √Σ Δᵢ² (rad or m). */
  readonly length: number;
  private readonly state = new Float64Array(3);

  constructor(from: ArrayLike<number>, to: ArrayLike<number>, limits: JointMotionLimits, options: MoveJOptions = {}) {
    const n = limits.velocity.length;
    if (from.length !== n || to.length !== n) throw new Error(`MoveJ: expected ${n} joint values, got ${from.length} and ${to.length}`);
    this.dof = n;
    this.start = Float64Array.from(from);
    this.end = Float64Array.from(to);
    this.delta = this.end.map((q, i) => q - this.start[i]!);
    this.limits = scaleLimits(limits, options);
    let V = Infinity, A = Infinity, J = Infinity, leader = -1;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(this.delta[i]!);
      if (!(d > 0)) continue;
      const v = this.limits.velocity[i]! / d;
      if (v < V) {
        V = v;
        leader = i;
      }
      A = Math.min(A, this.limits.acceleration[i]! / d);
      J = Math.min(J, this.limits.jerk[i]! / d);
    }
    this.leader = leader;
    this.length = Math.hypot(...this.delta);
    const kind = options.profile ?? 'trapezoidal';
    this.profile = leader < 0 ? new MotionProfile(0, { velocity: 1, acceleration: 1, jerk: 1 }, kind) : new MotionProfile(1, { velocity: V, acceleration: A, jerk: J }, kind);
    this.duration = this.profile.duration;
    this.rampIn = this.rampOut = this.profile.rampTime;
    this.breakpoints = this.profile.breakpoints();
  }

  sample(t: number, outQ: JointVector, outQd?: JointVector, outQdd?: JointVector): void {
    const { state, start, delta, dof } = this;
    if (t >= this.duration) {
      // Land exactly on the target, not on start + delta·1 with its rounding.
      for (let i = 0; i < dof; i++) outQ[i] = this.end[i]!;
      state[1] = state[2] = 0;
    } else {
      this.profile.evaluate(t, state);
      const s = state[0]!;
      for (let i = 0; i < dof; i++) outQ[i] = start[i]! + delta[i]! * s;
    }
    if (outQd) for (let i = 0; i < dof; i++) outQd[i] = delta[i]! * state[1]!;
    if (outQdd) for (let i = 0; i < dof; i++) outQdd[i] = delta[i]! * state[2]!;
  }

  timeWithin(radius: number): number {
    if (this.length === 0) return 0;
    return this.profile.timeAt(Math.min(1, radius / this.length));
  }
}
