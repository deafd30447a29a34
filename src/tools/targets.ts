/**
 * Named targets (taught frames) in the layout: where each one is in the cell, and whether any
 * robot of the cell can reach it within its joint limits. A target attached to an item moves
 * with the item, so its pose is composed with the item's pose.
 */
import { mat4Create, mat4FromXyzRpy, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from '../kinematics/mat4';
import type { InverseKinematics } from '../kinematics/ik';
import { posableJoints } from '../kinematics/start-pose';
import type { Cell, Pose, RobotItem, Target } from '../model';

/** The pose of `pose` as a matrix. */
export function poseMatrix(pose: Pose): Mat4 {
  return mat4FromXyzRpy(mat4Create(), pose.xyz, pose.rpy);
}

/** Where `target` is in the cell (column-major), or null when its parent item is gone. */
export function targetInCell(cell: Cell, target: Target): Mat4 | null {
  const local = poseMatrix(target.pose);
  if (target.parent === 'world') return local;
  const parentId = target.parent.item;
  const parent = cell.items.find((i) => i.id === parentId);
  if (!parent) return null;
  return mat4MultiplyRigid(mat4Create(), poseMatrix(parent.pose), local);
}

/** What the reach check needs of each robot: its item and an IK solver from base to flange. */
export interface RobotReachSolver {
  item: RobotItem;
  ik: InverseKinematics;
}

/** Reachability of one target. */
export interface TargetReach {
  target: string;
  /** Robots that reach it (within joint limits, full pose). */
  reachedBy: string[];
  /** Parent item missing: the target cannot be placed at all. */
  orphan: boolean;
}

/** Checks every target against every robot (closed-form IK where the arm has one, then DLS). */
export function checkTargets(cell: Cell, robots: readonly RobotReachSolver[]): TargetReach[] {
  return cell.targets.map((target) => {
    const inCell = targetInCell(cell, target);
    if (!inCell) return { target: target.id, reachedBy: [], orphan: true };
    const reachedBy: string[] = [];
    for (const { item, ik } of robots) {
      const inBase = mat4MultiplyRigid(mat4Create(), mat4InvertRigid(mat4Create(), poseMatrix(item.pose)), inCell);
      const seed = posableJoints(ik.inputJoints, item.joints);
      const result = ik.solve(inBase, seed, { restarts: 4 });
      if (result.converged) reachedBy.push(item.id);
    }
    return { target: target.id, reachedBy, orphan: false };
  });
}
