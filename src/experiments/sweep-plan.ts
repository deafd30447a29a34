/**
 * A sweep planned against a cell already in memory (the page's document, or a cell a test has
 * read): the variants designed, each variant's cell built and checked, the KPI names checked
 * against what the runs give, and every run (variant × seed) listed with its job. It is the same
 * code path as the command line's planner (src/cli/sweep/plan.ts) minus the file reading, so a
 * sweep gives the same variants, keys and jobs in the page as in `celltwin sweep`.
 */
import type { Cell } from '../model/cell';
import { kpiFieldNames, unknownFields } from './kpi-fields';
import type { SweepFile } from './sweep-schema';
import { SweepError, designVariants, factorName, sweepRuns, variantCell, type SweepRun, type Variant } from './variants';

/** What one run needs, as plain data that can be posted to a worker (the page pool's job). */
export interface SweepJob {
  /** A checked cell document (not modified; the same object may appear in many jobs). */
  cell: Cell;
  /** Random seed of this run. */
  seed: number;
  /** Simulated seconds to run. */
  until: number;
  /** Robot loops and finished parts left out of the KPIs at the start. */
  warmupCycles: number;
  /** `events` or `physics`; absent: the cell's `simulation.engine`, else events. */
  engine?: string;
  /** The run's key (`<variant id>-s<seed>`, or `seed 7` for a replication); errors name it. */
  key: string;
}

/** A sweep ready to run. */
export interface SweepPlanInMemory {
  sweep: SweepFile;
  factorNames: string[];
  variants: Variant[];
  /** Each variant's checked cell, by variant id. */
  cells: Map<string, Cell>;
  runs: SweepRun[];
  /** The KPI names a run of any variant gives (for choosing what to plot). */
  kpiNames: string[];
  /** The job of a run. */
  job(run: SweepRun): SweepJob;
}

/**
 * Plans `sweep` on `base` (its own `base` field is not read). Throws SweepError naming the place
 * in the sweep at fault: a factor whose path does not resolve, a variant that is not a valid
 * cell, a KPI name no run gives.
 */
export function planSweepOn(sweep: SweepFile, base: Cell): SweepPlanInMemory {
  const variants = designVariants(sweep);
  const cells = new Map(variants.map((v) => [v.id, variantCell(base, sweep, v)]));
  const kpiNames = [...new Set([...cells.values()].flatMap(kpiFieldNames))];
  const unknown = unknownFields(sweep.kpis ?? [], kpiNames);
  if (unknown.length > 0) {
    const u = unknown[0]!;
    throw new SweepError(`kpis[${u.index}]`, `no figure "${u.name}" in a run of this cell (figures: ${kpiNames.join(', ')}; a name ending in * picks a group)`);
  }
  return {
    sweep,
    factorNames: sweep.factors.map(factorName),
    variants,
    cells,
    runs: sweepRuns(sweep, variants),
    kpiNames,
    job: (run) => ({
      cell: cells.get(run.variant.id)!,
      seed: run.seed,
      until: sweep.duration,
      warmupCycles: sweep.warmupCycles ?? 2,
      ...(sweep.engine === undefined ? {} : { engine: sweep.engine }),
      key: run.key,
    }),
  };
}

/** The metadata the results JSON starts with, as `celltwin sweep --out x.json` writes it. */
export function resultsMeta(sweep: SweepFile, fallbackName: string): Record<string, unknown> {
  return {
    sweep: sweep.name ?? fallbackName,
    factors: sweep.factors.map(factorName),
    replications: sweep.replications ?? 1,
    duration: sweep.duration,
    warmupCycles: sweep.warmupCycles ?? 2,
  };
}
