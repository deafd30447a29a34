import { activeJoints, type JointDescription, type JointLimits } from '../../model/robot-description';
import type { LoadedRobot } from '../../io/urdf/load-robot';
import { readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { loadRobotArg, ROBOT_FILE_OPTIONS, ROBOT_FILE_USAGE } from '../robot-file';

/** JSON has no Infinity: an absent position limit is written as null. */
function limitsJson(limits: JointLimits | null) {
  if (!limits) return null;
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return { lower: finite(limits.lower), upper: finite(limits.upper), velocity: limits.velocity, effort: limits.effort };
}

function jointJson(j: JointDescription) {
  return {
    name: j.name,
    type: j.type,
    parent: j.parent,
    child: j.child,
    axis: j.axis,
    origin: { xyz: j.origin.xyz, rpy: j.origin.rpy },
    limits: limitsJson(j.limits),
    mimic: j.mimic ? { joint: j.mimic.joint, multiplier: j.mimic.multiplier, offset: j.mimic.offset } : null,
  };
}

/** The JSON `celltwin inspect --json` prints (docs/ARCHITECTURE.md). Lengths in metres, angles in radians. */
export function inspectJson(file: string, loaded: LoadedRobot) {
  const { robot, meshes } = loaded;
  const active = activeJoints(robot);
  return {
    file,
    name: robot.name,
    root: robot.root,
    links: robot.links.map((l) => (l.implicit ? { name: l.name, implicit: true } : { name: l.name })),
    joints: robot.joints.map(jointJson),
    dof: active.length,
    activeJoints: active.map((j) => j.name),
    meshes: meshes.meshes.map((m) => ({ filename: m.filename, path: m.path, missing: m.missing })),
    missingMeshes: meshes.missing.map((m) => m.filename),
    warnings: loaded.warnings,
  };
}

const fmt = (v: number): string => (Number.isFinite(v) ? String(Number(v.toFixed(4))) : v > 0 ? '∞' : '-∞');

function limitsText(j: JointDescription): string {
  if (!j.limits) return '';
  const unit = j.type === 'prismatic' ? 'm' : 'rad';
  const range = Number.isFinite(j.limits.lower) || Number.isFinite(j.limits.upper) ? `${fmt(j.limits.lower)}..${fmt(j.limits.upper)} ${unit}` : 'unlimited';
  return `  ${range}, ${fmt(j.limits.velocity)} ${unit}/s`;
}

function humanText(file: string, loaded: LoadedRobot): string {
  const { robot, meshes } = loaded;
  const dof = activeJoints(robot).length;
  const width = Math.max(0, ...robot.joints.map((j) => j.name.length));
  const lines = [
    `${robot.name} (${file}): ${robot.links.length} links, ${robot.joints.length} joints, ${dof} DOF, root "${robot.root}"`,
    'joints (tree order):',
    ...robot.joints.map(
      (j) =>
        `  ${j.name.padEnd(width)}  ${j.type.padEnd(10)} ${j.parent} → ${j.child}` +
        (j.type === 'fixed' ? '' : `  axis [${j.axis.map(fmt).join(' ')}]`) +
        limitsText(j) +
        (j.mimic ? `  mimics ${j.mimic.joint} ×${fmt(j.mimic.multiplier)}${j.mimic.offset ? ` +${fmt(j.mimic.offset)}` : ''}` : ''),
    ),
    `meshes: ${meshes.meshes.length} referenced, ${meshes.missing.length} missing`,
    ...meshes.missing.map((m) => `  missing: ${m.filename}`),
  ];
  if (loaded.warnings.length > 0) lines.push(`warnings (${loaded.warnings.length}):`, ...loaded.warnings.map((w) => `  ${w}`));
  return lines.join('\n');
}

/** `celltwin inspect FILE`: a URDF, xacro or zip → links, joints in tree order, DOF, meshes, warnings. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'read a robot (URDF, xacro or zip): links, joints in tree order, DOF, meshes, warnings',
  usage: 'celltwin inspect FILE.urdf|FILE.xacro|FILE.zip [--json] [--package NAME=DIR ...] [--arg NAME:=VALUE ...] [--entry PATH] [--strict]\n' + ROBOT_FILE_USAGE,
  async run(argv, io) {
    const { values, positionals } = readArgs('inspect', argv, { json: { type: 'boolean' }, ...ROBOT_FILE_OPTIONS });
    const file = positionals[0];
    if (file === undefined) throw new InputError('inspect', 'expected a robot file: celltwin inspect FILE.urdf');
    const loaded = await loadRobotArg(file, io.cwd, values);
    io.out(values.json ? JSON.stringify(inspectJson(file, loaded), null, 2) : humanText(file, loaded));
    return 0;
  },
};
