/**
 * Cells and simulations for the simulation benchmarks (issues 5 and 6): the bundled default cell,
 * a stress cell generated here (20 robots, 500 parts), and simulations built the way
 * `celltwin run` builds them (bundled robots from urdf/, Rapier's deterministic build).
 */
import { readFileSync } from 'node:fs';
import { loadSimulationRobots } from '../../../src/cli/commands/run';
import type { Cell, CellItem } from '../../../src/model/cell';
import { emptyCell } from '../../../src/model/cell';
import { readCell } from '../../../src/model/validate';
import { createSimulation } from '../../../src/physics/create-simulation';
import type { Simulation } from '../../../src/sim/simulation';

/** Reads and validates a cell file given relative to the repository root. */
export function readRepoCell(path: string): Cell {
  const result = readCell(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.cell;
}

/** Builds a simulation of `cell` with its robots loaded from the bundled library. */
export async function simulate(cell: Cell): Promise<Simulation> {
  return createSimulation(cell, await loadSimulationRobots(cell));
}

const pose = (x: number, y: number, z = 0, yaw = 0) => ({ xyz: [x, y, z] as [number, number, number], rpy: [0, 0, yaw] as [number, number, number] });

/** Stations of the stress cell and parts per station: 20 × 25 = 500 parts. */
export const STRESS = { stations: 20, partsPerStation: 25 } as const;

/**
 * The stress cell: 20 stations on a 5 × 4 grid, 3 m apart. Each has a UR5e with a vacuum cup on a
 * pedestal sweeping back and forth between two poses (a loop of two joint moves, so every
 * robot is always moving), and a 2 m conveyor beside it at 0.02 m/s carrying 25 boxes of
 * 60 mm in a 5 × 5 grid: 500 dynamic parts, awake because the belts keep them moving. At that
 * speed the boxes stay on their belts for the first ~50 simulated seconds.
 */
export function stressCell(): Cell {
  const items: CellItem[] = [];
  const parts: NonNullable<Cell['parts']> = [];
  const programs: Cell['programs'] = [];
  for (let s = 0; s < STRESS.stations; s++) {
    const x = (s % 5) * 3;
    const y = Math.floor(s / 5) * 3;
    items.push({ id: `pedestal-${s}`, name: `Pedestal ${s}`, type: 'table', pose: pose(x, y), size: [0.5, 0.5, 0.75] });
    items.push({ id: `robot-${s}`, name: `Robot ${s}`, type: 'robot', pose: pose(x, y, 0.75), source: { type: 'bundled', id: 'ur5e' }, tool: { type: 'bundled', id: 'vacuum_gripper' } });
    items.push({ id: `conveyor-${s}`, name: `Conveyor ${s}`, type: 'conveyor', pose: pose(x, y + 0.9), length: 2, width: 0.5, height: 0.8, speed: 0.02 });
    for (let k = 0; k < STRESS.partsPerStation; k++) {
      const px = x - 0.9 + (k % 5) * 0.1;
      const py = y + 0.9 - 0.2 + Math.floor(k / 5) * 0.1;
      parts.push({ id: `part-${s}-${k}`, shape: { type: 'box', size: [0.06, 0.06, 0.06] }, mass: 0.2, pose: pose(px, py, 0.83) });
    }
    // Sweep the base and shoulder between two poses above the pedestal, at different speeds per
    // robot so that the robots do not move in lockstep.
    const speed = 0.3 + (s % 4) * 0.1;
    programs.push({
      id: `program-${s}`,
      robot: `robot-${s}`,
      steps: [
        { type: 'moveJoints', q: [-1.2, -1.6, 1.4, -1.4, -1.57, 0], speed },
        { type: 'moveJoints', q: [1.2, -1.2, 1.0, -1.4, -1.57, 0], speed },
      ],
    });
  }
  return { ...emptyCell('Stress: 20 robots, 500 parts'), floor: { width: 16, depth: 13 }, workersPerShift: 4, items, parts, programs };
}

/**
 * The first 8 stations of the stress cell (8 robots, 200 parts): the cell the engine heap row
 * runs for an 8 h shift (bench/cases/engine-heap.ts).
 */
export function eightRobotCell(): Cell {
  const cell = stressCell();
  const station = (id: string) => Number(/-(\d+)(-|$)/.exec(id)?.[1] ?? -1);
  return {
    ...cell,
    name: 'Stress: 8 robots, 200 parts',
    items: cell.items.filter((i) => station(i.id) < 8),
    parts: (cell.parts ?? []).filter((p) => station(p.id) < 8),
    programs: cell.programs.filter((p) => station(p.robot) < 8),
  };
}
