/**
 * Per-joint motion limits (velocity, acceleration, jerk) and the two scalings a controller
 * applies to them: the speed override and the acceleration fraction.
 *
 * Where the numbers come from, in order: the URDF `<limit velocity>` (the only one a URDF
 * carries), the bundled library's metadata (`urdf/library.json`: jointSpeeds and
 * jointAccelerations, per active joint), then documented defaults:
 * - acceleration = velocity / {@link DEFAULT_RAMP_TIME} (full speed in 0.25 s — the assumption
 *   the library already makes for its industrial arms);
 * - jerk = acceleration / {@link DEFAULT_JERK_TIME} (full acceleration in 50 ms). Vendors publish
 *   no jerk limits; 50 ms is a typical servo ramp and makes the s-curve cost ~0.05 s over the
 *   trapezoid per move.
 */
import { activeJoints, type RobotDescription } from '../model/robot-description';

/** Time to reach full speed at the default acceleration (s). */
export const DEFAULT_RAMP_TIME = 0.25;
/** Time to reach full acceleration at the default jerk (s). */
export const DEFAULT_JERK_TIME = 0.05;

/** Limits of each input joint, in the order of `activeJoints` (rad or m, per s, s², s³). */
export interface JointMotionLimits {
  /** Joint names, for messages. */
  names: readonly string[];
  velocity: Float64Array;
  acceleration: Float64Array;
  jerk: Float64Array;
  /** Position limits, −Infinity/+Infinity where the joint has none. */
  lower: Float64Array;
  upper: Float64Array;
}

/** Overrides of the limits as a controller applies them. */
export interface MotionScaling {
  /**
   * Speed override in (0, 1], like a teach pendant's 0–100%. It scales velocity by s,
   * acceleration by s² and jerk by s³, which is an exact time-scaling: every profile keeps its
   * shape and takes 1/s times as long (T(50%) = 2·T(100%)), and the path is unchanged.
   */
  speed?: number;
  /** Fraction in (0, 1] of the acceleration (and jerk, keeping the ramp times) to use. */
  accel?: number;
}

/**
 * The smallest override or fraction: 0.1 %, a teach pendant's lowest step. Below it a move takes
 * longer than any run, and s² or s³ of a tiny s underflows to 0 (a zero acceleration, a NaN move).
 */
export const MIN_FRACTION = 1e-3;

/** Checks a scaling factor is in [MIN_FRACTION, 1]; throws naming it otherwise. */
export function checkFraction(name: string, value: number): number {
  if (!(value > 0 && value <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${value}`);
  if (value < MIN_FRACTION) throw new RangeError(`${name} must be at least ${MIN_FRACTION} (0.1 %), got ${value}`);
  return value;
}

/** The limits after the speed override and acceleration fraction (new arrays). */
export function scaleLimits(limits: JointMotionLimits, scaling: MotionScaling = {}): JointMotionLimits {
  const s = checkFraction('speed', scaling.speed ?? 1);
  const f = checkFraction('accel', scaling.accel ?? 1);
  return {
    names: limits.names,
    velocity: limits.velocity.map((v) => v * s),
    acceleration: limits.acceleration.map((a) => a * f * s * s),
    jerk: limits.jerk.map((j) => j * f * s * s * s),
    lower: limits.lower,
    upper: limits.upper,
  };
}

/** Builds limits from plain arrays; jerk defaults to acceleration / DEFAULT_JERK_TIME. */
export function jointMotionLimits(spec: {
  names: readonly string[];
  velocity: ArrayLike<number>;
  acceleration?: ArrayLike<number>;
  jerk?: ArrayLike<number>;
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}): JointMotionLimits {
  const n = spec.names.length;
  const pick = (what: string, values: ArrayLike<number> | undefined, fallback: (i: number) => number, allowInfinite = false): Float64Array => {
    if (values !== undefined && values.length !== n) throw new Error(`${what}: expected ${n} values, got ${values.length}`);
    const out = Float64Array.from({ length: n }, (_, i) => (values !== undefined ? values[i]! : fallback(i)));
    out.forEach((v, i) => {
      if (Number.isNaN(v) || (!allowInfinite && !(v > 0 && Number.isFinite(v)))) {
        throw new Error(`joint "${spec.names[i]}": ${what} must be a positive number, got ${v}`);
      }
    });
    return out;
  };
  const velocity = pick('velocity', spec.velocity, () => 0);
  const acceleration = pick('acceleration', spec.acceleration, (i) => velocity[i]! / DEFAULT_RAMP_TIME);
  const jerk = pick('jerk', spec.jerk, (i) => acceleration[i]! / DEFAULT_JERK_TIME);
  const lower = pick('lower', spec.lower, () => -Infinity, true);
  const upper = pick('upper', spec.upper, () => Infinity, true);
  return { names: spec.names, velocity, acceleration, jerk, lower, upper };
}

/** Per-joint figures from the bundled library, for a robot that is one of its entries. */
export interface LibraryJointFigures {
  jointSpeeds: readonly number[];
  jointAccelerations: readonly number[];
}

/**
 * The limits of a robot's input joints: velocity from the URDF (or the library when the URDF
 * gives 0), acceleration from the library when given, else the default ramp. Throws naming the
 * joint when no velocity limit is known, since a move's duration cannot be guessed without one.
 */
export function robotMotionLimits(robot: RobotDescription, library?: LibraryJointFigures): JointMotionLimits {
  const joints = activeJoints(robot);
  if (library && (library.jointSpeeds.length !== joints.length || library.jointAccelerations.length !== joints.length)) {
    throw new Error(`library figures list ${library.jointSpeeds.length} joints, the robot has ${joints.length}`);
  }
  const velocity = joints.map((j, i) => {
    const v = j.limits?.velocity ?? 0;
    if (v > 0) return v;
    const fromLibrary = library?.jointSpeeds[i];
    if (fromLibrary !== undefined) return fromLibrary;
    throw new Error(`joint "${j.name}" has no velocity limit`);
  });
  return jointMotionLimits({
    names: joints.map((j) => j.name),
    velocity,
    acceleration: joints.map((_, i) => library?.jointAccelerations[i] ?? velocity[i]! / DEFAULT_RAMP_TIME),
    lower: joints.map((j) => j.limits?.lower ?? -Infinity),
    upper: joints.map((j) => j.limits?.upper ?? Infinity),
  });
}
