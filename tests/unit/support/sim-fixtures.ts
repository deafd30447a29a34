/**
 * Helpers for the simulation tests: read a cell fixture, load its robots from the bundled
 * library the way `celltwin run` does, build simulations and free them after each test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import { loadSimulationRobots } from '../../../src/cli/commands/run';
import type { Cell } from '../../../src/model/cell';
import { readCell } from '../../../src/model/validate';
import { createSimulation, type CreateSimulationOptions } from '../../../src/physics/create-simulation';
import { initRapier } from '../../../src/physics/rapier';
import type { Simulation } from '../../../src/sim/simulation';
import { REPO_ROOT } from '../corpus-helpers';

/** Reads and validates a cell file relative to the repository root. */
export function readCellFile(path: string): Cell {
  const result = readCell(readFileSync(join(REPO_ROOT, path), 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.cell;
}

/** A deep copy of a cell, to edit in a test without touching the fixture. */
export function cloneCell(cell: Cell): Cell {
  return structuredClone(cell);
}

/**
 * Registers Rapier's init before the file's tests and frees every simulation a test built
 * after it, as rapier.js's own tests do. Returns the builder to use in the tests.
 */
export function useSimulations(): (cell: Cell, options?: CreateSimulationOptions) => Promise<Simulation> {
  const live: Simulation[] = [];
  beforeAll(async () => {
    await initRapier();
  });
  afterEach(() => {
    for (const sim of live.splice(0)) sim.free();
  });
  return async (cell, options = {}) => {
    const sim = await createSimulation(cell, await loadSimulationRobots(cell), options);
    live.push(sim);
    return sim;
  };
}

/** Position [x, y, z] of a body, or a failure naming it. */
export function position(sim: Simulation, name: string): [number, number, number] {
  const p = sim.bodyPose(name);
  if (!p) throw new Error(`no body "${name}"`);
  return [p[0]!, p[1]!, p[2]!];
}

/**
 * The sweep fixture's UR5e swinging into the fence and back, over and over, on the events
 * engine: a collision on every swing, with the program step it happened on.
 */
export function swingingCell(): Cell {
  const cell = cloneCell(readCellFile('tests/fixtures/sim-sweep.cell.json'));
  cell.simulation = { ...cell.simulation, engine: 'events' };
  cell.programs = [
    {
      id: 'p',
      robot: 'robot-1',
      steps: [
        { type: 'moveJoints', q: [1.2, 0, 0, 0, 0, 0], speed: 0.5 },
        { type: 'moveJoints', q: [0, 0, 0, 0, 0, 0], speed: 0.5 },
      ],
    },
  ];
  return cell;
}
