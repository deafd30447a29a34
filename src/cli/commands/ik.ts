/**
 * `celltwin ik FILE --tip LINK [--base LINK] --target x,y,z[,qx,qy,qz,qw] [--seed v1,…]`:
 * joint values that put TIP at the target in BASE's frame (default: the root link), by the
 * solver of src/kinematics/ik.ts (closed form for UR-type and spherical-wrist arms, else damped
 * least squares with restarts). Three numbers solve the position only; seven add the
 * orientation as a quaternion [x, y, z, w].
 *
 * JSON (docs/ARCHITECTURE.md): {"q":[…],"positionError":m,"orientationError":rad,"iterations":n,
 * "converged":bool}. An unreachable target is an answer, not bad input: converged is false, q
 * is the best effort and the errors say how far it is — exit code 0. The seed defaults to zero
 * for every joint (moved into the limits where zero is outside them).
 */
import { InverseKinematics, type IkResult, type IkTarget } from '../../kinematics/ik';
import { jointRange } from '../../kinematics/limits';
import { numberList, readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { loadRobotArg, ROBOT_FILE_OPTIONS, ROBOT_FILE_USAGE } from '../robot-file';
import { parseJointVector, requireLink } from './fk';

/** Parses `--target`: x,y,z or x,y,z,qx,qy,qz,qw. */
function parseTarget(file: string, text: string | undefined): IkTarget {
  if (text === undefined) throw new InputError(file, '--target is required: x,y,z (position only) or x,y,z,qx,qy,qz,qw (m, quaternion)');
  let v: number[];
  try {
    v = numberList('--target', text);
  } catch (e) {
    throw new InputError(file, `--target: ${(e as Error).message}`);
  }
  if (v.length === 3) return { position: [v[0]!, v[1]!, v[2]!] };
  if (v.length !== 7) throw new InputError(file, `--target has ${v.length} numbers, expected 3 (x,y,z) or 7 (x,y,z,qx,qy,qz,qw)`);
  if (Math.hypot(v[3]!, v[4]!, v[5]!, v[6]!) < 1e-9) throw new InputError(file, '--target: the quaternion (qx,qy,qz,qw) must not be zero');
  return { position: [v[0]!, v[1]!, v[2]!], quaternion: [v[3]!, v[4]!, v[5]!, v[6]!] };
}

/** The JSON `celltwin ik --json` prints, exactly the fields docs/ARCHITECTURE.md lists. */
export function ikJson(result: IkResult) {
  const { q, positionError, orientationError, iterations, converged } = result;
  return { q, positionError, orientationError, iterations, converged };
}

function humanText(title: string, names: string[], result: IkResult): string {
  const width = Math.max(...names.map((n) => n.length), 5);
  const how = result.method === 'closed-form' ? `closed form, branch ${result.branch ?? '?'}` : `numerical, ${result.iterations} iterations`;
  return [
    `${title}: ${result.converged ? 'converged' : 'NOT converged (best effort below)'} (${how})`,
    ...names.map((n, i) => `  ${n.padEnd(width)}  ${result.q[i]!.toFixed(6).padStart(10)}`),
    `  position error     ${result.positionError.toExponential(2)} m`,
    `  orientation error  ${result.orientationError.toExponential(2)} rad`,
  ].join('\n');
}

/** `celltwin ik`: inverse kinematics of one link to one target. */
export const ikCommand: Command = {
  name: 'ik',
  summary: 'inverse kinematics: joint values that put a link at a target pose',
  usage:
    'celltwin ik FILE --tip LINK --target x,y,z[,qx,qy,qz,qw] [--base LINK] [--seed v1,v2,…] [--json]\n' +
    '  --tip     the link to place;  --base  the frame of the target (default: the root link)\n' +
    '  --target  position (m), optionally followed by an orientation quaternion x,y,z,w\n' +
    '  --seed    starting joint values in tree order, as `inspect` lists them (default: zeros within limits);\n' +
    '            of several solutions the one nearest the seed is chosen\n' +
    '  --json    {"q":[…],"positionError":m,"orientationError":rad,"iterations":n,"converged":bool}\n' +
    ROBOT_FILE_USAGE,
  async run(argv, io) {
    const { values, positionals } = readArgs('ik', argv, {
      tip: { type: 'string' },
      base: { type: 'string' },
      target: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      ...ROBOT_FILE_OPTIONS,
    });
    const file = positionals[0];
    if (file === undefined) throw new InputError('ik', 'expected a robot file: celltwin ik FILE.urdf --tip LINK --target x,y,z');
    const target = parseTarget(file, values.target);
    const { robot } = await loadRobotArg(file, io.cwd, values);
    const tip = requireLink(file, '--tip', values.tip, robot);
    const base = values.base === undefined ? robot.root : requireLink(file, '--base', values.base, robot);
    const ik = new InverseKinematics(robot, base, tip);
    if (ik.jacobian.columns === 0) throw new InputError(file, `no movable joint moves "${tip}" relative to "${base}"`);
    const seed =
      values.seed === undefined
        ? ik.inputJoints.map((j) => Math.min(Math.max(0, jointRange(j)[0]), jointRange(j)[1]))
        : parseJointVector(file, '--seed', values.seed, ik.inputJoints);
    const result = ik.solve(target, seed);
    const names = ik.inputJoints.map((j) => j.name);
    io.out(values.json ? JSON.stringify(ikJson(result)) : humanText(`${tip} in ${base} (${file})`, names, result));
    return 0;
  },
};
