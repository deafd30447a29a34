/**
 * Runs a planned sweep on whatever pool it is given — the page's web workers, or, in tests, a
 * function over the command line's runTask — and turns each result into its results row, with
 * the KPIs the sweep asks for, exactly as `celltwin sweep` does. The pool is a parameter so that
 * this module stays free of the DOM and of workers.
 */
import { pickFields, type KpiRecord } from './kpi-fields';
import { runRow, sortRows, type RunRow } from './results';
import type { SweepJob, SweepPlanInMemory } from './sweep-plan';

/** What a pool gives back for one job. */
export interface SweepJobResult {
  key: string;
  seed: number;
  stateHash: string;
  simulatedSeconds: number;
  kpis: KpiRecord;
}

/** Progress of a pool: runs done, in all, running now, failed. */
export interface SweepProgress {
  done: number;
  total: number;
  running: number;
  failed: number;
}

/** A pool: runs the jobs, reports progress and each result, stops early when `signal` aborts. */
export type SweepPool = (
  jobs: SweepJob[],
  opts: { onProgress?: (p: SweepProgress) => void; onResult?: (r: SweepJobResult) => void; signal?: AbortSignal },
) => Promise<SweepJobResult[]>;

/** Options of {@link runPlan}. */
export interface RunPlanOptions {
  onProgress?: (p: SweepProgress) => void;
  /** Each run's row as soon as it is in (finish order). */
  onRow?: (row: RunRow) => void;
  signal?: AbortSignal;
}

/**
 * Runs every run of `plan` on `pool` and returns the rows sorted by variant and seed. Results
 * whose key is not one of the plan's runs are ignored (a pool answering for a stale job).
 */
export async function runPlan(plan: SweepPlanInMemory, pool: SweepPool, opts: RunPlanOptions = {}): Promise<RunRow[]> {
  const byKey = new Map(plan.runs.map((r) => [r.key, r]));
  const rows = new Map<string, RunRow>();
  const take = (r: SweepJobResult): RunRow | null => {
    const run = byKey.get(r.key);
    if (!run) return null;
    const have = rows.get(r.key);
    if (have) return have;
    const row = runRow(run, pickFields(r.kpis, plan.sweep.kpis));
    rows.set(r.key, row);
    return row;
  };
  const results = await pool(
    plan.runs.map((r) => plan.job(r)),
    {
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      onResult: (r) => {
        const known = rows.has(r.key);
        const row = take(r);
        if (row && !known) opts.onRow?.(row);
      },
      ...(opts.signal ? { signal: opts.signal } : {}),
    },
  );
  for (const r of results) take(r);
  return sortRows([...rows.values()]);
}
