/**
 * `celltwin plan FILE --from q… --to q…`: times a synchronized point-to-point joint move (MoveJ,
 * src/motion/move-j.ts) and reports the duration with the limits it used.
 *
 * Limits: vmax from the URDF velocity limit (or, when the file gives none, the library's
 * jointSpeeds); amax from the library's jointAccelerations when FILE is one of the bundled robots
 * in urdf/, else vmax / 0.25 s (DEFAULT_RAMP_TIME); jerk (s-curve) = amax / 0.05 s. `--speed` is
 * a controller's speed override (v × s, a × s², jerk × s³: the whole move time-scaled by 1/s);
 * `--accel` a fraction of the acceleration (and jerk). The JSON lists the limits after both.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { activeJoints, type RobotDescription } from '../../model/robot-description';
import { libraryRobots, type RobotLibraryEntry } from '../../model/robot-library';
import { DEFAULT_JERK_TIME, DEFAULT_RAMP_TIME, MIN_FRACTION, robotMotionLimits } from '../../motion/limits';
import { MoveJ } from '../../motion/move-j';
import type { ProfileKind } from '../../motion/profile';
import { numberList, readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { repoPath } from '../repo-root';
import { loadRobotArg, ROBOT_FILE_OPTIONS, ROBOT_FILE_USAGE } from '../robot-file';
import { planCell } from './plan-cell';

const LIBRARY_DIR = repoPath('urdf');

const realpath = (path: string): string | null => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** The library entry when `path` is one of the bundled robot files in urdf/ (not a copy elsewhere). */
export function bundledEntryFor(path: string): RobotLibraryEntry | undefined {
  const real = realpath(path);
  return real === null ? undefined : libraryRobots().find((e) => realpath(resolve(LIBRARY_DIR, e.file)) === real);
}

/** Parses a joint vector option, checking its length and the joints' ranges; errors name FILE. */
function jointValues(file: string, option: string, text: string | undefined, robot: RobotDescription): number[] {
  const joints = activeJoints(robot);
  if (text === undefined) throw new InputError(file, `${option} is required: ${joints.length} values (${joints.map((j) => j.name).join(', ')})`);
  let values: number[];
  try {
    values = numberList(option, text);
  } catch (e) {
    throw new InputError(file, `${option}: ${(e as Error).message}`);
  }
  if (values.length !== joints.length) {
    throw new InputError(file, `${option} expects ${joints.length} values, one per joint (${joints.map((j) => j.name).join(', ')}), got ${values.length}`);
  }
  values.forEach((v, i) => {
    const j = joints[i]!;
    const lower = j.limits?.lower ?? -Infinity, upper = j.limits?.upper ?? Infinity;
    if (v < lower || v > upper) {
      const unit = j.type === 'prismatic' ? 'm' : 'rad';
      throw new InputError(file, `${option}: ${j.name} = ${v} is outside its range ${fmt(lower)}..${fmt(upper)} ${unit}`);
    }
  });
  return values;
}

/** A fraction option in (0, 1]; errors name FILE. */
function fraction(file: string, option: string, text: string | undefined): number {
  if (text === undefined) return 1;
  const v = Number(text);
  if (text.trim() === '' || !(v > 0 && v <= 1)) throw new InputError(file, `${option} must be a number in (0, 1], got "${text}"`);
  if (v < MIN_FRACTION) throw new InputError(file, `${option} must be at least ${MIN_FRACTION} (0.1 %), got "${text}"`);
  return v;
}

const fmt = (v: number): string => (Number.isFinite(v) ? String(Number(v.toFixed(4))) : v > 0 ? '∞' : '-∞');

/** The JSON `celltwin plan --json` prints: duration, profile, and per joint the limits used. */
export function planJson(file: string, robot: RobotDescription, move: MoveJ, scaling: { speed: number; accel: number }, entry: RobotLibraryEntry | undefined) {
  const { limits, profile } = move;
  const kind = profile.kind;
  return {
    file,
    robot: robot.name,
    duration: move.duration,
    profile: kind,
    speed: scaling.speed,
    accel: scaling.accel,
    leader: move.leader >= 0 ? (limits.names[move.leader] ?? null) : null,
    accelerationSource: entry ? `urdf/library.json (${entry.id})` : `default: vmax / ${DEFAULT_RAMP_TIME} s`,
    /** Bare-arm limits (no load, no calibration): fitted to a published cycle, or assumed. */
    motionSource: entry?.fitted ? 'vendor-fitted' : 'assumed',
    joints: limits.names.map((name, i) => ({
      name,
      vmax: limits.velocity[i]!,
      amax: limits.acceleration[i]!,
      ...(kind === 's-curve' ? { jmax: limits.jerk[i]! } : {}),
      distance: Math.abs(move.delta[i]!),
      peakVelocity: Math.abs(move.delta[i]!) * profile.peakVelocity,
    })),
  };
}

function humanText(json: ReturnType<typeof planJson>): string {
  const width = Math.max(5, ...json.joints.map((j) => j.name.length));
  const num = (v: number) => v.toFixed(4).padStart(9);
  return [
    `${json.robot} (${json.file}): MoveJ ${json.duration.toFixed(4)} s, ${json.profile}, speed ${json.speed * 100}%, accel ${json.accel * 100}%` +
      (json.leader ? `, set by ${json.leader}` : ''),
    `  ${'joint'.padEnd(width)}  distance      vmax      amax    peak v`,
    ...json.joints.map((j) => `  ${j.name.padEnd(width)} ${num(j.distance)} ${num(j.vmax)} ${num(j.amax)} ${num(j.peakVelocity)}`),
    `accelerations: ${json.accelerationSource}, ${json.motionSource}, bare arm (no load)`,
  ].join('\n');
}

/** `celltwin plan FILE --from q… --to q…` (a joint move) or `celltwin plan CELL.json --robot ID` (a program). */
export const planCommand: Command = {
  name: 'plan',
  summary: 'time a program step by step without running the cell (CELL.json --robot ID), or one joint move (URDF --from --to)',
  usage:
    'celltwin plan CELL.json --robot ID [--json]\n' +
    '  each step of the robot\'s program with its duration, and the loop\'s sum: the cycle with no waiting\n' +
    'celltwin plan FILE --from q1,q2,… --to q1,q2,… [--speed 0..1] [--accel 0..1] [--profile trapezoidal|s-curve] [--json]\n' +
    '  --from, --to  values of the movable, non-mimic joints in tree order (rad or m), as `inspect` lists them\n' +
    `  --speed       speed override in (0, 1] (default 1): velocity × s, acceleration × s², jerk × s³\n` +
    '  --accel       fraction of the acceleration (and jerk) in (0, 1] (default 1)\n' +
    `  --profile     trapezoidal (default) or s-curve (jerk = amax / ${DEFAULT_JERK_TIME} s)\n` +
    `  limits: vmax from the URDF; amax from urdf/library.json for a bundled robot, else vmax / ${DEFAULT_RAMP_TIME} s\n` +
    ROBOT_FILE_USAGE,
  async run(argv, io) {
    const { values, positionals } = readArgs('plan', argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      speed: { type: 'string' },
      accel: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'boolean' },
      robot: { type: 'string' },
      ...ROBOT_FILE_OPTIONS,
    });
    const file = positionals[0];
    if (file === undefined) throw new InputError('plan', 'expected a cell or robot file: celltwin plan CELL.json --robot ID, or celltwin plan FILE.urdf --from q… --to q…');
    if (/\.json$/i.test(file)) return planCell(file, values.robot, values.json === true, io);
    const speed = fraction(file, '--speed', values.speed);
    const accel = fraction(file, '--accel', values.accel);
    const profile = values.profile ?? 'trapezoidal';
    if (profile !== 'trapezoidal' && profile !== 's-curve') throw new InputError(file, `--profile must be trapezoidal or s-curve, got "${profile}"`);
    const { robot } = await loadRobotArg(file, io.cwd, values);
    if (activeJoints(robot).length === 0) throw new InputError(file, 'the robot has no movable joints');
    const from = jointValues(file, '--from', values.from, robot);
    const to = jointValues(file, '--to', values.to, robot);
    const entry = bundledEntryFor(resolve(io.cwd, file));
    let limits;
    try {
      limits = robotMotionLimits(robot, entry);
    } catch (e) {
      throw new InputError(file, (e as Error).message);
    }
    const move = new MoveJ(from, to, limits, { speed, accel, profile: profile satisfies ProfileKind });
    const json = planJson(file, robot, move, { speed, accel }, entry);
    io.out(values.json ? JSON.stringify(json, null, 2) : humanText(json));
    return 0;
  },
};
