/**
 * A robot at run time in the events engine: its arm and tool joint drivers (analytic
 * trajectories from the motion layer, sampled at any time, never integrated) and the part it
 * holds. Functions over it bring the arm to a time and read the tool frame there by forward
 * kinematics; time only moves forward, so sampling "now" may close a finished move.
 */
import type { Mat4 } from '../../kinematics/mat4';
import { JointDriver } from '../joint-motion';
import type { RobotRig } from '../robot-rig';

/** A robot's drivers and what it holds. */
export interface RobotRuntime {
  arm: JointDriver;
  tool: JointDriver;
  /** Body id of the held part, or null. */
  held: number | null;
}

/** A robot's runtime at its start pose, tool open, empty-handed. */
export function robotRuntime(rig: RobotRig): RobotRuntime {
  return { arm: new JointDriver(rig.initialQ), tool: new JointDriver(rig.toolOpen), held: null };
}

/**
 * Brings the robot to time `t` (a move that ends by then is closed on its exact end values) and
 * computes its forward kinematics there; returns the arm's joint values (live array).
 */
export function settleRobot(rig: RobotRig, r: RobotRuntime, t: number): Float64Array {
  if (r.arm.moving) {
    if (r.arm.endTime(t) <= t) r.arm.finish();
    else r.arm.advance(t);
  }
  r.tool.advance(t);
  rig.computePoses(r.arm.q, r.tool.q, null);
  return r.arm.q;
}

/** The tool frame's world matrix at time `t` (the robot brought there first). */
export function tcpAt(rig: RobotRig, r: RobotRuntime, t: number, out: Mat4): Mat4 {
  settleRobot(rig, r, t);
  return rig.tcpWorld(out);
}
