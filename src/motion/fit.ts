/**
 * Fitting a robot's accelerations to its published standard cycle: the one unknown is the
 * bare-arm ramp time T (every joint reaches full speed in T, so a_i = v_i / T, and the jerk keeps
 * its 50 ms ramp — the simulation's moves are trapezoidal, so jerk does not enter the fit). The
 * simulated cycle grows with T, so bisection finds the T whose cycle equals the published figure.
 * `npm run fit-motion` runs it for every bundled robot and writes the result into
 * urdf/library.json; tests/unit/fidelity-fit.test.ts runs it again and compares.
 */
import type { RobotDescription } from '../model/robot-description';
import type { RobotLibraryEntry } from '../model/robot-library';
import { cycleLimits, cycleSpec, cycleTime, standardCyclePoints } from './standard-cycle';

/** The search range of the ramp time (s). */
const RAMP_RANGE = [0.005, 2] as const;
/** Bisection steps: T to within 2⁻⁴⁰ of the range, far below what the cycle can resolve. */
const STEPS = 40;

/** A fit: the ramp time, the accelerations it gives, and the cycle it simulates. */
export interface MotionFit {
  rampTime: number;
  /** Bare-arm accelerations, jointSpeeds / rampTime (rad/s²). */
  jointAccelerations: number[];
  published: number;
  simulatedCycle: number;
}

/** The ramp time, rounded to 0.1 ms as it is stored. */
export const roundRamp = (t: number): number => Math.round(t * 1e4) / 1e4;

/**
 * Fits the bare-arm ramp time of a bundled robot to its published standard cycle, or returns
 * null when the vendor publishes none. The stored value is rounded to 0.1 ms; `simulatedCycle`
 * is the cycle with that rounded value.
 */
export function fitMotion(robot: RobotDescription, entry: RobotLibraryEntry): MotionFit | null {
  const published = entry.performance.standardCycle?.seconds;
  if (published === undefined) return null;
  const points = standardCyclePoints(robot, entry);
  const { payload } = cycleSpec(entry);
  const cycle = (t: number) => cycleTime(points, cycleLimits(robot, entry, payload, t));
  let [lo, hi] = RAMP_RANGE as readonly number[] as [number, number];
  if (cycle(lo) > published) throw new Error(`${entry.id}: even a ${lo} s ramp gives a cycle slower than the published ${published} s`);
  if (cycle(hi) < published) throw new Error(`${entry.id}: even a ${hi} s ramp gives a cycle faster than the published ${published} s`);
  for (let k = 0; k < STEPS; k++) {
    const mid = (lo + hi) / 2;
    if (cycle(mid) < published) lo = mid;
    else hi = mid;
  }
  const rampTime = roundRamp((lo + hi) / 2);
  const speeds = cycleLimits(robot, entry, 0, rampTime).velocity;
  return {
    rampTime,
    jointAccelerations: Array.from(speeds, (v) => Number((v / rampTime).toPrecision(6))),
    published,
    simulatedCycle: cycle(rampTime),
  };
}
