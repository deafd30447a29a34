/**
 * Forward-slash path helpers and ROS package lookup that work the same in Node, in the page
 * (dropped folders, zip entries) and in workers — hence no `node:path`. Windows backslashes are
 * turned into forward slashes on the way in.
 */

/**
 * How `package://NAME/…` and `$(find NAME)` are resolved: a map from package name to its
 * directory, or a function returning the directory (undefined when unknown).
 */
export type PackageMap = Readonly<Record<string, string>> | ((name: string) => string | undefined);

/** The directory of package `name`, if the map knows it. */
export function lookupPackage(packages: PackageMap | undefined, name: string): string | undefined {
  if (packages === undefined) return undefined;
  if (typeof packages === 'function') return packages(name);
  return Object.hasOwn(packages, name) ? packages[name] : undefined;
}

/** `a\b` → `a/b`. */
export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** The folder part of a path (`a/b/c.urdf` → `a/b`; `c.urdf` → `.`; `/c` → `/`). */
export function dirname(path: string): string {
  const p = toSlashes(path).replace(/\/+$/, '');
  if (p === '') return path === '' ? '.' : '/';
  if (/^[a-zA-Z]:$/.test(p)) return `${p}/`;
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return /^[a-zA-Z]:$/.test(p.slice(0, i)) ? p.slice(0, i + 1) : p.slice(0, i);
}

/** The last segment of a path. */
export function basename(path: string): string {
  const p = toSlashes(path).replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Removes `.` and resolves `..` segments; keeps a leading `/` and a Windows drive prefix. */
export function normalizePath(path: string): string {
  const p = toSlashes(path);
  const prefix = /^[a-zA-Z]:\//.exec(p)?.[0] ?? (p.startsWith('/') ? '/' : '');
  const out: string[] = [];
  for (const part of p.slice(prefix.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || prefix === '') out.push(part);
  }
  const joined = prefix + out.join('/');
  return joined === '' ? '.' : joined;
}

/** True for `/x`, `C:/x` and URLs (`http://…`, `blob:…`). */
export function isAbsolute(path: string): boolean {
  return /^(?:\/|[a-zA-Z]:[\\/]|[a-zA-Z][a-zA-Z0-9+.-]+:)/.test(path);
}

const URL_BASE = /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//;

/** Joins `path` onto `base` unless `path` is absolute, and normalises the result (URLs too). */
export function joinPath(base: string, path: string): string {
  if (URL_BASE.test(path)) return path;
  if (URL_BASE.test(base)) return new URL(toSlashes(path), base.endsWith('/') ? base : `${base}/`).href;
  return normalizePath(isAbsolute(path) ? path : `${base}/${path}`);
}
