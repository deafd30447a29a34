/**
 * Shared by the sweep benchmark rows (issue 15): a fixed set of runs — the sweep fixture's 8
 * variants (tests/fixtures/small.sweep.json) with one seed, BENCH_RUN_SECONDS simulated seconds
 * each — and how to time them. Runs per minute are in the notes. The runs are a simulated hour
 * each, the variant length a planner compares: on the events engine a 600 s run takes a quarter
 * of a second, so a queue's fixed cost per sweep (opening pg-boss, polling the results table
 * every 200 ms) would be measured instead of its cost per run.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { RunTask } from '../../../src/cli/pool/run-task';
import type { SweepRun } from '../../../src/experiments/variants';
import { planSweep, type SweepPlan } from '../../../src/cli/sweep/plan';

/** Simulated seconds per run. */
export const BENCH_RUN_SECONDS = 3600;

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The plan of the benchmark sweep and its runs (one seed per variant). */
export async function benchPlan(): Promise<{ plan: SweepPlan; runs: SweepRun[]; tasks: RunTask[] }> {
  const plan = await planSweep('tests/fixtures/small.sweep.json', { out: () => undefined, err: () => undefined, cwd: ROOT });
  const runs = plan.runs.filter((r) => r.seed === (plan.sweep.seed ?? 1));
  const tasks = runs.map((r) => ({ ...plan.task(r), until: BENCH_RUN_SECONDS }));
  return { plan: { ...plan, task: (r) => ({ ...plan.task(r), until: BENCH_RUN_SECONDS }) }, runs, tasks };
}

/** Runs per minute for `units` runs taking `ms` each (per-unit time). */
export const runsPerMinute = (msPerRun: number): number => 60_000 / msPerRun;
