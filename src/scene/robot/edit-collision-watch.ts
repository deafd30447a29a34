/**
 * Keeps the edit-collision store up to date: after every document change (a jog step, an IK drag
 * step, a teach, a move of a fixture), at most once per frame, the robots' links are tested at
 * their document joint values against everything else (tools/edit-collisions.ts). The body table
 * is rebuilt only when the layout changes, not when only joint values do.
 */
import { simStatusStore } from '../../bridge/sim-status';
import type { Cell } from '../../model';
import { cellStore } from '../../store/app-store';
import { setEditCollisions } from '../../tools/edit-collision-state';
import { EditScene } from '../../tools/edit-collisions';
import { cellRobotDescriptions } from './resolved-cache';


/** What the body table depends on: everything but the robots' joint values. */
function layoutKey(cell: Cell): unknown[] {
  return [cell.parts, ...cell.items.flatMap((i): unknown[] => (i.type === 'robot' ? [i.id, i.pose, i.source, i.tool?.id, i.mount] : [i]))];
}

const sameKey = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

let built: { key: unknown[]; scene: EditScene | null } | null = null;

async function sceneFor(cell: Cell): Promise<EditScene | null> {
  const key = layoutKey(cell);
  if (built && sameKey(built.key, key)) return built.scene;
  const { robots, tools } = await cellRobotDescriptions(cell);
  let scene: EditScene | null = null;
  try {
    scene = new EditScene(cell, { robots, tools });
  } catch {
    scene = null; // a cell the simulation could not load either: it says why when run
  }
  built = { key, scene };
  return scene;
}

let pending = false;
let generation = 0;

async function update(): Promise<void> {
  pending = false;
  const run = ++generation;
  if (simStatusStore.getState().phase !== 'off') return setEditCollisions([]);
  const { cell } = cellStore.getState();
  let scene: EditScene | null = null;
  try {
    scene = await sceneFor(cell);
  } catch {
    scene = null; // a robot description that cannot be read: nothing to test
  }
  if (run !== generation) return; // a newer document is on its way
  const joints = new Map(cell.items.flatMap((i) => (i.type === 'robot' && i.joints ? [[i.id, i.joints] as const] : [])));
  setEditCollisions(scene ? scene.collisions((robot) => joints.get(robot)) : []);
}

function schedule(): void {
  if (pending) return;
  pending = true;
  setTimeout(() => void update(), 16);
}

/** Starts watching the document; returns the stop function. */
export function startEditCollisionWatch(): () => void {
  const stopCell = cellStore.subscribe((s, prev) => {
    if (s.cell !== prev.cell) schedule();
  });
  const stopSim = simStatusStore.subscribe((s, prev) => {
    if ((s.phase === 'off') !== (prev.phase === 'off')) schedule();
  });
  schedule();
  return () => {
    stopCell();
    stopSim();
  };
}
