/**
 * Turns a cell's robot source into URDF text and a mesh resolver: bundled robots come from
 * `urdf/` (bundled into the build, so the app works offline and from any folder); robots the
 * user brought carry their URDF and meshes inside the cell file.
 */
import { parseUrdf } from '../../io/urdf';
import type { RobotDescription, RobotSource } from '../../model';
import type { MeshResolver } from './robot-view';

const bundledUrdfs = import.meta.glob<string>('../../../urdf/*.urdf', { query: '?raw', import: 'default' });

/** URDF text, its description and where its meshes come from. */
export interface ResolvedRobot {
  fileName: string;
  text: string;
  description: RobotDescription;
  warnings: string[];
  meshes: MeshResolver;
}

const noMeshes: MeshResolver = { read: async () => null, urlFor: () => null };

function base64ToBytes(b64: string): ArrayBuffer {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** Meshes stored in the cell file as base64, keyed by the path the URDF writes. */
export function embeddedMeshes(meshes: Readonly<Record<string, string>>): MeshResolver {
  const urls = new Map<string, string>();
  const find = (ref: string): string | undefined => meshes[ref] ?? meshes[ref.replace(/^file:\/\//, '')];
  return {
    read: async (ref) => {
      const b64 = find(ref);
      return b64 === undefined ? null : base64ToBytes(b64);
    },
    urlFor: (ref) => {
      const b64 = find(ref);
      if (b64 === undefined) return null;
      let url = urls.get(ref);
      if (!url) {
        url = URL.createObjectURL(new Blob([base64ToBytes(b64)]));
        urls.set(ref, url);
      }
      return url;
    },
  };
}

/** The bundled URDF files' names (`ur5e.urdf`, …), for the library and for tests. */
export function bundledUrdfNames(): string[] {
  return Object.keys(bundledUrdfs).map((p) => p.replace(/^.*\//, ''));
}

/** Loads the text of a source and parses it; throws UrdfError (file and line) on bad input. */
export async function resolveRobotSource(source: RobotSource, bundledFile: (id: string) => string | null): Promise<ResolvedRobot> {
  if (source.type === 'bundled') {
    const file = bundledFile(source.id);
    const load = file ? bundledUrdfs[`../../../urdf/${file}`] : undefined;
    if (!file || !load) throw new Error(`no bundled robot "${source.id}" in this version of CellTwin`);
    const text = await load();
    const { robot, warnings } = parseUrdf(text, file);
    return { fileName: file, text, description: robot, warnings, meshes: noMeshes };
  }
  const { robot, warnings } = parseUrdf(source.urdf, source.fileName);
  return { fileName: source.fileName, text: source.urdf, description: robot, warnings, meshes: embeddedMeshes(source.meshes ?? {}) };
}
