/**
 * Robots the user brings: a `.urdf`/`.xacro` file, a `.zip` of a ROS package, or a whole folder
 * dropped onto the page. `package://NAME/…` resolves inside what was dropped. The robot is
 * stored in the cell (URDF text plus its meshes, base64) so the cell file is self-contained.
 */
import { loadRobotFile, loadRobotZip, memoryRobotFiles, robotFileCandidates, UrdfError, type LoadedRobot, type RobotFiles } from '../io/urdf';
import { sampleReach } from '../kinematics/reach';
import { startPose } from '../kinematics/start-pose';
import { activeJoints, flangeLink, type Cell, type RobotDescription, type RobotItem, type RobotSource } from '../model';
import { collisionStandIn } from '../scene/robot/placeholder';
import { floorPointAt } from '../scene/scene-handles';
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

/**
 * The floor point a little below the middle of the 3D view, snapped to 50 mm (null without a
 * view): near the centre, but on the viewer's side, where the cell's equipment hides it least.
 */
function viewCentreOnFloor(): [number, number] | null {
  const canvas = document.querySelector('.viewport canvas');
  if (!canvas) return null;
  const r = canvas.getBoundingClientRect();
  const p = floorPointAt(r.left + r.width / 2, r.top + r.height * 0.62);
  if (!p || !p.every(Number.isFinite)) return null;
  const snap = (v: number) => Math.round(v / 0.05) * 0.05;
  return [snap(p[0]), snap(p[1])];
}

/**
 * Horizontal reach of the flange from the base axis over joint vectors sampled within the
 * limits (seeded, so the same file gives the same figure): the reach disc the layout checks use.
 * Null when the tree has no chain to sample.
 */
export function sampledReach(robot: RobotDescription, flange: string): number | null {
  try {
    const reach = sampleReach(robot, robot.root, flange, { samples: 3000, seed: 11 }).maxHorizontalRadius;
    return reach > 0.01 ? Math.round(reach * 1000) / 1000 : null;
  } catch {
    return null;
  }
}

/** The robot item for an imported robot: at a valid start pose, with its sampled reach. */
export function importedRobotItem(cell: Cell, loaded: LoadedRobot, fileName: string, meshes: Record<string, string>): RobotItem {
  const source: RobotSource = { type: 'embedded', fileName, urdf: loaded.urdf, meshes };
  const reach = sampledReach(loaded.robot, flangeLink(source, loaded.robot));
  if (reach !== null) source.reach = reach;
  return {
    id: nextItemId(cell, 'robot'),
    name: loaded.robot.name || fileName,
    type: 'robot',
    pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] },
    source,
    tool: null,
    // Zero is not inside every joint's range (Jaco2's joint 2: [0.82, 5.46] rad).
    joints: startPose(activeJoints(loaded.robot)),
  };
}

/** What the user reads after an import: one summary line, details behind a toggle. */
export function importReport(loaded: LoadedRobot, skipped: boolean): { summary: string | null; details: string[] } {
  const missing = loaded.meshes.missing;
  const meshWarnings = new Set(loaded.meshes.warnings);
  const other = loaded.warnings.filter((w) => !meshWarnings.has(w));
  const details: string[] = [...other];
  const parts: string[] = [];
  if (missing.length > 0) {
    const visualMissing = missing.filter((m) => m.usedBy.some((u) => u.kind === 'visual'));
    const found = new Set(loaded.meshes.meshes.filter((m) => !m.missing).map((m) => m.filename));
    const byCollision = visualMissing.filter((m) => collisionStandIn(loaded.robot, m.filename, found));
    const total = loaded.meshes.meshes.length;
    const shown =
      byCollision.length === missing.length
        ? "each drawn with its link's collision mesh"
        : byCollision.length > 0
          ? `${byCollision.length} drawn with the link's collision mesh, the rest as grey boxes`
          : 'grey boxes stand in';
    parts.push(`${missing.length} of ${total} mesh files are missing (${shown}). Drop the robot's package folder, or a .zip of it, to bring them in.`);
    for (const m of missing) {
      const links = [...new Set(m.usedBy.map((u) => u.link))];
      details.push(`${m.filename} — ${links.length === 1 ? 'link' : 'links'} ${links.join(', ')}`);
    }
  }
  if (skipped) parts.push(`The meshes exceed ${MAX_EMBEDDED_BYTES / 2 ** 20} MB and are not stored in the cell; grey boxes stand in.`);
  if (other.length > 0 && parts.length === 0) parts.push(`${other.length} note(s) about the file.`);
  return { summary: parts.length > 0 ? parts.join(' ') : null, details };
}

/** Imports a dropped robot into the cell; any problem is shown and the cell stays as it was. */
export async function importDroppedRobot(dropped: readonly DroppedFile[]): Promise<boolean> {
  try {
    const { loaded, files, name } = await loadDroppedRobot(dropped);
    const { meshes, skipped } = await embedMeshes(loaded, files);
    const { cell } = cellStore.getState();
    const robot = importedRobotItem(cell, loaded, name, meshes);
    // A free spot near the middle of the view, 300 mm clear of other footprints, so it is seen at once.
    const placed = placeInFreeSpot(cell, robot, 0.3, viewCentreOnFloor() ?? [0, 0]);
    if (!edit(addItem(placed))) return false;
    const { summary, details } = importReport(loaded, skipped);
    const title = `Added ${robot.name} from ${name}`;
    if (summary === null) notify('info', title);
    else notify('warning', title, details, { summary });
    return true;
  } catch (e) {
    const message = e instanceof UrdfError ? e.toString() : e instanceof Error ? e.message : String(e);
    notify('error', 'Could not import the robot: the cell is unchanged', [message]);
    return false;
  }
}

/** The files a file picker gave (a folder pick keeps each file's path inside the folder). */
export function pickedFiles(list: FileList | null): DroppedFile[] {
  return Array.from(list ?? []).map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
