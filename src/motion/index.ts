/**
 * Motion: timed trajectories for the simulation and the CLI. MoveJ (synchronized joint moves),
 * MoveL/MoveC (tool lines and arcs through a caller-provided IK), blended sequences, and the
 * closed-form profiles and limits they share. Pure TypeScript: no three, React or DOM.
 */
export { MotionProfile, profileDuration, type ProfileKind, type ProfileLimits } from './profile';
export {
  DEFAULT_JERK_TIME,
  DEFAULT_RAMP_TIME,
  checkFraction,
  jointMotionLimits,
  robotMotionLimits,
  scaleLimits,
  type JointMotionLimits,
  type LibraryJointFigures,
  type MotionScaling,
} from './limits';
export type { BlendableMove, JointTrajectory, JointVector } from './trajectory';
export { MoveJ, type MoveJOptions } from './move-j';
export { arcPath, linePath, type CartesianPath } from './cartesian-path';
export { PathTrajectory } from './path-trajectory';
export type { JointRateExcess, JointPositionExcess } from './path-check';
export {
  DEFAULT_ORIENTATION_SPEED,
  planCartesianMove,
  planMoveC,
  planMoveL,
  type CartesianMoveFailure,
  type CartesianMoveOptions,
  type CartesianMoveResult,
  type IkFunction,
} from './move-l';
export { BlendedSequence } from './blend';
