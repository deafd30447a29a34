/**
 * Loading the robot file a command names (URDF, xacro or zip) from the disk, shared by every
 * command that takes one (inspect, plan, fk, ik), so they accept the same options and report a
 * bad file the same way: as an InputError naming the file (exit code 2).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UrdfError } from '../io/urdf/errors';
import { isXacroName, loadRobotFile, loadRobotZip, type LoadedRobot, type LoadRobotOptions } from '../io/urdf/load-robot';
import { nodeRobotFiles } from '../io/urdf/node-files';
import { looksLikeZip } from '../io/urdf/zip';
import type { Options } from './args';
import { InputError } from './errors';

/** The options every robot-file command accepts; spread into the command's readArgs options. */
export const ROBOT_FILE_OPTIONS = {
  package: { type: 'string', multiple: true },
  arg: { type: 'string', multiple: true },
  entry: { type: 'string' },
  strict: { type: 'boolean' },
} as const satisfies Options;

/** Usage lines for {@link ROBOT_FILE_OPTIONS}. */
export const ROBOT_FILE_USAGE =
  '  --package  where package://NAME and $(find NAME) point (default: search parent folders of FILE;\n' +
  '             for a zip, DIR is a folder inside the zip)\n' +
  '  --arg      a xacro argument;  --entry  the robot file inside a zip;  --strict  refuse what urdfdom refuses';

/** Values of {@link ROBOT_FILE_OPTIONS} as parseArgs returns them. */
export interface RobotFileValues {
  package?: string[] | undefined;
  arg?: string[] | undefined;
  entry?: string | undefined;
  strict?: boolean | undefined;
}

/** `NAME=VALUE` (or xacro's `NAME:=VALUE`) pairs of a repeatable option. */
function pairs(option: string, values: string[] | undefined, resolveValue: (v: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of values ?? []) {
    const m = /^([^=:]+):?=(.*)$/.exec(item);
    if (!m?.[1] || m[2] === undefined || m[2] === '') throw new InputError(option, `expected NAME=VALUE, got "${item}"`);
    out[m[1]] = resolveValue(m[2]);
  }
  return out;
}

/**
 * Reads and checks the robot `file` (relative to `cwd`): URDF, xacro, or a zip of a package.
 * Throws InputError naming the file when it cannot be read or is not a valid robot.
 */
export async function loadRobotArg(file: string, cwd: string, values: RobotFileValues = {}): Promise<LoadedRobot> {
  const path = resolve(cwd, file);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new InputError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const zip = /\.zip$/i.test(file) || looksLikeZip(data);
  const options: LoadRobotOptions = {
    packages: pairs('--package', values.package, (dir) => (zip ? dir : resolve(cwd, dir))),
    args: pairs('--arg', values.arg, (v) => v),
    strict: values.strict === true,
    displayName: file,
  };
  // linkedom is loaded only for xacro: xacro-parser needs a DOMParser, which Node lacks.
  if (zip || isXacroName(file)) options.domParser = (await import('linkedom')).DOMParser;
  try {
    return zip
      ? await loadRobotZip(data, file, values.entry !== undefined ? { ...options, entry: values.entry } : options)
      : await loadRobotFile(path, nodeRobotFiles(), options);
  } catch (e) {
    if (e instanceof UrdfError) throw new InputError(e.file, e.message, e.line);
    throw e;
  }
}
