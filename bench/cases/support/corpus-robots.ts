/**
 * Node side of the URDF benchmark rows: finds a corpus robot through tests/corpus/manifest.json,
 * resolves its `package://` meshes with our loader (loadRobotFile on the disk) and reads every
 * file both sides will need — URDF text, mesh bytes, DAE textures — once, before timing.
 * Description rows need no mesh: tests/corpus keeps the meshes of the view rows' robots only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRobotFile } from '../../../src/io/urdf/load-robot';
import { nodeRobotFiles } from '../../../src/io/urdf/node-files';
import type { RobotInput } from './robot-tasks';

/** tests/corpus, the repository's robot corpus. */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/corpus');

/** The fields of a manifest.json row used here. */
interface ManifestRow {
  name: string;
  dest: string;
  links: number;
  joints: number;
}

/** A corpus robot read into memory, with the files on disk it came from. */
export interface CorpusRobot {
  /** Manifest name (`ur5e`, `pr2`). */
  name: string;
  /** Path of the URDF relative to the corpus (`ur_description/urdf/ur5e.urdf`). */
  urdf: string;
  /** Link and joint counts the manifest gives, checked against both sides in setup. */
  expected: { links: number; joints: number };
  input: RobotInput;
  /** Mesh and texture files by the key the tasks use, as raw bytes with their corpus paths. */
  files: Array<{ key: string; kind: 'mesh' | 'texture'; file: string; bytes: Uint8Array }>;
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The image files a COLLADA document names in `<library_images>` (`<init_from>x.png</init_from>`),
 * as written: relative to the DAE. References to other elements (`file1`) have no extension.
 */
function daeImages(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/<init_from>\s*([^<\s]+\.[A-Za-z0-9]+)\s*<\/init_from>/g)) out.add(m[1]!);
  return [...out];
}

/**
 * Reads the corpus robot called `name` in manifest.json. With `withMeshes` (view rows) it throws
 * if any mesh is missing (those rows are about fully loaded robots, so a placeholder must never
 * stand in for a mesh); without, it reads the URDF text alone.
 */
export async function readCorpusRobot(name: string, withMeshes = true): Promise<CorpusRobot> {
  const manifest = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as ManifestRow[];
  const row = manifest.find((r) => r.name === name);
  if (!row) throw new Error(`no robot "${name}" in ${path.join(CORPUS_DIR, 'manifest.json')}`);
  const urdfPath = path.join(CORPUS_DIR, row.dest);
  // package://NAME resolves by our own package search from the URDF's folder upwards.
  const loaded = await loadRobotFile(urdfPath, nodeRobotFiles(), { displayName: row.dest });
  if (withMeshes && loaded.meshes.missing.length > 0) throw new Error(`${row.dest}: missing meshes: ${loaded.meshes.warnings.join('; ')}`);

  const files: CorpusRobot['files'] = [];
  const meshes = new Map<string, ArrayBuffer>();
  for (const mesh of withMeshes ? loaded.meshes.meshes : []) {
    const bytes = new Uint8Array(readFileSync(mesh.path!));
    meshes.set(mesh.filename, arrayBufferOf(bytes));
    files.push({ key: mesh.filename, kind: 'mesh', file: path.relative(CORPUS_DIR, mesh.path!), bytes });
    if (mesh.format !== 'dae') continue;
    for (const image of daeImages(new TextDecoder().decode(bytes))) {
      const file = path.join(path.dirname(mesh.path!), image);
      const key = mesh.filename.replace(/[^/]*$/, '') + image;
      // Absent textures (PR2's *_normals.png are not in the corpus) stay unmapped on both sides.
      if (existsSync(file) && !files.some((f) => f.key === key)) {
        files.push({ key, kind: 'texture', file: path.relative(CORPUS_DIR, file), bytes: new Uint8Array(readFileSync(file)) });
      }
    }
  }
  return {
    name,
    urdf: row.dest,
    expected: { links: row.links, joints: row.joints },
    // Texture URLs exist only in the page (blob: URLs); Node rows never build a view.
    input: { fileName: row.dest, text: loaded.urdf, meshes, textureUrls: new Map() },
    files,
  };
}
