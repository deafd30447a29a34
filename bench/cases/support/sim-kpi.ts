/**
 * Issue 6 benchmark rows: a program cell run headless for a stretch of simulated time, with the
 * KPIs against without them.
 *
 * - ours: what `celltwin run` does — every state change, loop and finished part goes to the
 *   activity log as it happens, then `computeKpis` turns the log into the KPI object;
 * - reference: the same run with the activity recorder's `enter`, `cycleComplete` and
 *   `partFinished` replaced by no-ops for the run (nothing in the engine reads the log back, so
 *   the run is otherwise identical) and no `computeKpis`.
 *
 * Both sides run on the same Simulation: each call restores its snapshot at t = 0 and runs
 * `seconds` simulated seconds (20 unless the row says otherwise), draining events once per
 * simulated second as the CLI does. (Two simulations of the same cell run the same way differed
 * by ~10% in speed in an A/A test — the first one built was the slower; memory placement in
 * Rapier's heap is the likely cause — so one instance serves both sides.)
 * The ratio is the cost of KPI collection (aim ≤ 1.05×); the notes give simulated hours per
 * wall minute and the time of computeKpis alone.
 */
import { performance } from 'node:perf_hooks';
import type { Cell } from '../../../src/model/cell';
import type { ActivityRecorder } from '../../../src/sim/activity';
import { computeKpis } from '../../../src/sim/kpi';
import type { Simulation } from '../../../src/sim/simulation';
import { defineCase, type BenchCase } from '../../harness';
import { readRepoCell, simulate } from './sim-cells';

/** Simulated seconds per timed call, unless a row says otherwise. */
const DEFAULT_SECONDS = 20;

/**
 * Switches a simulation's activity recording off (true) or back on (false). The recorder is the
 * controller's (sim/program/controller.ts); the bench reaches in because the engine has no switch
 * for it, and a switch only a benchmark uses would be dead weight. Own no-op methods shadow the
 * prototype's; deleting them brings the real ones back.
 */
function silence(sim: Simulation, off: boolean): void {
  const recorder = (sim as unknown as { controller: { recorder: ActivityRecorder } }).controller.recorder as ActivityRecorder & Record<string, unknown>;
  for (const method of ['enter', 'cycleComplete', 'partFinished']) {
    if (off) recorder[method] = () => {};
    else delete recorder[method];
  }
}

/** Runs `sim` from its start snapshot for `seconds` simulated seconds. */
function runFromStart(sim: Simulation, start: ReturnType<Simulation['snapshot']>, seconds: number): number {
  sim.restore(start);
  let events = 0;
  for (let t = 1; t <= seconds; t++) {
    sim.runUntil(t);
    events += sim.drainEvents().length;
  }
  return events;
}

/** Options of a KPI-cost row. */
export interface KpiRunOptions {
  name: string;
  /** The cell file, relative to the repository root. */
  path: string;
  /** Simulated seconds per call (`celltwin run --until`); default 20. */
  seconds?: number;
  rounds?: number;
  warmupRounds?: number;
}

/** A KPI-cost row for the cell file at `options.path`. */
export function kpiRunCase(options: KpiRunOptions): BenchCase {
  const free: Array<() => void> = [];
  const seconds = options.seconds ?? DEFAULT_SECONDS;
  let parts = 0;
  return defineCase({
    name: options.name,
    ours: `${seconds} s simulated of ${options.path} with the activity log, then computeKpis (what celltwin run does)`,
    reference: `the same run with the activity recorder switched off (no-op enter/cycleComplete/partFinished), no computeKpis`,
    rounds: options.rounds ?? 15,
    ...(options.warmupRounds === undefined ? {} : { warmupRounds: options.warmupRounds }),
    async setup() {
      const cell: Cell = readRepoCell(options.path);
      const sim = await simulate(cell);
      free.push(() => sim.free());
      const start = sim.snapshot();
      // One untimed run to check the row measures a working cell: parts must come out.
      runFromStart(sim, start, seconds);
      const kpis = computeKpis(sim.activityLog(), cell);
      parts = kpis.partsFinished;
      if (parts === 0) throw new Error(`${options.path}: no part finished in ${seconds} s; the row would time an idle cell`);
      // computeKpis alone, for the notes: the part of the KPI cost that is not the recording.
      const log = sim.activityLog();
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) computeKpis(log, cell);
      const kpiMs = (performance.now() - t0) / 100;
      return {
        ours: () => {
          runFromStart(sim, start, seconds);
          return computeKpis(sim.activityLog(), cell).throughputUph;
        },
        reference: () => {
          silence(sim, true);
          try {
            return runFromStart(sim, start, seconds);
          } finally {
            silence(sim, false);
          }
        },
        metrics: { simulatedSeconds: seconds, partsFinished: parts, cellCycleTime: kpis.cellCycleTime ?? -1, logIntervals: log.intervals.length, computeKpisMs: kpiMs },
      };
    },
    teardown() {
      for (const f of free.splice(0)) f();
    },
    notes(row) {
      const hoursPerMinute = (seconds / 3600) / (row.ours_ms / 60_000);
      const m = row.metrics ?? {};
      return `${hoursPerMinute.toFixed(2)} simulated h per wall minute with KPIs; computeKpis ${(m['computeKpisMs'] ?? NaN).toFixed(3)} ms on ${m['logIntervals'] ?? '?'} intervals; ${m['partsFinished'] ?? '?'} parts in ${seconds} s`;
    },
  });
}
