/**
 * Motion: timed trajectories for the simulation and the CLI. MoveJ (synchronized joint moves),
 * MoveL/MoveC (tool lines and arcs through a caller-provided IK), blended sequences, and the
 * closed-form profiles and limits they share; the robots' motion data (source, calibration,
 * payload model, vendor TCP limits), the standard-cycle fit and calibration from measured
 * times. Pure TypeScript: no three, React or DOM.
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
export { PAYLOAD_FLOOR, PAYLOAD_SLOPE, payloadFactor } from './payload';
export {
  DEFAULT_MOVEL_ACCELERATION,
  DEFAULT_MOVEL_SPEED,
  accelerationFactor,
  cellRobotMotionSource,
  limitsForLoad,
  robotMotionModel,
  tcpLimitsForLoad,
  type MotionOverride,
  type MotionSource,
  type RobotMotionModel,
} from './motion-data';
export { cellPartMass, toolMass } from './carried-load';
export { calibrate, parseMeasuredCsv, MeasuredCsvError, type CalibrationResult, type MeasuredRow, type TimingFunction } from './calibration';
export { fitMotion, type MotionFit } from './fit';
export { standardCycleSeconds, standardCyclePoints } from './standard-cycle';
