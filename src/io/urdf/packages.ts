/**
 * Finding ROS packages without ROS: `package://NAME/…` and `$(find NAME)` resolve to a folder
 * named NAME, or a folder whose package.xml says `<name>NAME</name>`, found by walking up from
 * the robot file. Synchronous on purpose: xacro-parser asks for `$(find)` synchronously, and every
 * place we search (disk in Node, a zip or dropped folder held in memory) can answer at once.
 */
import { basename, dirname, joinPath, lookupPackage, normalizePath, type PackageMap } from './paths';

/** The little of a file system the package search needs. Paths use forward slashes. */
export interface PackageSearchFs {
  /** True when `path` is a directory. */
  isDir(path: string): boolean;
  /** Names of the sub-directories of `path` (empty when it has none or does not exist). */
  listDirs(path: string): string[];
  /** The text of a small file (package.xml), or undefined when it does not exist. */
  readTextSync(path: string): string | undefined;
}

/** `<name>` of a package.xml, without parsing the whole manifest (it may use any format version). */
export function packageXmlName(text: string): string | undefined {
  return /<name>\s*([^<\s]+)\s*<\/name>/.exec(text)?.[1];
}

function manifestNames(fs: PackageSearchFs, dir: string): string | undefined {
  const text = fs.readTextSync(joinPath(dir, 'package.xml'));
  return text === undefined ? undefined : packageXmlName(text);
}

/** The ancestors of `dir`, nearest first, ending at the root (`/`, `C:/` or `.`). */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = normalizePath(dir);
  for (;;) {
    out.push(d);
    const up = dirname(d);
    if (up === d || (d === '.' && up === '.')) return out;
    d = up;
  }
}

/**
 * Looks for package `name` from folder `startDir` upwards. At each level it tries, in order:
 * the folder itself (named NAME, or its package.xml says NAME), then a child folder whose
 * package.xml says NAME, then a child folder named NAME. The package.xml name wins because ROS
 * goes by it (a checkout may be called `abb-experimental` and hold `abb_irb120_support`).
 */
export function searchPackage(name: string, startDir: string, fs: PackageSearchFs): string | undefined {
  for (const dir of ancestors(startDir)) {
    if (basename(dir) === name || manifestNames(fs, dir) === name) return dir;
    const children = fs.listDirs(dir);
    for (const c of children) {
      const sub = joinPath(dir, c);
      if (manifestNames(fs, sub) === name) return sub;
    }
    if (children.includes(name)) return joinPath(dir, name);
  }
  return undefined;
}

/**
 * A PackageMap that tries the explicit map first, then searches upwards from `fromFile`'s
 * folder (when `fs` is given), remembering answers so each package is searched once.
 */
export function packageFinder(fromFile: string, explicit: PackageMap | undefined, fs: PackageSearchFs | undefined): PackageMap {
  const cache = new Map<string, string | undefined>();
  return (name: string): string | undefined => {
    const given = lookupPackage(explicit, name);
    if (given !== undefined) return given;
    if (!fs) return undefined;
    if (!cache.has(name)) cache.set(name, searchPackage(name, dirname(fromFile), fs));
    return cache.get(name);
  };
}
