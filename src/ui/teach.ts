/**
 * Teaching targets: at a robot's current tool pose, or on a clicked surface of an item (the
 * target then belongs to the item and moves with it), tool Z pointing into the surface.
 */
import { mat4Create, mat4MultiplyRigid, mat4Position } from '../kinematics/mat4';
import { mat4Rpy } from '../kinematics/rpy';
import { posableJoints } from '../kinematics/start-pose';
import type { RobotItem } from '../model';
import type { RobotKinematics } from '../scene/robot/robot-kinematics';
import { cellStore } from '../store/app-store';
import { addTarget, nextTargetId } from '../store/commands';
import { poseMatrix } from '../tools/targets';
import { edit } from './edit';

/** Adds a world target where the robot's flange is now. */
export function teachAtTool(item: RobotItem, kin: RobotKinematics): void {
  const q = posableJoints(kin.fk.inputJoints, item.joints);
  kin.fk.compute(q);
  const inCell = mat4MultiplyRigid(mat4Create(), poseMatrix(item.pose), kin.fk.relativePose(kin.base, kin.flange));
  const { cell } = cellStore.getState();
  const id = nextTargetId(cell);
  edit(addTarget({ id, name: id, parent: 'world', pose: { xyz: mat4Position(inCell), rpy: mat4Rpy(inCell) } }));
}

/** Adds a target on item `itemId` at `local` (item frame), approached from above (tool Z down). */
export function teachOnSurface(itemId: string, local: [number, number, number]): void {
  const { cell } = cellStore.getState();
  const id = nextTargetId(cell);
  const round = (v: number) => Math.round(v * 1e4) / 1e4; // 0.1 mm: what a click can mean
  edit(addTarget({ id, name: id, parent: { item: itemId }, pose: { xyz: [round(local[0]), round(local[1]), round(local[2])], rpy: [Math.PI, 0, 0] } }));
}
