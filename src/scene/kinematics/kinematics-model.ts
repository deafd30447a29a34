/**
 * The kinematics view's own objects for one robot: FK, IK and the DH derivation, separate from
 * the shared ones (robot-kinematics.ts) because deriving and enumerating branches run FK at
 * other poses, which must not disturb the jog panel or the IK handle.
 */
import { deriveDh } from '../../kinematics/dh-derive';
import type { DhDerivation } from '../../kinematics/dh';
import { ForwardKinematics } from '../../kinematics/forward';
import { InverseKinematics } from '../../kinematics/ik';
import { flangeLink, type RobotDescription, type RobotSource } from '../../model';

export interface KinematicsModel {
  fk: ForwardKinematics;
  ik: InverseKinematics;
  base: string;
  flange: string;
  dh: DhDerivation;
}

const cache = new WeakMap<RobotDescription, KinematicsModel>();

/** The view's kinematics for a parsed robot (built once per description). */
export function kinematicsModel(robot: RobotDescription, source: RobotSource): KinematicsModel {
  let m = cache.get(robot);
  if (!m) {
    const fk = new ForwardKinematics(robot);
    const flange = flangeLink(source, robot);
    const dh = deriveDh(robot, fk, robot.root, flange);
    m = { fk, ik: new InverseKinematics(robot, robot.root, flange, fk), base: robot.root, flange, dh };
    cache.set(robot, m);
  }
  return m;
}
