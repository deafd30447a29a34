/**
 * The checks MoveL/MoveC run on their IK knots before accepting a path: joint position limits,
 * and joint speeds and accelerations under a given timing profile, q̇ = q′(u)·u̇ and
 * q̈ = q″(u)·u̇² + q′(u)·ü along the joint-space curves through the knots.
 */
import type { JointMotionLimits } from './limits';
import { PathTrajectory } from './path-trajectory';
import type { MotionProfile } from './profile';

/** Where a joint rate comes closest to, or goes furthest beyond, its limit along a path. */
export interface JointRateExcess {
  /** Fraction of the path (0 … 1) of the worst point. */
  fraction: number;
  /** First and last fraction where some joint exceeds a limit (both = fraction when none does). */
  from: number;
  to: number;
  joint: string;
  jointIndex: number;
  quantity: 'speed' | 'acceleration';
  /** The rate the path needs there at the planned timing (rad/s or rad/s², m for prismatic). */
  required: number;
  /** The joint's limit. */
  allowed: number;
}

/** A knot outside its joint's position range. */
export interface JointPositionExcess {
  fraction: number;
  joint: string;
  value: number;
  lower: number;
  upper: number;
}

/** Result of {@link checkPath}. */
export interface PathCheck {
  positionExcess: JointPositionExcess | null;
  worst: JointRateExcess | null;
  /**
   * The time-scaling that brings every rate within its limit: the largest of the speed ratios
   * and the square roots of the acceleration ratios (≤ 1 when all are already within).
   */
  slowdown: number;
}

/**
 * Checks the knots (row per u_k = k/N) against the limits under `profile` (distance 1). The
 * rates are read from the very trajectory that will run (its Hermite curves and profile), on
 * each side of every knot (q̈ may step there), midway between knots, and on each side of the
 * profile's segment ends (ü steps there for a trapezoid).
 */
export function checkPath(knots: Float64Array, limits: JointMotionLimits, profile: MotionProfile): PathCheck {
  const dof = limits.velocity.length;
  const n = knots.length / dof - 1;
  for (let k = 0; k <= n; k++) {
    for (let i = 0; i < dof; i++) {
      const q = knots[k * dof + i]!;
      const lower = limits.lower[i]!, upper = limits.upper[i]!;
      if (q < lower - 1e-9 || q > upper + 1e-9) {
        return { positionExcess: { fraction: k / n, joint: limits.names[i] ?? `#${i}`, value: q, lower, upper }, worst: null, slowdown: Infinity };
      }
    }
  }
  if (profile.duration === 0) return { positionExcess: null, worst: null, slowdown: 0 };
  const T = profile.duration;
  const eps = 1e-9 * T;
  const times: number[] = [];
  let previous = 0;
  for (let k = 0; k <= n; k++) {
    const t = profile.timeAt(k / n);
    if (k > 0) times.push((previous + t) / 2);
    times.push(t - eps, t + eps);
    previous = t;
  }
  for (const t of profile.breakpoints()) times.push(t - eps, t + eps);
  times.sort((a, b) => a - b);

  const trajectory = new PathTrajectory(knots, dof, profile, 0);
  const q = new Float64Array(dof), qd = new Float64Array(dof), qdd = new Float64Array(dof);
  const state = new Float64Array(3);
  let slowdown = 0, first = -1, last = -1;
  let worst: Omit<JointRateExcess, 'from' | 'to'> | null = null;
  for (const raw of times) {
    const t = Math.min(Math.max(raw, eps), T - eps);
    trajectory.sample(t, q, qd, qdd);
    profile.evaluate(t, state);
    const fraction = state[0]!;
    for (let i = 0; i < dof; i++) {
      const speed = Math.abs(qd[i]!), accel = Math.abs(qdd[i]!);
      const vmax = limits.velocity[i]!, amax = limits.acceleration[i]!;
      const vk = speed / vmax;
      // Time-scaling by k divides speeds by k and accelerations by k²: compare on that scale.
      const ak = Math.sqrt(accel / amax);
      const kk = Math.max(vk, ak);
      if (kk > 1 + 1e-9) {
        if (first < 0) first = fraction;
        last = fraction;
      }
      if (kk > slowdown) {
        slowdown = kk;
        const isSpeed = vk >= ak;
        worst = {
          fraction,
          joint: limits.names[i] ?? `#${i}`,
          jointIndex: i,
          quantity: isSpeed ? 'speed' : 'acceleration',
          required: isSpeed ? speed : accel,
          allowed: isSpeed ? vmax : amax,
        };
      }
    }
  }
  const range = first < 0 || !worst ? { from: worst?.fraction ?? 0, to: worst?.fraction ?? 0 } : { from: first, to: last };
  return { positionExcess: null, worst: worst ? { ...worst, ...range } : null, slowdown };
}
