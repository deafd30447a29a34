/**
 * Checkers of the kinematics lessons (assets/lessons/*.lesson.json): given the robot and the
 * pose the student reached, say whether the goal is met and how far off it is. Pure functions
 * over the robot description, so the page and the tests run the same check.
 *
 * Lesson files are read here too, with located messages for a bad one.
 */
import type { RobotDescription } from '../model/robot-description';
import { kinematicChain } from './chain';
import { ForwardKinematics } from './forward';
import type { BranchesCheck } from './lesson-branches';
import type { DhParameterCheck } from './lesson-dh';

/** What a lesson asks for (the other checkers live in lesson-branches.ts and lesson-dh.ts). */
export type LessonCheck = { kind: 'wrist-singularity'; maxAxisAngleDeg: number } | BranchesCheck | DhParameterCheck;

export interface Lesson {
  title: string;
  /** The lesson's cell file, beside the lesson file. */
  cell: string;
  /** The robot item the check looks at. */
  robot: string;
  task: string;
  hints: string[];
  check: LessonCheck;
}

/** A checker's verdict, with the figure it judged by. */
export interface LessonVerdict {
  passed: boolean;
  message: string;
  /** The measured figure (degrees between axes 4 and 6 for the wrist singularity). */
  measure: number;
}

/**
 * Wrist singularity: the 4th and 6th moving joints of the chain `base` → `tip` have parallel
 * axes (within `maxAxisAngleDeg`), measured on the axes themselves, so any URDF zero convention
 * is judged alike. Needs a serial chain of at least six joints.
 */
export function checkWristSingularity(robot: RobotDescription, base: string, tip: string, q: readonly number[], maxAxisAngleDeg: number): LessonVerdict {
  const fk = new ForwardKinematics(robot);
  const chain = kinematicChain(robot, fk, base, tip);
  if (chain.joints.length < 6) return { passed: false, measure: Number.NaN, message: `${robot.name}: ${base} → ${tip} has ${chain.joints.length} moving joints; the wrist singularity lesson needs six` };
  fk.compute(q);
  const axis = (k: number): [number, number, number] => {
    const j = chain.joints[k]!;
    const m = fk.worldOf(j.childLink);
    const [x, y, z] = j.axis;
    return [m[0]! * x + m[4]! * y + m[8]! * z, m[1]! * x + m[5]! * y + m[9]! * z, m[2]! * x + m[6]! * y + m[10]! * z];
  };
  const a = axis(3), b = axis(5);
  const cross = Math.hypot(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]);
  const dot = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
  const degrees = (Math.atan2(cross, dot) * 180) / Math.PI;
  const passed = degrees <= maxAxisAngleDeg;
  return {
    passed,
    measure: degrees,
    message: passed
      ? `Found it: axes 4 and 6 are ${degrees.toFixed(2)}° apart, in line. Joints 4 and 6 now turn the tool about the same line, so one direction of rotation is lost.`
      : `Not yet: axes 4 and 6 are ${degrees.toFixed(1)}° apart (within ${maxAxisAngleDeg}° counts as in line).`,
  };
}

/** Reads a lesson file; throws one message naming the file and the field when it is wrong. */
export function parseLesson(text: string, fileName: string): Lesson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${fileName}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const o = data as Record<string, unknown>;
  const need = (key: string, type: string) => {
    if (typeof o?.[key] !== type) throw new Error(`${fileName}: ${key}: expected a ${type}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${fileName}: expected an object`);
  need('title', 'string');
  need('cell', 'string');
  need('robot', 'string');
  need('task', 'string');
  if (!Array.isArray(o.hints) || !o.hints.every((h) => typeof h === 'string')) throw new Error(`${fileName}: hints: expected a list of strings`);
  const base = { title: o.title as string, cell: o.cell as string, robot: o.robot as string, task: o.task as string, hints: o.hints as string[] };
  return { ...base, check: parseCheck(o.check, fileName) };
}

const KINDS = ['wrist-singularity', 'eight-branches', 'dh-parameter'];

function parseCheck(value: unknown, fileName: string): LessonCheck {
  const check = value as Record<string, unknown> | undefined;
  const degrees = (key: string): number => {
    const v = check?.[key];
    if (typeof v !== 'number' || !(v > 0 && v < 90)) throw new Error(`${fileName}: check.${key}: expected a number of degrees between 0 and 90`);
    return v;
  };
  if (check?.kind === 'wrist-singularity') return { kind: 'wrist-singularity', maxAxisAngleDeg: degrees('maxAxisAngleDeg') };
  if (check?.kind === 'eight-branches') {
    if (typeof check.target !== 'string' || check.target === '') throw new Error(`${fileName}: check.target: expected the id of a target of the lesson's cell`);
    const d = check.maxDistance;
    if (typeof d !== 'number' || !(d > 0 && d <= 0.1)) throw new Error(`${fileName}: check.maxDistance: expected a distance in metres, above 0 and at most 0.1`);
    return { kind: 'eight-branches', target: check.target, maxDistance: d, maxAngleDeg: degrees('maxAngleDeg') };
  }
  if (check?.kind === 'dh-parameter') {
    const { convention, row, parameter, maxErrorMm } = check;
    if (convention !== 'standard' && convention !== 'modified') throw new Error(`${fileName}: check.convention: expected "standard" or "modified"`);
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 1) throw new Error(`${fileName}: check.row: expected a row number from 1`);
    if (parameter !== 'a' && parameter !== 'd') throw new Error(`${fileName}: check.parameter: expected "a" or "d"`);
    if (typeof maxErrorMm !== 'number' || !(maxErrorMm > 0 && maxErrorMm <= 10)) throw new Error(`${fileName}: check.maxErrorMm: expected a number of mm above 0 and at most 10`);
    return { kind: 'dh-parameter', convention, row, parameter, maxErrorMm };
  }
  throw new Error(`${fileName}: check.kind: expected one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
}
