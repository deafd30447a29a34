/**
 * A lesson's verdict on the cell as it is now: finds the lesson's robot in the cell, its joint
 * values and (for the eight-branches lesson) the target in the robot's base frame, and runs the
 * pure checker of src/kinematics on them. The eight-branches lesson carries what was visited
 * from one pose to the next; that list is the only state.
 */
import { InverseKinematics } from '../../kinematics/ik';
import { checkWristSingularity } from '../../kinematics/lesson-check';
import { checkDhAnswer } from '../../kinematics/lesson-dh';
import { visitBranch } from '../../kinematics/lesson-branches';
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid } from '../../kinematics/mat4';
import { posableJoints } from '../../kinematics/start-pose';
import { activeJoints, flangeLink, type Cell, type RobotDescription, type RobotItem } from '../../model';
import { poseMatrix, targetInCell } from '../../tools/targets';
import type { LessonEntry } from './lesson-catalog';

/** What the lesson card shows. */
export interface LessonStatus {
  passed: boolean;
  message: string;
  /** Eight-branches: configurations visited so far (else empty). */
  visited: string[];
  /** Eight-branches: configurations still missing (else empty); the card lists them. */
  missing: string[];
  /** Eight-branches: true when the tool is on the target now. */
  onTarget?: boolean;
}

/** The lesson's robot item in `cell`, when it is there and still the lesson's robot model. */
export function lessonRobotItem(entry: LessonEntry, cell: Cell, expected: RobotItem['source']): RobotItem | null {
  const item = cell.items.find((i): i is RobotItem => i.id === entry.lesson.robot && i.type === 'robot');
  if (!item) return null;
  const same = item.source.type === expected.type && (item.source.type !== 'bundled' || expected.type !== 'bundled' || item.source.id === expected.id);
  return same ? item : null;
}

// One solver per robot description for the checks (its FK state is the checker's own).
const solvers = new WeakMap<RobotDescription, InverseKinematics>();

function solverFor(robot: RobotDescription, tip: string): InverseKinematics {
  let ik = solvers.get(robot);
  if (!ik) solvers.set(robot, (ik = new InverseKinematics(robot, robot.root, tip)));
  return ik;
}

/** The lesson's target in the robot's base frame, or null when the cell has no such target. */
export function targetInBase(cell: Cell, item: RobotItem, targetId: string): Float64Array | null {
  const target = cell.targets.find((t) => t.id === targetId);
  const inCell = target ? targetInCell(cell, target) : null;
  if (!inCell) return null;
  return mat4MultiplyRigid(mat4Create(), mat4InvertRigid(mat4Create(), poseMatrix(item.pose)), inCell);
}

/**
 * The verdict of `entry` for `item` (the lesson's robot in `cell`, parsed as `robot`); `answer`
 * is what the student typed (m) for a lesson that asks for a number, else null.
 */
export function judgeLesson(entry: LessonEntry, cell: Cell, item: RobotItem, robot: RobotDescription, visited: readonly string[], answer: number | null = null): LessonStatus {
  const q = posableJoints(activeJoints(robot), item.joints);
  const tip = flangeLink(item.source, robot);
  const check = entry.lesson.check;
  if (check.kind === 'wrist-singularity') {
    const v = checkWristSingularity(robot, robot.root, tip, q, check.maxAxisAngleDeg);
    return { passed: v.passed, message: v.message, visited: [], missing: [] };
  }
  if (check.kind === 'dh-parameter') {
    const v = checkDhAnswer(robot, robot.root, tip, check, answer);
    return { passed: v.passed, message: v.message, visited: [], missing: [] };
  }
  const target = targetInBase(cell, item, check.target);
  if (!target) return { passed: false, message: `The lesson's target "${check.target}" is not in this cell any more: reopen the lesson.`, visited: [...visited], missing: [] };
  const v = visitBranch(solverFor(robot, tip), target, q, visited, check);
  // The card shows visited and missing as a checklist, so the sentence naming the missing ones goes.
  const cut = v.message.indexOf(' Missing: ');
  return { passed: v.passed, message: cut < 0 ? v.message : v.message.slice(0, cut), visited: v.visited, missing: v.missing, onTarget: v.onTarget };
}

/**
 * Joint values that put the tool on the lesson's target, on the configuration nearest the
 * robot's present pose (closed-form IK, nearest branch first), or null when it has none.
 */
export function toolToTarget(entry: LessonEntry, cell: Cell, item: RobotItem, robot: RobotDescription): number[] | null {
  const check = entry.lesson.check;
  if (check.kind !== 'eight-branches') return null;
  const target = targetInBase(cell, item, check.target);
  if (!target) return null;
  const ik = solverFor(robot, flangeLink(item.source, robot));
  const result = ik.solve(target, posableJoints(activeJoints(robot), item.joints), { restarts: 0 });
  return result.converged ? result.q : null;
}
