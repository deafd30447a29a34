/**
 * `celltwin sweep FILE.sweep.json [--workers N | --queue postgres://…] [--out results.csv|.json]`:
 * every variant × seed of a sweep (experiments/), on the local worker-thread pool by default or
 * as pg-boss jobs for `celltwin worker`s on other machines, with progress and ETA on stderr. The
 * results file gets one row per run and a summary row per variant; runs it already holds are
 * not run again, so an interrupted sweep resumes where it stopped.
 */
import { resolve } from 'node:path';
import type { RunRow } from '../../experiments/results';
import { runRow } from '../../experiments/results';
import { pickFields } from '../../experiments/kpi-fields';
import { readArgs } from '../args';
import type { Command, CommandIO } from '../command';
import { InputError } from '../errors';
import { createRunPool, defaultWorkers } from '../pool/run-pool';
import type { RunTaskResult } from '../pool/run-task';
import { planSweep, type SweepPlan } from '../sweep/plan';
import { createProgress } from '../sweep/progress';
import { readFinished, resultsFormat, resultsText, writeAtomically } from '../sweep/results-file';
import type { SweepRun } from '../../experiments/variants';

/** Runs the pending runs somewhere and reports each result as it comes. */
export interface SweepBackend {
  /** Describes where the runs go, for the first progress line. */
  readonly label: string;
  run(pending: readonly SweepRun[], plan: SweepPlan, onResult: (run: SweepRun, result: RunTaskResult) => Promise<void>): Promise<void>;
}

/** The local pool: worker threads on this machine. */
export function localBackend(workers: number): SweepBackend {
  return {
    label: `${workers} worker thread${workers === 1 ? '' : 's'}`,
    async run(pending, plan, onResult) {
      const pool = createRunPool(Math.min(workers, Math.max(1, pending.length)));
      try {
        await Promise.all(pending.map(async (r) => onResult(r, await pool.run(plan.task(r)))));
      } finally {
        await pool.close();
      }
    },
  };
}

/** Default results file: the sweep file's name with `.results.csv`. */
export function defaultOut(file: string): string {
  return file.replace(/(\.sweep)?\.json$/i, '') + '.results.csv';
}

/** Runs the sweep `file` on `backend`, writing `out`; returns the rows (all runs, sorted). */
export async function runSweep(file: string, out: string, backend: SweepBackend, io: CommandIO): Promise<RunRow[]> {
  resultsFormat(out);
  const plan = await planSweep(file, io);
  const outPath = resolve(io.cwd, out);
  const rows = await readFinished(outPath, out, plan.runs);
  const have = new Set(rows.map((r) => r.key));
  const pending = plan.runs.filter((r) => !have.has(r.key));
  const meta = { sweep: plan.sweep.name ?? file, factors: plan.factorNames, replications: plan.sweep.replications ?? 1, duration: plan.sweep.duration, warmupCycles: plan.sweep.warmupCycles ?? 2 };
  const variants = new Set(plan.runs.map((r) => r.variant.id)).size;
  io.err(`sweep ${file}: ${variants} variants × ${plan.sweep.replications ?? 1} seeds = ${plan.runs.length} runs of ${plan.sweep.duration} s; ${rows.length} already in ${out}; ${pending.length} to run on ${backend.label}`);
  const progress = createProgress(plan.runs.length, rows.length, (l) => io.err(l));
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    // One write at a time, in order: the file always holds every run finished before it.
    const snapshot = [...rows];
    writing = writing.then(() => writeAtomically(outPath, resultsText(outPath, snapshot, plan.factorNames, meta)));
    return writing;
  };
  await backend.run(pending, plan, async (run, result) => {
    rows.push(runRow(run, pickFields(result.kpis, plan.sweep.kpis)));
    progress.done();
    if (Date.now() - lastWrite > 1000) {
      lastWrite = Date.now();
      await save();
    }
  });
  await save();
  progress.finish();
  return rows;
}

/** The options of `sweep`. */
const SWEEP_OPTIONS = { workers: { type: 'string' }, out: { type: 'string' }, queue: { type: 'string' }, lease: { type: 'string' } } as const;

/** Reads `--workers`. */
export function readWorkers(value: string | undefined, option = '--workers'): number {
  if (value === undefined) return defaultWorkers();
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= 1024)) throw new InputError(option, `expected a whole number from 1 to 1024, got "${value}"`);
  return n;
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run every variant × seed of a *.sweep.json on a worker pool (or a pg-boss queue); one row per run + a summary per variant',
  usage:
    'celltwin sweep FILE.sweep.json [--workers N | --queue postgres://…] [--out results.csv|results.json]\n' +
    '  --workers  worker threads of the local pool (default: the machine\'s cores)\n' +
    '  --queue    enqueue one pg-boss job per run in this PostgreSQL database instead; `celltwin worker`\n' +
    '             processes run them; this command waits, shows progress and writes the same file\n' +
    '  --lease    with --queue: seconds a worker may take for one run before it counts as dead and the\n' +
    '             run is given to another (default 900)\n' +
    '  --out      results file, CSV or JSON by extension (default: FILE.results.csv); runs already\n' +
    '             in it are not run again (an interrupted sweep resumes)\n' +
    'Progress and ETA go to stderr.',
  async run(argv, io) {
    const { values, positionals } = readArgs('sweep', argv, SWEEP_OPTIONS);
    const file = positionals[0];
    if (file === undefined) throw new InputError('sweep', 'expected a sweep file: celltwin sweep FILE.sweep.json');
    const out = values.out ?? defaultOut(file);
    let backend: SweepBackend;
    if (values.queue !== undefined) {
      if (values.workers !== undefined) throw new InputError('--workers', 'with --queue the workers are `celltwin worker` processes; drop --workers');
      const lease = values.lease === undefined ? undefined : Number(values.lease);
      if (lease !== undefined && !(Number.isInteger(lease) && lease >= 1)) throw new InputError('--lease', `expected whole seconds ≥ 1, got "${values.lease}"`);
      const { queueBackend } = await import('../queue/sweep-queue');
      backend = queueBackend(values.queue, lease);
    } else backend = localBackend(readWorkers(values.workers));
    const rows = await runSweep(file, out, backend, io);
    io.out(`${rows.length} runs in ${out}`);
    return 0;
  },
};
