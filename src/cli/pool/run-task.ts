/**
 * One simulation run as a task that can travel: to a worker thread of the local pool, or as a
 * pg-boss job to a worker on another machine. Plain, structured-clone-safe data both ways.
 * Every way of running a task goes through {@link runTask}, so a variant and seed give the
 * same row in this process, in a worker thread and on a queue worker.
 */
import type { Cell } from '../../model/cell';
import { runRecordOf, type RunRecord } from '../../experiments/run-cell';
import { simulateCell } from '../simulate';

/** What to run: a whole (already checked) cell document and how. */
export interface RunTask {
  cell: Cell;
  /** The cell's name in messages (a file path, or `variant 3`). */
  file: string;
  seed: number;
  /** Simulated seconds. */
  until: number;
  warmupCycles: number;
  /** `events` or `physics`, when the caller chose one. */
  engine?: string;
}

/**
 * What a run gives back: its seed, state hash and KPI figures (rounded to 1e-6) — the same row
 * the page's pool of web workers returns (experiments/run-cell.ts, {@link runRecordOf}).
 */
export type RunTaskResult = RunRecord;

/** Runs `task` in this thread (see the module comment). */
export async function runTask(task: RunTask): Promise<RunTaskResult> {
  const run = await simulateCell(task.cell, task.file, {
    until: task.until,
    seed: task.seed,
    warmupCycles: task.warmupCycles,
    ...(task.engine === undefined ? {} : { engine: task.engine }),
  });
  return runRecordOf(run);
}
