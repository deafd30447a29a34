/**
 * One-dimensional motion profiles: how far along a move (0 … distance) the robot is at time t,
 * starting and ending at rest. Every move in this folder is one of these applied to a path —
 * MoveJ to a straight line in joint space, MoveL/MoveC to a tool path — so the timing lives here
 * once, in closed form:
 *
 * - **trapezoidal** (bang-coast-bang): accelerate at `a` to `v`, cruise, decelerate.
 *   T = d/v + v/a when d ≥ v²/a; otherwise the triangle T = 2·√(d/a).
 * - **s-curve** (7 segments, jerk-limited): the acceleration ramps at jerk `j` up to `a`, holds,
 *   ramps down, and the same mirrored to stop. Full profile (v·j ≥ a² and d ≥ v·(v/a + a/j)):
 *   T = d/v + v/a + a/j. Shorter moves drop the cruise, then the constant-acceleration segments.
 *
 * Both are symmetric (deceleration mirrors acceleration), which lets the stop phase reuse the
 * start phase and makes "time to cover the last r" equal "time to cover the first r".
 * A trapezoid is an s-curve with zero jerk time, so one evaluator serves both.
 */

/** The two profile shapes. */
export type ProfileKind = 'trapezoidal' | 's-curve';

/** Limits of a 1D profile. `jerk` is used by the s-curve only. */
export interface ProfileLimits {
  velocity: number;
  acceleration: number;
  jerk?: number;
}

/** Duration and peak acceleration of the start phase that reaches velocity `w` (s-curve). */
function rampFor(w: number, a: number, j: number): { tj: number; ta: number; ap: number } {
  if (w * j >= a * a) return { tj: a / j, ta: w / a + a / j, ap: a };
  const tj = Math.sqrt(w / j);
  return { tj, ta: 2 * tj, ap: j * tj };
}

const positive = (name: string, v: number): void => {
  if (!(v > 0)) throw new Error(`profile ${name} must be > 0, got ${v}`);
};

/**
 * A rest-to-rest profile over `distance` (≥ 0) within the limits. Construction does the closed
 * form once; {@link evaluate} is allocation-free and meant for every physics step.
 */
export class MotionProfile {
  /** Total time (s). */
  readonly duration: number;
  /** Highest velocity reached (the limit, or less for short moves). */
  readonly peakVelocity: number;
  /** Highest acceleration reached. */
  readonly peakAcceleration: number;
  /** Duration of the start phase (0 → peak velocity); the stop phase lasts as long. */
  readonly rampTime: number;
  /** Duration of each jerk segment (0 for trapezoidal). */
  readonly jerkTime: number;
  /** Duration of the cruise at peak velocity. */
  readonly cruiseTime: number;

  // Segment boundary values of the start phase: after the jerk-up segment (1) and after the
  // constant-acceleration segment (2); precomputed so evaluate only adds polynomial terms.
  private readonly jerk: number;
  private readonly s1: number;
  private readonly v1: number;
  private readonly s2: number;
  private readonly v2: number;
  private readonly rampDistance: number;

  constructor(
    readonly distance: number,
    limits: ProfileLimits,
    readonly kind: ProfileKind = 'trapezoidal',
  ) {
    if (!(distance >= 0) || !Number.isFinite(distance)) throw new Error(`profile distance must be finite and ≥ 0, got ${distance}`);
    const { velocity: v, acceleration: a } = limits;
    positive('velocity', v);
    positive('acceleration', a);
    let tj = 0, ta = 0, ap = a, vp = v, j = 0;
    if (distance === 0) {
      vp = 0;
      ap = 0;
    } else if (kind === 'trapezoidal') {
      if (distance >= (v * v) / a) ta = v / a;
      else {
        vp = Math.sqrt(distance * a);
        ta = vp / a;
      }
    } else {
      j = limits.jerk ?? Number.NaN;
      positive('jerk', j);
      let r = rampFor(v, a, j);
      if (distance < v * r.ta) {
        // No cruise. Try a peak velocity that still reaches a: d = vp·(vp/a + a/j).
        vp = (-(a * a) / j + Math.sqrt((a * a * a * a) / (j * j) + 4 * distance * a)) / 2;
        // Otherwise a is never reached either: d = 2·j·tj³, vp = j·tj².
        if (vp * j < a * a) vp = Math.cbrt((distance * Math.sqrt(j)) / 2) ** 2;
        r = rampFor(vp, a, j);
      }
      tj = r.tj;
      ta = r.ta;
      ap = r.ap;
    }
    this.jerk = j;
    this.jerkTime = tj;
    this.rampTime = ta;
    this.peakVelocity = vp;
    this.peakAcceleration = ap;
    // The start phase covers vp·ta/2 (its velocity curve is point-symmetric about its middle).
    this.rampDistance = (vp * ta) / 2;
    this.cruiseTime = vp > 0 ? Math.max(0, (distance - 2 * this.rampDistance) / vp) : 0;
    this.duration = distance === 0 ? 0 : 2 * ta + this.cruiseTime;
    this.v1 = (ap * tj) / 2;
    this.s1 = (ap * tj * tj) / 6;
    const tc = ta - 2 * tj;
    this.v2 = this.v1 + ap * tc;
    this.s2 = this.s1 + this.v1 * tc + (ap * tc * tc) / 2;
  }

  /** The start phase at time u ∈ [0, rampTime]: writes [s, v, a] into out. */
  private ramp(u: number, out: Float64Array | number[]): void {
    const { jerkTime: tj, peakAcceleration: ap, jerk: j } = this;
    const tc = this.rampTime - 2 * tj;
    if (u < tj) {
      out[0] = (j * u * u * u) / 6;
      out[1] = (j * u * u) / 2;
      out[2] = j * u;
    } else if (u <= tj + tc || tj === 0) {
      const t = u - tj;
      out[0] = this.s1 + this.v1 * t + (ap * t * t) / 2;
      out[1] = this.v1 + ap * t;
      out[2] = ap;
    } else {
      const t = Math.min(u - tj - tc, tj);
      out[0] = this.s2 + this.v2 * t + (ap * t * t) / 2 - (j * t * t * t) / 6;
      out[1] = this.v2 + ap * t - (j * t * t) / 2;
      out[2] = ap - j * t;
    }
  }

  /**
   * Position, velocity and acceleration at time `t` (clamped to [0, duration]), written into
   * `out[0..2]`. Allocation-free. At and after the end the position is exactly `distance`.
   */
  evaluate(t: number, out: Float64Array | number[]): void {
    const T = this.duration;
    if (!(t > 0) || T === 0) {
      out[0] = T === 0 ? this.distance : 0;
      out[1] = 0;
      out[2] = 0;
    } else if (t >= T) {
      out[0] = this.distance;
      out[1] = 0;
      out[2] = 0;
    } else if (t < this.rampTime) {
      this.ramp(t, out);
    } else if (t <= this.rampTime + this.cruiseTime) {
      out[0] = this.rampDistance + this.peakVelocity * (t - this.rampTime);
      out[1] = this.peakVelocity;
      out[2] = 0;
    } else {
      // The stop phase mirrors the start phase in time.
      this.ramp(T - t, out);
      out[0] = this.distance - out[0]!;
      out[2] = -out[2]!;
    }
  }

  /**
   * Times inside (0, duration) where a segment ends — where the acceleration has a corner
   * (s-curve) or a step (trapezoid). Between them it is linear or constant, so its extremes
   * over any interval lie on these times or the interval's ends. Allocates.
   */
  breakpoints(): number[] {
    const { jerkTime: tj, rampTime: ta, cruiseTime: tc, duration: T } = this;
    const times = [tj, ta - tj, ta, ta + tc, ta + tc + tj, T - tj];
    return [...new Set(times)].filter((t) => t > 0 && t < T).sort((a, b) => a - b);
  }

  /**
   * The time at which the profile has covered `s` (clamped to [0, distance]), by bisection on
   * the monotone position. For planning, not for the hot path.
   */
  timeAt(s: number): number {
    if (s <= 0) return 0;
    if (s >= this.distance) return this.duration;
    const out = [0, 0, 0];
    let lo = 0, hi = this.duration;
    for (let i = 0; i < 64 && hi - lo > 1e-15 * this.duration; i++) {
      const mid = (lo + hi) / 2;
      this.evaluate(mid, out);
      if (out[0]! < s) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}

/**
 * The closed-form duration of a rest-to-rest move of `distance` within the limits, without
 * building a profile: the formulas of the file comment.
 */
export function profileDuration(distance: number, limits: ProfileLimits, kind: ProfileKind = 'trapezoidal'): number {
  return new MotionProfile(distance, limits, kind).duration;
}
