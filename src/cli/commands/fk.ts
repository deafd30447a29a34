/**
 * `celltwin fk FILE --q v1,v2,… [--base LINK] --link LINK`: the pose of LINK in BASE's frame
 * (default: the root link) for the given joint values — position, quaternion [x, y, z, w] and
 * the 4×4 matrix row-major, metres and radians (docs/ARCHITECTURE.md, "Command line").
 *
 * `--q` lists the movable, non-mimic joints in tree order, as `inspect` lists them. A wrong
 * count, a value outside a joint's limits or an unknown link is bad input (exit 2) with a
 * message naming what is expected.
 */
import { describePose, ForwardKinematics, type PoseReport } from '../../kinematics/forward';
import { checkJointValues, JointLimitError } from '../../kinematics/limits';
import type { JointDescription, RobotDescription } from '../../model/robot-description';
import { numberList, readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { loadRobotArg, ROBOT_FILE_OPTIONS, ROBOT_FILE_USAGE } from '../robot-file';

const names = (joints: readonly JointDescription[]): string => joints.map((j) => j.name).join(', ');

/**
 * Parses a joint vector option (`--q`, `--seed`) for `joints`: the right count, numbers, each
 * within its joint's limits. Errors are InputErrors naming FILE, the option, and what it expects.
 * An absent option is allowed only for a robot without movable joints.
 */
export function parseJointVector(file: string, option: string, text: string | undefined, joints: readonly JointDescription[]): number[] {
  if (text === undefined) {
    if (joints.length === 0) return [];
    throw new InputError(file, `${option} is required: ${joints.length} values, one per joint (${names(joints)})`);
  }
  let values: number[];
  try {
    values = numberList(option, text);
  } catch (e) {
    throw new InputError(file, `${option}: ${(e as Error).message}`);
  }
  if (values.length !== joints.length) {
    throw new InputError(file, `${option} has ${values.length} values, expected ${joints.length}, one per joint (${names(joints)})`);
  }
  try {
    checkJointValues(joints, values);
  } catch (e) {
    if (e instanceof JointLimitError) throw new InputError(file, `${option}: ${e.message}`);
    throw e;
  }
  return values;
}

/** Checks that `link` names a link of the robot; errors name the option. */
export function requireLink(file: string, option: string, link: string | undefined, robot: RobotDescription): string {
  if (link === undefined) {
    const parents = new Set(robot.joints.map((j) => j.parent));
    const leaves = robot.links.filter((l) => !parents.has(l.name)).map((l) => l.name);
    throw new InputError(file, `${option} is required: the name of a link (end links: ${leaves.join(', ')})`);
  }
  if (!robot.links.some((l) => l.name === link)) throw new InputError(file, `${option}: unknown link "${link}"`);
  return link;
}

// Values that would print as -0.000000 print as 0.000000.
const num = (v: number): string => (Math.abs(v) < 5e-7 ? 0 : v).toFixed(6).padStart(10);

/** The pose as text: position, quaternion and the matrix rows. */
export function poseText(title: string, pose: PoseReport): string {
  const m = pose.matrix;
  return [
    title,
    `  position    ${pose.position.map(num).join(' ')}  m`,
    `  quaternion  ${pose.quaternion.map(num).join(' ')}  (x y z w)`,
    ...[0, 1, 2, 3].map((r) => `  ${r === 0 ? 'matrix    ' : '          '}  ${m.slice(4 * r, 4 * r + 4).map(num).join(' ')}`),
  ].join('\n');
}

/** `celltwin fk`: forward kinematics of one link for one joint vector. */
export const fkCommand: Command = {
  name: 'fk',
  summary: 'forward kinematics: the pose of a link for given joint values',
  usage:
    'celltwin fk FILE --q v1,v2,… --link LINK [--base LINK] [--json]\n' +
    '  --q     values of the movable, non-mimic joints in tree order (rad or m), as `inspect` lists them\n' +
    '  --link  the link whose pose is printed;  --base  the frame it is given in (default: the root link)\n' +
    '  --json  {"position":[x,y,z],"quaternion":[x,y,z,w],"matrix":[16 numbers, row-major]}\n' +
    ROBOT_FILE_USAGE,
  async run(argv, io) {
    const { values, positionals } = readArgs('fk', argv, {
      q: { type: 'string' },
      base: { type: 'string' },
      link: { type: 'string' },
      json: { type: 'boolean' },
      ...ROBOT_FILE_OPTIONS,
    });
    const file = positionals[0];
    if (file === undefined) throw new InputError('fk', 'expected a robot file: celltwin fk FILE.urdf --q v1,v2,… --link LINK');
    const { robot } = await loadRobotArg(file, io.cwd, values);
    const fk = new ForwardKinematics(robot);
    const link = requireLink(file, '--link', values.link, robot);
    const base = values.base === undefined ? robot.root : requireLink(file, '--base', values.base, robot);
    const q = parseJointVector(file, '--q', values.q, fk.inputJoints);
    const pose = describePose(fk.compute(q).relativePose(base, link));
    io.out(values.json ? JSON.stringify(pose) : poseText(`${link} in ${base} (${file})`, pose));
    return 0;
  },
};
