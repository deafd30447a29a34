/**
 * The one run path of the command line: a checked cell in, its facts, KPIs and (on request)
 * timeline out. `celltwin run`, `compare`, replications and sweeps (in worker threads and on
 * queue workers) all go through {@link simulateCell}, so a variant and seed give the same numbers
 * wherever they run.
 *
 * Engine-agnostic: the simulation is built by {@link buildSimulation} and read only through what
 * every engine provides (runUntil, drainEvents, activityLog, programStatus, zoneHolder, counts,
 * state hash). `engine` (the CLI's `--engine` or the cell's own choice) is passed through to the
 * builder, which is where an engine is picked.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Cell } from '../model/cell';
import { formatProblem, readCell } from '../model/validate';
import { createEngine } from '../physics/create-engine';
import type { CreateSimulationOptions } from '../physics/create-simulation';
import { CellContentError } from '../sim/errors';
import type { CollisionEvent, SimEvent } from '../sim/events';
import { cellStallLocator, computeKpis } from '../sim/kpi';
import { withPlantDensity } from '../sim/kpi/plant-density';
import { timelineFile, type TimelineFile } from '../sim/kpi/timeline-file';
import { PartRouteRecorder } from '../sim/part-routes';
import type { CellRun, RunFacts } from './commands/run';
import { loadSimulationRobots } from './commands/run';
import type { CommandIO } from './command';
import { InputError } from './errors';

/** How to run a cell. */
export interface SimulateOptions {
  /** Simulated seconds (default: the cell's simulation.duration). */
  until?: number;
  /** Random seed (default: the cell's simulation.seed). */
  seed?: number;
  /** Robot loops and finished parts left out at the start. */
  warmupCycles: number;
  /** `events` or `physics`; passed to the builder as given (default: the engine's own default). */
  engine?: string;
  /** Also record the timeline (intervals, zones, part routes). */
  timeline?: boolean;
}

/** A run: its facts and KPIs, and its timeline when asked for. */
export interface SimulatedRun extends CellRun {
  timeline?: TimelineFile;
}

/** Reads the text of the file `file` (relative to `io.cwd`); an unreadable file is an InputError naming it. */
export async function readCellFileText(file: string, io: CommandIO): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Reads and checks the cell file `file` (relative to `io.cwd`), keeping its text; prints each
 * problem with its line and returns exit code 2 when the file is not a valid cell.
 */
export async function readCheckedCellText(file: string, io: CommandIO): Promise<{ cell: Cell; text: string } | number> {
  const text = await readCellFileText(file, io);
  const read = readCell(text);
  if (!read.ok) {
    for (const p of read.problems) io.err(`error: ${file}${p.line !== undefined ? `:${p.line}` : ''}: ${formatProblem(p)}`);
    return 2;
  }
  return { cell: read.cell, text };
}

/** {@link readCheckedCellText} without the text. */
export async function readCheckedCell(file: string, io: CommandIO): Promise<Cell | number> {
  const read = await readCheckedCellText(file, io);
  return typeof read === 'number' ? read : read.cell;
}

/** Collisions listed in the output; the count covers them all. */
const LISTED_COLLISIONS = 20;

/** Seconds rounded to the microsecond, so the output reads well and stays byte-stable. */
const sec = (t: number): number => Math.round(t * 1e6) / 1e6;

/**
 * Builds the simulation of `cell` — the single place an engine is chosen. `engine` travels in the
 * options bag so that an engine factory that knows it can act on it.
 */
export async function buildSimulation(cell: Cell, loaded: Awaited<ReturnType<typeof loadSimulationRobots>>, options: { seed?: number; engine?: string }) {
  const opts: CreateSimulationOptions & { engine?: string } = {};
  if (options.seed !== undefined) opts.seed = options.seed;
  if (options.engine !== undefined) opts.engine = options.engine;
  return createEngine(cell, loaded, opts);
}

/**
 * Simulates a checked `cell` (see the module comment). `file` names the cell in messages. Throws
 * InputError for content the simulation cannot run (a target out of reach…).
 */
export async function simulateCell(cell: Cell, file: string, options: SimulateOptions): Promise<SimulatedRun> {
  const loaded = await loadSimulationRobots(cell);
  let sim;
  try {
    sim = await buildSimulation(cell, loaded, options);
  } catch (e) {
    if (e instanceof CellContentError) throw new InputError(file, e.message);
    throw e;
  }
  try {
    const counts = new Map<string, number>();
    const collisions: CollisionEvent[] = [];
    const sensors = new Map<string, number>();
    const faults: RunFacts['faults'] = [];
    const routes = options.timeline ? new PartRouteRecorder() : null;
    const tally = (events: SimEvent[]) => {
      for (const e of events) {
        counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
        if (e.type === 'collision') collisions.push(e);
        if (e.type === 'sensor') sensors.set(e.sensor, (sensors.get(e.sensor) ?? 0) + 1);
        if (e.type === 'program-fault') faults.push({ time: sec(e.time), robot: e.robot, step: e.step, message: e.message });
        routes?.observe(e);
      }
    };
    const end = options.until ?? cell.simulation.duration;
    // Drain once per simulated second so a long run keeps little in memory.
    for (let t = Math.min(1, end); ; t = Math.min(t + 1, end)) {
      sim.runUntil(t);
      tally(sim.drainEvents());
      if (t >= end) break;
    }
    const log = sim.activityLog();
    const running = sim;
    const kpis = computeKpis(log, cell, {
      warmupCycles: options.warmupCycles,
      collisions: collisions.map((c) => ({ time: c.time, a: c.a, b: c.b })),
      stallWhere: cellStallLocator(cell, (robot) => running.programStatus(robot)?.step ?? null, (zone) => running.zoneHolder(zone)),
    });
    const facts: RunFacts = {
      cell: cell.name,
      seed: sim.seed,
      dt: sim.dt,
      simulatedSeconds: sec(sim.time),
      steps: sim.stepCount,
      collisionCount: collisions.length,
      collisions: collisions.slice(0, LISTED_COLLISIONS).map((c) => ({ time: sec(c.time), a: c.a, b: c.b })),
      parts: sim.partCounts(),
      sensors: [...sensors].map(([conveyor, count]) => ({ conveyor, count })),
      faults,
      picks: counts.get('pick') ?? 0,
      missedPicks: counts.get('pick-missed') ?? 0,
      releases: counts.get('release') ?? 0,
      warnings: [...loaded.warnings, ...sim.warnings],
      stateHash: sim.stateHash(),
    };
    // plantDensity after density when the file has a plant section.
    const run: SimulatedRun = { facts, kpis: withPlantDensity(kpis, cell) };
    if (routes) run.timeline = timelineFile(log, routes.routes());
    return run;
  } finally {
    sim.free();
  }
}
