/**
 * One call from "a robot file among other files" to a checked robot: URDF or xacro parsed, the
 * package search set up, every mesh resolved and the missing ones reported as warnings. The CLI
 * uses it on the disk; the page can use it on a zip or a dropped folder.
 */
import type { RobotDescription } from '../../model/robot-description';
import { UrdfError } from './errors';
import { checkMeshes, type MeshReport } from './mesh-refs';
import { packageFinder } from './packages';
import { parseUrdf } from './parse-urdf';
import { lookupPackage, type PackageMap } from './paths';
import { memoryRobotFiles, robotFileCandidates, zipEntries, type RobotFiles } from './robot-files';
import { parseXacro } from './xacro';
import { readZip, type ZipLimits } from './zip';

/** Options of loadRobotFile and loadRobotZip. */
export interface LoadRobotOptions {
  /** Explicit packages (`--package NAME=DIR`); inside a zip, DIR is a path inside the zip. */
  packages?: PackageMap;
  /** Search parent folders for packages not given explicitly (default true). */
  searchPackages?: boolean;
  /** xacro arguments (`name:=value`). */
  args?: Readonly<Record<string, string>>;
  /** DOMParser class for xacro outside the browser (linkedom's in Node). */
  domParser?: unknown;
  /** Refuse everything urdfdom refuses. */
  strict?: boolean;
  /** The name used in messages instead of the path. */
  displayName?: string;
}

/** A robot ready for use, with its URDF text (expanded for xacro) and its mesh report. */
export interface LoadedRobot {
  /** Path of the robot file among the files. */
  path: string;
  robot: RobotDescription;
  urdf: string;
  /** Parse warnings, then one per missing mesh. */
  warnings: string[];
  meshes: MeshReport;
}

/** True for names that should be expanded as xacro. */
export function isXacroName(path: string): boolean {
  return /\.xacro$/i.test(path);
}

/** Loads the URDF or xacro at `path` from `files`. Throws UrdfError on bad input. */
export async function loadRobotFile(path: string, files: RobotFiles, options: LoadRobotOptions = {}): Promise<LoadedRobot> {
  const name = options.displayName ?? path;
  let text: string;
  try {
    text = await files.readText(path);
  } catch (e) {
    // A zip entry that fails to inflate says why (its UrdfError names the entry).
    if (e instanceof UrdfError) throw e;
    throw new UrdfError(name, 'cannot read the file');
  }
  const packages = packageFinder(path, options.packages, options.searchPackages === false ? undefined : files);
  const strict = options.strict ? { strict: true } : {};
  const parsed = isXacroName(path)
    ? await parseXacro(text, name, {
        packages,
        readFile: (p) => files.readText(p),
        workingPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.',
        args: options.args ?? {},
        domParser: options.domParser,
        ...strict,
      })
    : { ...parseUrdf(text, name, strict), urdf: text };
  const meshes = await checkMeshes(parsed.robot, { urdfPath: path, packages, exists: (p) => files.exists(p) });
  return { path, robot: parsed.robot, urdf: parsed.urdf, warnings: [...parsed.warnings, ...meshes.warnings], meshes };
}

/** A robot loaded from a zip, with the zip's files (for meshes) and the other robot files found. */
export interface LoadedZipRobot extends LoadedRobot {
  files: RobotFiles;
  candidates: string[];
}

/**
 * Opens a zip of a ROS package (or of a folder with a URDF and meshes), picks the robot file
 * (`entry`, or the best candidate: a URDF before a xacro, the shallowest first) and loads it.
 * `package://NAME` resolves to a folder inside the zip named NAME or whose package.xml says NAME.
 */
export async function loadRobotZip(
  data: Uint8Array,
  zipName: string,
  options: LoadRobotOptions & { entry?: string; limits?: ZipLimits } = {},
): Promise<LoadedZipRobot> {
  const archive = readZip(data, zipName, options.limits ?? {});
  const files = memoryRobotFiles(zipEntries(archive));
  const candidates = robotFileCandidates(files.list?.() ?? []);
  const entry = options.entry !== undefined ? `/${options.entry.replace(/^\/+/, '')}` : candidates[0];
  if (entry === undefined) throw new UrdfError(zipName, 'the zip holds no .urdf or .xacro file');
  if (!(await files.exists(entry))) throw new UrdfError(zipName, `the zip has no file "${entry}"`);
  // Folders given for a zip are inside it; make them absolute from the top of the zip.
  const given = options.packages;
  const packages: PackageMap = (name) => {
    const dir = lookupPackage(given, name);
    return dir === undefined ? undefined : `/${dir.replace(/^\/+/, '')}`;
  };
  const loaded = await loadRobotFile(entry, files, { ...options, packages, displayName: `${zipName}/${entry.replace(/^\/+/, '')}` });
  // Only other URDFs make the choice ambiguous; xacros beside a URDF are usually its source.
  const others = candidates.filter((c) => c !== entry && !isXacroName(c));
  if (options.entry === undefined && others.length > 0) {
    const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
    loaded.warnings.unshift(`the zip holds ${others.length + 1} URDF files; loaded "${entry}" (others: ${shown})`);
  }
  return { ...loaded, files, candidates };
}
