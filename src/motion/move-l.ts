/**
 * MoveL and MoveC: the tool follows a straight line (or a circular arc) at a tool speed, its
 * orientation interpolated by slerp; joint values come from the inverse kinematics the caller
 * provides, solved at evenly spaced points along the path, each seeded with the previous
 * solution so the arm stays on its branch.
 *
 * Timing: one profile on the path parameter u, limited by the tool speed and acceleration over
 * the path length and by the orientation speed and acceleration over the rotation angle —
 * whichever is slower governs (V_u = min(v/L, ω/θ), likewise for A_u and J_u).
 *
 * Checks along the path, at every IK point: reachable (IK found a solution), within the joint
 * position limits, and within the joint speed and acceleration limits, where the joint rates are
 * q̇ = q′(u)·u̇ and q̈ = q″(u)·u̇² + q′(u)·ü. When a joint would be too fast the move is, by
 * default, **slowed down uniformly**: the whole profile is time-scaled by the worst ratio k
 * (velocity ratio, or the square root of the acceleration ratio), which divides every joint
 * speed by k and every acceleration by k² while the tool keeps its path. The result reports the
 * factor and where it binds. With `onJointLimit: 'fail'` (or when k exceeds `maxSlowdown`) the
 * move is refused and the failure says where (fraction of the path), which joint, and the
 * required vs allowed rate. Unreachable stretches are reported from where they start to where
 * the path is reachable again.
 */
import { mat4Create, type Mat4 } from '../kinematics/mat4';
import type { Vec3 } from '../model/geometry';
import { arcPath, linePath, type CartesianPath } from './cartesian-path';
import { checkFraction, DEFAULT_JERK_TIME, DEFAULT_RAMP_TIME, type JointMotionLimits } from './limits';
import { PathTrajectory } from './path-trajectory';
import { MotionProfile, type ProfileKind } from './profile';
import { checkPath, type JointRateExcess } from './path-check';

/**
 * Inverse kinematics as MoveL needs it: joint values reaching `target` (a column-major pose in
 * the same base frame as the path), starting from `seed`, or null when it cannot be reached.
 * The returned values are copied at once, so a solver may reuse its output array.
 */
export type IkFunction = (target: Mat4, seed: Float64Array) => ArrayLike<number> | null;

/** How far IK at the path's start may land from startQ (rad or m) before they are called inconsistent. */
const START_TOLERANCE = 1e-4;

/** Default orientation speed (rad/s) when none is given: 180 °/s. */
export const DEFAULT_ORIENTATION_SPEED = Math.PI;

/** Options shared by MoveL and MoveC. */
export interface CartesianMoveOptions {
  /** Joint values at the start; the path starts at their tool pose. */
  startQ: ArrayLike<number>;
  ik: IkFunction;
  /** Joint limits (speeds and accelerations are checked; positions when finite). */
  limits: JointMotionLimits;
  /** Tool speed (m/s) and acceleration (m/s²); jerk (m/s³) defaults to accel / 0.05 s. */
  speed: number;
  acceleration: number;
  jerk?: number;
  /** Orientation speed (rad/s, default π) and acceleration (default speed / 0.25 s). */
  orientationSpeed?: number;
  orientationAcceleration?: number;
  profile?: ProfileKind;
  /** Speed override in (0, 1]: tool speed × s, acceleration × s², jerk × s³. */
  override?: number;
  /** What to do when a joint would exceed its speed or acceleration: slow down (default) or fail. */
  onJointLimit?: 'slow-down' | 'fail';
  /** The largest slow-down accepted before the move is refused (default 10). */
  maxSlowdown?: number;
  /** Distance between IK points along the path (m, default 0.001). */
  resolution?: number;
  /** Rotation between IK points (rad, default 0.005). */
  angularResolution?: number;
}

/** Why a Cartesian move was refused. */
export type CartesianMoveFailure =
  | { reason: 'unreachable'; from: number; to: number; message: string }
  | { reason: 'joint-limit'; fraction: number; joint: string; value: number; lower: number; upper: number; message: string }
  | ({ reason: 'joint-rate'; message: string } & JointRateExcess);

/** A planned Cartesian move, or why it could not be planned. */
export type CartesianMoveResult =
  | {
      ok: true;
      trajectory: PathTrajectory;
      /** Time-scaling applied to keep the joints within their rates (1 = none). */
      slowdown: number;
      /** Where the joint rates came closest to (or, before slowing, beyond) their limits. */
      worst: JointRateExcess | null;
    }
  | { ok: false; failure: CartesianMoveFailure };

/** Plans a move along any {@link CartesianPath}; MoveL and MoveC are this with a line or an arc. */
export function planCartesianMove(path: CartesianPath, options: CartesianMoveOptions): CartesianMoveResult {
  const { limits } = options;
  const dof = limits.velocity.length;
  if (options.startQ.length !== dof) throw new Error(`expected ${dof} start joint values, got ${options.startQ.length}`);
  const s = checkFraction('override', options.override ?? 1);
  const orientationSpeed = options.orientationSpeed ?? DEFAULT_ORIENTATION_SPEED;
  const orientationAcceleration = options.orientationAcceleration ?? orientationSpeed / DEFAULT_RAMP_TIME;
  const jerk = options.jerk ?? options.acceleration / DEFAULT_JERK_TIME;
  const angularJerk = orientationAcceleration / DEFAULT_JERK_TIME;
  // Normalised limits on u: the tighter of translation and rotation.
  const per = (linear: number, angular: number): number =>
    Math.min(path.length > 0 ? linear / path.length : Infinity, path.angle > 0 ? angular / path.angle : Infinity);
  const kind = options.profile ?? 'trapezoidal';
  const moving = path.length > 0 || path.angle > 0;
  const base = {
    velocity: per(options.speed, orientationSpeed) * s,
    acceleration: per(options.acceleration, orientationAcceleration) * s * s,
    jerk: per(jerk, angularJerk) * s * s * s,
  };
  const unit = { velocity: 1, acceleration: 1, jerk: 1 };

  // IK at evenly spaced points, each seeded with the previous solution.
  const n = Math.max(
    4,
    Math.ceil(path.length / (options.resolution ?? 0.001)),
    Math.ceil(path.angle / (options.angularResolution ?? 0.005)),
  );
  const knots = new Float64Array((n + 1) * dof);
  knots.set(Float64Array.from(options.startQ));
  const target = mat4Create();
  const seed = Float64Array.from(options.startQ);
  // The first knot is startQ itself (its branch); IK from it to the path's start must stay
  // there, or the caller's start pose is not startQ's and the arm would jump.
  const q0 = options.ik(path.pose(0, target), seed);
  if (q0 === null || Array.from(seed).some((v, i) => Math.abs(v - q0[i]!) > START_TOLERANCE)) {
    throw new Error('the path does not start at the tool pose of startQ');
  }
  let failedFrom = -1;
  for (let k = 1; k <= n; k++) {
    const q = options.ik(path.pose(k / n, target), seed);
    if (q === null) {
      if (failedFrom < 0) failedFrom = k;
      continue;
    }
    if (failedFrom >= 0) {
      return { ok: false, failure: unreachable(failedFrom / n, k / n) };
    }
    for (let i = 0; i < dof; i++) knots[k * dof + i] = seed[i] = q[i]!;
  }
  if (failedFrom >= 0) return { ok: false, failure: unreachable(failedFrom / n, 1) };

  const profile = new MotionProfile(moving ? 1 : 0, moving ? base : unit, kind);
  const check = checkPath(knots, limits, profile);
  if (check.positionExcess) {
    const e = check.positionExcess;
    const message = `joint "${e.joint}" leaves its range ${e.lower}..${e.upper} at ${pct(e.fraction)} of the path (${e.value})`;
    return { ok: false, failure: { reason: 'joint-limit', ...e, message } };
  }
  const worst = check.worst;
  const slowdown = Math.max(1, check.slowdown);
  const maxSlowdown = options.maxSlowdown ?? 10;
  if (worst && slowdown > 1 && (options.onJointLimit === 'fail' || slowdown > maxSlowdown)) {
    const unitName = worst.quantity === 'speed' ? '/s' : '/s²';
    const message =
      `joint "${worst.joint}" would need ${fmt(worst.required)}${unitName} (allowed ${fmt(worst.allowed)}${unitName}) ` +
      `at ${pct(worst.fraction)} of the path; limits exceeded from ${pct(worst.from)} to ${pct(worst.to)}` +
      (slowdown > maxSlowdown && options.onJointLimit !== 'fail' ? `; slowing down ${fmt(slowdown)}× exceeds the ${maxSlowdown}× allowed` : '');
    return { ok: false, failure: { reason: 'joint-rate', message, ...worst } };
  }
  const timed =
    slowdown > 1
      ? new MotionProfile(1, { velocity: base.velocity / slowdown, acceleration: base.acceleration / slowdown ** 2, jerk: base.jerk / slowdown ** 3 }, kind)
      : profile;
  return { ok: true, trajectory: new PathTrajectory(knots, dof, timed, path.length), slowdown, worst };
}

const pct = (f: number): string => `${(f * 100).toFixed(1)}%`;
const fmt = (v: number): string => String(Number(v.toPrecision(4)));

function unreachable(from: number, to: number): CartesianMoveFailure {
  return { reason: 'unreachable', from, to, message: `the path is out of reach from ${pct(from)} to ${pct(to)} of its length` };
}

/** MoveL: a straight tool line from the start pose (the pose of `startQ`) to `to`. */
export function planMoveL(from: Mat4, to: Mat4, options: CartesianMoveOptions): CartesianMoveResult {
  return planCartesianMove(linePath(from, to), options);
}

/** MoveC: a circular tool arc from the start pose through the position `via` to `to`. */
export function planMoveC(from: Mat4, via: Vec3, to: Mat4, options: CartesianMoveOptions): CartesianMoveResult {
  return planCartesianMove(arcPath(from, via, to), options);
}
