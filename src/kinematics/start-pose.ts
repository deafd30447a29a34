/**
 * Joint values the page can always pose a robot at. A cell's robot may carry no joint values
 * (imported robots, old files) or values a joint's range does not allow (a hand-edited file);
 * zero is not inside every range either (Kinova Jaco2's joint 2 is limited to [0.82, 5.46] rad).
 * Inverse kinematics refuses a seed outside the limits, so every caller seeds from these values.
 */
import type { JointDescription } from '../model/robot-description';
import { clamp, jointRange } from './limits';

/**
 * The value a joint starts at: 0 when its range allows it, else the middle of a finite range
 * (a robot drawn at a limit looks broken and cannot move one way), else the nearer limit.
 */
export function startValue(joint: JointDescription): number {
  const [lo, hi] = jointRange(joint);
  if (lo <= 0 && 0 <= hi) return 0;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return (lo + hi) / 2;
  return clamp(0, lo, hi);
}

/** The start pose of a robot: {@link startValue} for each joint, in the order given. */
export function startPose(joints: readonly JointDescription[]): number[] {
  return joints.map(startValue);
}

/**
 * `q` made safe to pose and to seed IK with: one value per joint, a missing or non-finite value
 * replaced by the joint's start value, a value outside its range moved to the nearer limit.
 * Never throws, whatever `q` holds.
 */
export function posableJoints(joints: readonly JointDescription[], q: readonly number[] | undefined): number[] {
  return joints.map((joint, i) => {
    const v = q?.[i];
    if (v === undefined || !Number.isFinite(v)) return startValue(joint);
    const [lo, hi] = jointRange(joint);
    return clamp(v, lo, hi);
  });
}
