/**
 * Wiring of the two engines behind one call: `engine: "events"` (the next-event engine of
 * sim/events, the default) or `engine: "physics"` (the fixed-step Rapier loop of sim/simulation,
 * kept as the reference). Both fill the same activity log, so every KPI, export and Gantt works
 * on either; both answer the calls the CLI and the page's worker make ({@link CellEngine}).
 */
import type { Cell } from '../model/cell';
import type { ActivityLog } from '../sim/activity';
import type { BodyInfo } from '../sim/body-plan';
import type { SimulationRobots } from '../sim/cell-model';
import type { SimEvent } from '../sim/events';
import { EventSimulation, type EventsSnapshot } from '../sim/events/event-simulation';
import type { SimulationSnapshot } from '../sim/snapshot';
import type { PartCounts, ProgramStatus } from '../sim/simulation';
import { createSimulation, type CreateSimulationOptions } from './create-simulation';
import { initRapier } from './rapier';
import { rapierPhysicsFactory } from './rapier-world';

/** The engines a cell can run on. */
export type EngineKind = 'events' | 'physics';

/** What the CLI, the worker and the tests use of a running cell, on either engine. */
export interface CellEngine {
  readonly dt: number;
  readonly seed: number;
  readonly warnings: readonly string[];
  readonly time: number;
  readonly stepCount: number;
  step(n?: number): void;
  runUntil(time: number): number;
  drainEvents(): SimEvent[];
  activityLog(): ActivityLog;
  bodies(): readonly BodyInfo[];
  jointLayout(): { robot: string; joints: string[] }[];
  frameLength(): number;
  writeFrame(out: Float32Array): number;
  partCounts(): PartCounts;
  programStatus(robot: string): ProgramStatus | null;
  zoneHolder(zone: string): string | null;
  stateHash(): string;
  setJointTargets(robot: string, q: ArrayLike<number>, options?: { speed?: number }): number;
  /** The whole state as plain data (each engine's own format; restore takes it back on the same engine). */
  snapshot(): SimulationSnapshot | EventsSnapshot;
  restore(snapshot: never): void;
  free(): void;
}

/** Options of {@link createEngine}. */
export type CreateEngineOptions = CreateSimulationOptions & {
  /** Overrides `cell.simulation.engine` (default "events"); "events" or "physics". */
  engine?: string;
};

/** The engine a cell runs on: the option, else the cell's `simulation.engine`, else events. Throws RangeError for another name. */
export function engineOf(cell: Cell, option?: string): EngineKind {
  if (option !== undefined && option !== 'events' && option !== 'physics') throw new RangeError(`unknown engine "${option}": expected events or physics`);
  return option ?? cell.simulation.engine ?? 'events';
}

/** Builds a running cell on the chosen engine (see the module comment). Free it when done. */
export async function createEngine(cell: Cell, robots: SimulationRobots, options: CreateEngineOptions = {}): Promise<CellEngine & { readonly engine: EngineKind }> {
  const { engine: option, ...rest } = options;
  if (engineOf(cell, option) === 'physics') {
    const sim = await createSimulation(cell, robots, rest);
    return Object.assign(sim, { engine: 'physics' as const });
  }
  // Rapier checks the robots' moves for collisions (sim/events/collision-sweep.ts).
  return new EventSimulation(cell, robots, { ...rest, physics: rapierPhysicsFactory(await initRapier()) });
}
