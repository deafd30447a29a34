/**
 * The mesh files a robot references, where they are, and which are missing.
 *
 * Filenames are resolved the way ROS tools do: `package://NAME/…` (and Gazebo's `model://`)
 * through the package map, `file://` as a local path, anything else relative to the URDF's
 * folder. A missing mesh is a warning, never an error: the robot's tree is fine without it and
 * the scene draws a placeholder (several corpus robots omit their visual meshes on purpose).
 */
import type { RobotDescription } from '../../model/robot-description';
import { packageFinder, type PackageSearchFs } from './packages';
import { dirname, joinPath, lookupPackage, type PackageMap } from './paths';

/** Where a mesh is used. */
export interface MeshUse {
  link: string;
  kind: 'visual' | 'collision';
}

/** One referenced mesh file. */
export interface MeshRef {
  /** As written in the URDF (case kept: `.STL` stays `.STL`). */
  filename: string;
  /** Resolved path or URL; null when its package is unknown. */
  path: string | null;
  /** Lower-case extension without the dot (`stl`, `dae`, `obj`, `gltf`, `glb`), '' if none. */
  format: string;
  /** True when the file was looked for and not found (or its package is unknown). */
  missing: boolean;
  /** Every link element that uses it. */
  usedBy: MeshUse[];
}

/** Result of checkMeshes: every mesh, the missing ones, and one warning per missing mesh. */
export interface MeshReport {
  meshes: MeshRef[];
  missing: MeshRef[];
  warnings: string[];
}

/** How to find mesh files. */
export interface MeshResolveOptions {
  /** Path of the URDF (or xacro) file: relative mesh paths and the package search start there. */
  urdfPath: string;
  /** Explicit packages (`--package NAME=DIR`); they win over the search. */
  packages?: PackageMap;
  /** When given, unknown packages are searched for upwards from the URDF's folder. */
  search?: PackageSearchFs;
  /** Whether a file exists (Node: fs; page: the dropped files). Not called for http(s) URLs. */
  exists: (path: string) => Promise<boolean>;
}

/** Every distinct mesh filename in the robot, in link order, with where it is used. */
export function listMeshes(robot: RobotDescription): { filename: string; usedBy: MeshUse[] }[] {
  const byName = new Map<string, MeshUse[]>();
  for (const link of robot.links) {
    for (const [kind, shapes] of [['visual', link.visuals], ['collision', link.collisions]] as const) {
      for (const shape of shapes) {
        if (shape.geometry.type !== 'mesh') continue;
        const uses = byName.get(shape.geometry.filename) ?? [];
        uses.push({ link: link.name, kind });
        byName.set(shape.geometry.filename, uses);
      }
    }
  }
  return [...byName].map(([filename, usedBy]) => ({ filename, usedBy }));
}

/** `pkg` of `package://pkg/…` or `model://pkg/…`, with the rest of the path. */
function splitPackageUrl(filename: string): { name: string; rest: string } | null {
  const m = /^(?:package|model):\/\/([^/]+)\/?(.*)$/.exec(filename);
  return m ? { name: m[1] ?? '', rest: m[2] ?? '' } : null;
}

/**
 * Resolves one mesh filename to a path (or URL) using a package map; null when it names a
 * package the map does not know. Percent-escapes in `file://` URLs are decoded.
 */
export function resolveMeshPath(filename: string, urdfPath: string, packages: PackageMap | undefined): string | null {
  const pkg = splitPackageUrl(filename);
  if (pkg) {
    const dir = lookupPackage(packages, pkg.name);
    return dir === undefined ? null : joinPath(dir, pkg.rest);
  }
  if (/^file:\/\//i.test(filename)) {
    let path = filename.slice('file://'.length);
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep it as written: a stray % is more likely a real character than an escape
    }
    return joinPath(dirname(urdfPath), path);
  }
  return joinPath(dirname(urdfPath), filename);
}

/** The extension, lower-cased: formats are recognised whatever the case. */
export function meshFormat(filename: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename.split(/[?#]/)[0] ?? '');
  return m?.[1]?.toLowerCase() ?? '';
}

/** `x.STL` ↔ `x.stl`: meshes made on Windows are often referenced with the other case. */
function otherCase(path: string): string | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  if (!m?.[1]) return null;
  const ext = m[1];
  const swapped = ext === ext.toLowerCase() ? ext.toUpperCase() : ext.toLowerCase();
  return swapped === ext ? null : path.slice(0, -ext.length) + swapped;
}

function usedByText(uses: MeshUse[]): string {
  const first = uses.slice(0, 3).map((u) => `${u.link} (${u.kind})`).join(', ');
  return uses.length > 3 ? `${first} and ${uses.length - 3} more` : first;
}

/**
 * Resolves every mesh of `robot` and checks which exist. A mesh found only with the other case
 * of its extension is kept (with its real path) and noted as a warning.
 */
export async function checkMeshes(robot: RobotDescription, options: MeshResolveOptions): Promise<MeshReport> {
  const packages = packageFinder(options.urdfPath, options.packages, options.search);
  const meshes: MeshRef[] = [];
  const warnings: string[] = [];
  for (const { filename, usedBy } of listMeshes(robot)) {
    let path = resolveMeshPath(filename, options.urdfPath, packages);
    let missing = true;
    if (path === null) {
      const name = splitPackageUrl(filename)?.name ?? '';
      warnings.push(`mesh "${filename}": package "${name}" not found (give it as --package ${name}=DIR); used by ${usedByText(usedBy)}`);
    } else if (/^https?:\/\//i.test(path) || (await options.exists(path))) {
      missing = false;
    } else {
      const alt = otherCase(path);
      if (alt !== null && (await options.exists(alt))) {
        warnings.push(`mesh "${filename}" found as "${alt}" (extension case differs)`);
        path = alt;
        missing = false;
      } else {
        warnings.push(`mesh "${filename}" not found (looked for ${path}); used by ${usedByText(usedBy)}`);
      }
    }
    meshes.push({ filename, path, format: meshFormat(filename), missing, usedBy });
  }
  return { meshes, missing: meshes.filter((m) => m.missing), warnings };
}
