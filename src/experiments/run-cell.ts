/**
 * The one run of a cell, with no platform in it: a checked cell and its already-loaded robot
 * descriptions in, the run's facts and KPIs (and, on request, its timeline) out. No `node:`
 * import and no DOM, so the same function runs in the CLI (src/cli/simulate.ts loads the robots
 * from files and calls it), in the local pool's worker threads, on queue workers and in the
 * page's pool of web workers (workers/run.worker.ts). One function, so a cell and seed give the
 * same figures everywhere; {@link runRecordOf} turns a run into the row every pool returns.
 *
 * Engine-agnostic: the simulation is built by {@link buildSimulation} and read only through what
 * every engine provides (runUntil, drainEvents, activityLog, programStatus, zoneHolder, counts,
 * state hash).
 */
import type { Cell } from '../model/cell';
import { createEngine } from '../physics/create-engine';
import type { CreateSimulationOptions } from '../physics/create-simulation';
import type { SimulationRobots } from '../sim/cell-model';
import type { CollisionEvent, SimEvent } from '../sim/events';
import { cellStallLocator, computeKpis, roundDeep, type CellKpis } from '../sim/kpi';
import { withPlantDensity } from '../sim/kpi/plant-density';
import type { CollisionWithSteps } from '../sim/kpi/collision-steps';
import { timelineFile, type TimelineFile } from '../sim/kpi/timeline-file';
import { PartRouteRecorder } from '../sim/part-routes';
import type { PartCounts } from '../sim/simulation';
import { kpiRecord, type KpiRecord } from './kpi-fields';

/** What the simulation itself reports about a run (besides the KPIs). Times in seconds, rounded to µs. */
export interface RunFacts {
  cell: string;
  seed: number;
  dt: number;
  simulatedSeconds: number;
  steps: number;
  /** Collisions (robot link against anything, see sim/collision-filter.ts) that started. */
  collisionCount: number;
  /** The first collisions, at most 20. */
  collisions: CollisionWithSteps[];
  parts: PartCounts;
  /** Parts each conveyor sensor saw. */
  sensors: { conveyor: string; count: number }[];
  /** Programs that stopped on a step they could not carry out (the robot then stands idle). */
  faults: { time: number; robot: string; step: string; message: string }[];
  picks: number;
  missedPicks: number;
  releases: number;
  warnings: string[];
  /** FNV-1a fingerprint of the final state (sim/state-hash.ts). */
  stateHash: string;
}

/** A simulated cell: its facts and its KPIs at full precision. */
export interface CellRun {
  facts: RunFacts;
  kpis: CellKpis;
}

/** A run: its facts and KPIs, and its timeline when asked for. */
export interface SimulatedRun extends CellRun {
  timeline?: TimelineFile;
}

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

/** A cell's robot and tool descriptions, loaded by the caller, and what loading them warned about. */
export type LoadedRobots = SimulationRobots & { warnings?: readonly string[] };

/** The row of one run that every pool returns: its seed, state hash, length and KPI figures (rounded to 1e-6). */
export interface RunRecord {
  seed: number;
  stateHash: string;
  simulatedSeconds: number;
  kpis: KpiRecord;
}

/** Collisions listed in the facts; the count covers them all. */
const LISTED_COLLISIONS = 20;

/** Seconds rounded to the microsecond, so the output reads well and stays byte-stable. */
const sec = (t: number): number => Math.round(t * 1e6) / 1e6;

/**
 * Builds the simulation of `cell` — the single place an engine is chosen. `engine` travels in the
 * options bag so that an engine factory that knows it can act on it.
 */
export async function buildSimulation(cell: Cell, loaded: SimulationRobots, options: { seed?: number; engine?: string }) {
  const opts: CreateSimulationOptions & { engine?: string } = {};
  if (options.seed !== undefined) opts.seed = options.seed;
  if (options.engine !== undefined) opts.engine = options.engine;
  return createEngine(cell, loaded, opts);
}

/**
 * Simulates a checked `cell` with its loaded robots (see the module comment). Throws
 * CellContentError (sim/errors.ts) for content the simulation cannot run (a target out of reach…);
 * callers add the file or job name.
 */
export async function runCell(cell: Cell, loaded: LoadedRobots, options: SimulateOptions): Promise<SimulatedRun> {
  const sim = await buildSimulation(cell, loaded, options);
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
      collisions: kpis.collisions.slice(0, LISTED_COLLISIONS).map((c) => ({ ...c, time: sec(c.time) })),
      parts: sim.partCounts(),
      sensors: [...sensors].map(([conveyor, count]) => ({ conveyor, count })),
      faults,
      picks: counts.get('pick') ?? 0,
      missedPicks: counts.get('pick-missed') ?? 0,
      releases: counts.get('release') ?? 0,
      warnings: [...(loaded.warnings ?? []), ...sim.warnings],
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

/** The row of a run (see {@link RunRecord}): the same for the CLI's pool, a queue worker and the page's pool. */
export function runRecordOf(run: CellRun): RunRecord {
  return {
    seed: run.facts.seed,
    stateHash: run.facts.stateHash,
    simulatedSeconds: run.facts.simulatedSeconds,
    kpis: roundDeep(kpiRecord(run.kpis, run.facts.collisionCount)),
  };
}
