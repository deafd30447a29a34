/**
 * "Teach": a new world target where the robot's tool centre point is now (the jog pose), and a
 * move step to it, as one undo step. The TCP, not the flange: a program moves the TCP to its
 * targets, so a target taught at the flange would put the tool one tool length off.
 */
import { mat4Create, mat4FromXyzRpy, mat4MultiplyRigid, mat4Position } from '../../kinematics/mat4';
import { mat4Rpy } from '../../kinematics/rpy';
import { findLibraryEntry, type Pose, type RobotItem } from '../../model';
import type { RobotKinematics } from '../../scene/robot/robot-kinematics';
import type { EditCommand } from '../../store/cell-store';
import { addTarget, nextTargetId } from '../../store/commands';
import { addSteps } from '../../store/program-commands';
import { poseMatrix } from '../../tools/targets';

/** The world pose of `item`'s TCP at its current joint values (its tool's TCP, else the flange). */
export function tcpPoseInCell(item: RobotItem, kin: RobotKinematics): Pose {
  const q = kin.fk.inputJoints.map((_, i) => item.joints?.[i] ?? 0);
  kin.fk.compute(q);
  const flange = mat4MultiplyRigid(mat4Create(), poseMatrix(item.pose), kin.fk.relativePose(kin.base, kin.flange));
  const entry = item.tool ? findLibraryEntry(item.tool.id) : undefined;
  const tcp = entry?.kind === 'gripper' ? mat4MultiplyRigid(mat4Create(), flange, mat4FromXyzRpy(mat4Create(), entry.tcp.xyz, entry.tcp.rpy)) : flange;
  const round = (v: number) => Math.round(v * 1e6) / 1e6; // a micrometre: what a jog can mean
  const xyz = mat4Position(tcp);
  const rpy = mat4Rpy(tcp);
  return { xyz: [round(xyz[0]), round(xyz[1]), round(xyz[2])], rpy: [round(rpy[0]), round(rpy[1]), round(rpy[2])] };
}

/** Teaches a target at `item`'s TCP and inserts a `moveJ` to it at step `index` of its program. */
export function teachStep(item: RobotItem, kin: RobotKinematics, index: number): EditCommand {
  const pose = tcpPoseInCell(item, kin);
  let taught = '';
  return {
    label: 'Teach a target and move to it',
    apply(cell) {
      taught = nextTargetId(cell);
      const withTarget = addTarget({ id: taught, name: taught, parent: 'world', pose }).apply(cell);
      return addSteps(item.id, [{ type: 'moveJ', target: taught }], index).apply(withTarget);
    },
    select: (_after, selection) => [...selection],
  };
}
