/**
 * Robots the user brings: a `.urdf`/`.xacro` file, a `.zip` of a ROS package, or a whole folder
 * dropped onto the page. `package://NAME/…` resolves inside what was dropped. The robot is
 * stored in the cell (URDF text plus its meshes, base64) so the cell file is self-contained.
 */
import { loadRobotFile, loadRobotZip, memoryRobotFiles, robotFileCandidates, UrdfError, type LoadedRobot, type RobotFiles } from '../io/urdf';
import type { RobotItem } from '../model';
import { cellStore } from '../store/app-store';
import { addItem, nextItemId } from '../store/commands';
import { placeInFreeSpot } from '../tools/placement';
import { edit } from './edit';
import { notify } from './notices';

/** One mesh file larger than this is refused: it would freeze the tab, and no robot needs it. */
export const MAX_MESH_BYTES = 200 * 1024 * 1024;
/** Meshes embedded in a cell file, in total; past it the robot loads but its meshes are not kept. */
export const MAX_EMBEDDED_BYTES = 64 * 1024 * 1024;

/** A file from a drop, with its path inside the dropped folder (or just its name). */
export interface DroppedFile {
  path: string;
  file: File;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

async function readAll(files: readonly DroppedFile[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const { path, file } of files) {
    if (file.size > MAX_MESH_BYTES) throw new UrdfError(path, `the file is ${(file.size / 2 ** 20).toFixed(0)} MB; CellTwin reads files up to ${MAX_MESH_BYTES / 2 ** 20} MB`);
    out.set(path, new Uint8Array(await file.arrayBuffer()));
  }
  return out;
}

/** Loads the robot among the dropped files: a zip, or the best URDF/xacro among loose files. */
export async function loadDroppedRobot(dropped: readonly DroppedFile[]): Promise<{ loaded: LoadedRobot; files: RobotFiles; name: string }> {
  const zip = dropped.find((d) => /\.zip$/i.test(d.path));
  if (zip) {
    const [bytes] = (await readAll([zip])).values();
    const loaded = await loadRobotZip(bytes ?? new Uint8Array(), zip.file.name);
    return { loaded, files: loaded.files, name: zip.file.name };
  }
  const files = memoryRobotFiles(await readAll(dropped));
  const entry = robotFileCandidates(files.list?.() ?? [])[0];
  if (!entry) throw new UrdfError(dropped[0]?.path ?? 'drop', 'no .urdf or .xacro file among the dropped files');
  const loaded = await loadRobotFile(entry, files, { displayName: entry.replace(/^\//, '') });
  return { loaded, files, name: entry.replace(/^.*\//, '') };
}

/** The meshes the robot uses that were found, keyed as the URDF writes them, in base64. */
async function embedMeshes(loaded: LoadedRobot, files: RobotFiles): Promise<{ meshes: Record<string, string>; skipped: boolean }> {
  const found = loaded.meshes.meshes.filter((m) => !m.missing && m.path !== null);
  const meshes: Record<string, string> = {};
  let total = 0;
  for (const m of found) {
    const bytes = await files.readBytes(m.path as string);
    total += bytes.length;
    if (total > MAX_EMBEDDED_BYTES) return { meshes: {}, skipped: true };
    meshes[m.filename] = bytesToBase64(bytes);
  }
  return { meshes, skipped: false };
}

/** Imports a dropped robot into the cell; any problem is shown and the cell stays as it was. */
export async function importDroppedRobot(dropped: readonly DroppedFile[]): Promise<boolean> {
  try {
    const { loaded, files, name } = await loadDroppedRobot(dropped);
    const { meshes, skipped } = await embedMeshes(loaded, files);
    const { cell } = cellStore.getState();
    const robot: RobotItem = {
      id: nextItemId(cell, 'robot'),
      name: loaded.robot.name || name,
      type: 'robot',
      pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] },
      source: { type: 'embedded', fileName: name, urdf: loaded.urdf, meshes },
      tool: null,
    };
    if (!edit(addItem(placeInFreeSpot(cell, robot)))) return false;
    const warnings = [...loaded.warnings, ...(skipped ? [`meshes exceed ${MAX_EMBEDDED_BYTES / 2 ** 20} MB and are not stored in the cell; grey boxes stand in`] : [])];
    notify(warnings.length ? 'error' : 'info', `Added ${robot.name} from ${name}${warnings.length ? ` with ${warnings.length} warning(s)` : ''}`, warnings);
    return true;
  } catch (e) {
    const message = e instanceof UrdfError ? e.toString() : e instanceof Error ? e.message : String(e);
    notify('error', 'Could not import the robot: the cell is unchanged', [message]);
    return false;
  }
}
