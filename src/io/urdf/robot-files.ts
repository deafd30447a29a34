/**
 * A read-only view of the files a robot comes with — the disk (Node), a zip, or a dropped folder
 * read into memory — so URDF, xacro and mesh resolution run the same code on all of them.
 */
import type { PackageSearchFs } from './packages';
import { basename, normalizePath } from './paths';
import type { ZipArchive } from './zip';

/** Files by forward-slash path. Sync members serve the package search; async ones the rest. */
export interface RobotFiles extends PackageSearchFs {
  /** Reads a text file; rejects when it does not exist. */
  readText(path: string): Promise<string>;
  /** Reads a binary file (meshes); rejects when it does not exist. */
  readBytes(path: string): Promise<Uint8Array>;
  /** True when a file (not a directory) exists. */
  exists(path: string): Promise<boolean>;
  /** Every file path, when the source can list them (zips and dropped folders can; the disk cannot). */
  list?(): string[];
}

/**
 * Files held in memory by path: a zip (pass `zipEntries(archive)`) or a dropped folder (the page
 * reads the files and passes their bytes). Paths are absolute from the top of the zip or folder
 * (`/ur_description/urdf/ur5e.urdf`): lookups accept them with or without the leading `/`, and
 * list() returns them with it. Absolute paths matter for xacro: xacro-parser prefixes every path
 * that does not start with `/` with the including file's folder, `$(find)` results included.
 */
export function memoryRobotFiles(files: ReadonlyMap<string, Uint8Array | (() => Uint8Array)>): RobotFiles {
  const byPath = new Map<string, Uint8Array | (() => Uint8Array)>();
  const dirs = new Map<string, Set<string>>();
  for (const [raw, content] of files) {
    const path = normalizePath(raw).replace(/^\//, '');
    byPath.set(path, content);
    // Register every folder on the way down, so folders with no files of their own are found too.
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
      const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
      const set = dirs.get(dir) ?? new Set<string>();
      set.add(parts[i] ?? '');
      dirs.set(dir, set);
    }
  }
  const key = (path: string): string => normalizePath(path).replace(/^\/+/, '') || '.';
  const bytes = (path: string): Uint8Array | undefined => {
    const content = byPath.get(key(path));
    if (content === undefined) return undefined;
    return typeof content === 'function' ? content() : content;
  };
  const decoder = new TextDecoder();
  return {
    isDir: (path) => dirs.has(key(path)),
    listDirs: (path) => [...(dirs.get(key(path)) ?? [])],
    readTextSync: (path) => {
      const b = bytes(path);
      return b === undefined ? undefined : decoder.decode(b);
    },
    readText: async (path) => {
      const b = bytes(path);
      if (b === undefined) throw new Error(`no such file: ${path}`);
      return decoder.decode(b);
    },
    readBytes: async (path) => {
      const b = bytes(path);
      if (b === undefined) throw new Error(`no such file: ${path}`);
      return b;
    },
    exists: async (path) => byPath.has(key(path)),
    list: () => [...byPath.keys()].map((p) => `/${p}`),
  };
}

/** A zip's entries in the shape memoryRobotFiles takes; each is inflated when first read. */
export function zipEntries(archive: ZipArchive): Map<string, () => Uint8Array> {
  const out = new Map<string, () => Uint8Array>();
  for (const [path, entry] of archive.entries) {
    let cached: Uint8Array | undefined;
    out.set(path, () => (cached ??= entry.read()));
  }
  return out;
}

/** Files that are not robot descriptions even though they end in .xacro (macro and helper files). */
const HELPER_XACRO = /(?:macro|common|material|colou?r|transmission|gazebo|inertial|finger_set|ros2_control|utils?)[^/]*\.xacro$/i;

/**
 * The robot description files among `paths`, best first: URDFs before xacros, helper xacros last,
 * then shallower paths, then alphabetical. Hidden files are ignored.
 */
export function robotFileCandidates(paths: readonly string[]): string[] {
  const rank = (p: string): number => (/\.urdf$/i.test(p) ? 0 : HELPER_XACRO.test(p) ? 2 : 1);
  return paths
    .filter((p) => /\.(?:urdf|xacro)$/i.test(p) && !basename(p).startsWith('.'))
    .sort((a, b) => rank(a) - rank(b) || a.split('/').length - b.split('/').length || a.localeCompare(b));
}
