/**
 * The cell of issue 7's frame-time row: 50 bundled robots (the six of urdf/library.json in turn)
 * on a 10 × 5 grid, 2.4 m apart, and 200 box parts lying on the floor in 50 clusters of four, one
 * cluster in the middle of each gap between four robots (1.7 m from every robot, beyond the
 * 1.3 m reach of the largest, so no part is ever touched and the run leaves them where they lie).
 *
 * The same description drives both pages: the app gets it as a cell (in a share link), the bare
 * three.js page gets {@link scaleSceneSpec}, made from the very same cell.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cell, CellItem } from '../../../src/model/cell';
import { emptyCell } from '../../../src/model/cell';
import { parseUrdf } from '../../../src/io/urdf/parse-urdf';
import { activeJoints } from '../../../src/model/robot-description';
import { libraryFileFor, libraryRobots } from '../../../src/model/robot-library';

const URDF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../urdf');

/** How many robots and parts, and how they are laid out. */
export const SCALE = { robots: 50, columns: 10, spacing: 2.4, partsPerCluster: 4 } as const;

/**
 * Joint values per robot model: a pose a planner would leave a robot in (UR arms folded up as in
 * the default cell; the others at their zero, upper arm up and forearm forward), so the scene
 * does not depend on how each maker defines zero.
 */
const HOME: Record<string, number[]> = {
  ur5e: [0, -1.9, 1.9, -1.57, -1.57, 0],
  ur10e: [0, -1.9, 1.9, -1.57, -1.57, 0],
};

/** What the bare three.js page needs to draw the same scene (cell coordinates, Z up). */
export interface ScaleSceneSpec {
  /** URDF text by bundled robot id. */
  urdfs: Record<string, string>;
  /** Joint values by joint name (the cell lists them in tree order; the page needs names). */
  robots: Array<{ id: string; robot: string; xyz: [number, number, number]; rpy: [number, number, number]; joints: Record<string, number> }>;
  parts: Array<{ size: [number, number, number]; xyz: [number, number, number]; rpy: [number, number, number] }>;
}

/** The 50-robot, 200-part cell (see the module comment). */
export function scaleCell(): Cell {
  const ids = libraryRobots().map((r) => r.id);
  const rows = SCALE.robots / SCALE.columns;
  const items: CellItem[] = [];
  const parts: NonNullable<Cell['parts']> = [];
  for (let k = 0; k < SCALE.robots; k++) {
    const col = k % SCALE.columns;
    const row = Math.floor(k / SCALE.columns);
    const x = (col - (SCALE.columns - 1) / 2) * SCALE.spacing;
    const y = (row - (rows - 1) / 2) * SCALE.spacing;
    const robot = ids[k % ids.length]!;
    // Base turned per robot so the arms do not all point the same way (joint 1 stays in HOME).
    const yaw = ((k % 8) - 3.5) * 0.35;
    items.push({
      id: `robot-${k + 1}`,
      name: `Robot ${k + 1}`,
      type: 'robot',
      pose: { xyz: [x, y, 0], rpy: [0, 0, yaw] },
      source: { type: 'bundled', id: robot },
      tool: null,
      joints: HOME[robot] ?? [0, 0, 0, 0, 0, 0],
    });
    // Four boxes of three sizes in the gap diagonally beside the robot.
    for (let p = 0; p < SCALE.partsPerCluster; p++) {
      const edge = [0.12, 0.16, 0.2][(k + p) % 3]!;
      const px = x + SCALE.spacing / 2 + (p % 2 === 0 ? -0.18 : 0.18);
      const py = y + SCALE.spacing / 2 + (p < 2 ? -0.18 : 0.18);
      parts.push({
        id: `part-${k * SCALE.partsPerCluster + p + 1}`,
        shape: { type: 'box', size: [edge, edge, edge] },
        mass: 0.5,
        pose: { xyz: [px, py, edge / 2], rpy: [0, 0, 0.3 * p] },
      });
    }
  }
  const width = SCALE.columns * SCALE.spacing + 2;
  const depth = rows * SCALE.spacing + 2;
  return { ...emptyCell('Frame-time bench: 50 robots, 200 parts'), floor: { width, depth }, workersPerShift: 10, items, parts };
}

/** The same scene for the bare three.js page: URDF texts, robot poses and joints, part boxes. */
export function scaleSceneSpec(cell: Cell): ScaleSceneSpec {
  const urdfs: Record<string, string> = {};
  const jointNames = new Map<string, string[]>();
  const robots: ScaleSceneSpec['robots'] = [];
  for (const item of cell.items) {
    if (item.type !== 'robot' || item.source.type !== 'bundled') continue;
    const id = item.source.id;
    let names = jointNames.get(id);
    if (!names) {
      const file = libraryFileFor(id);
      if (file === null) throw new Error(`no bundled robot ${id}`);
      const text = readFileSync(path.join(URDF_DIR, file), 'utf8');
      urdfs[id] = text;
      names = activeJoints(parseUrdf(text, file).robot).map((j) => j.name);
      jointNames.set(id, names);
    }
    const q = item.joints ?? [];
    const joints = Object.fromEntries(names.map((name, i) => [name, q[i] ?? 0]));
    robots.push({ id: item.id, robot: id, xyz: item.pose.xyz, rpy: item.pose.rpy, joints });
  }
  const parts = (cell.parts ?? []).map((p) => {
    if (p.shape.type !== 'box') throw new Error(`${p.id}: the bench draws boxes only`);
    return { size: p.shape.size, xyz: p.pose.xyz, rpy: p.pose.rpy };
  });
  return { urdfs, robots, parts };
}
