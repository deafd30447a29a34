/**
 * Analyse with replications (issue 11 item 7): the runs the Analyse menu offers (1 keeps the live
 * simulation worker; 5 or 20 run on the page's pool of web workers) and the replication run in
 * progress or last finished, as plain data in a vanilla store. Behaviour lives in
 * replication-actions.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { PageRunResult, RunPoolProgress } from '../../bridge/run-pool';
import type { ReplicationReport } from '../../experiments/summarize';

/** Replications the Analyse menu offers. */
export const REPLICATION_CHOICES = [1, 5, 20] as const;

/** Where a replication run is. */
export type ReplicationPhase = 'running' | 'done' | 'cancelled' | 'failed';

/** A replication run: its seeds and span, its progress, and (when done) its rows and their summary. */
export interface ReplicationRun {
  phase: ReplicationPhase;
  /** The cell's name when the run started. */
  cellName: string;
  /** Seeds S, S+1, …, one per replication. */
  seeds: number[];
  /** Simulated seconds of each replication. */
  seconds: number;
  warmupCycles: number;
  /** Web workers the pool started. */
  workers: number;
  progress: RunPoolProgress;
  /** Wall-clock ms (performance.now) at the start and the end; for the ETA and the report only. */
  startedAt: number;
  endedAt: number | null;
  /** One row per seed, in seed order (when done). */
  rows: PageRunResult[];
  /**
   * The rows and each figure's mean, sd and 95 % half-width over them, as `celltwin run
   * --replications --json` prints them (experiments/summarize.ts), when done.
   */
  report: ReplicationReport | null;
  error: string | null;
}

export interface ReplicationState {
  /** The run in progress or the last one (null: none, or its results were closed). */
  run: ReplicationRun | null;
  /** Bumped when a run starts, to bring the results panel's Results tab forward. */
  openRequest: number;
}

export const replicationStore = createStore<ReplicationState>(() => ({ run: null, openRequest: 0 }));

/**
 * Wall seconds left from the runs finished so far: the runs still to do at the average rate of
 * finished runs since the start (the pool runs several at once, so this is its real rate).
 * Null before the first run finishes.
 */
export function replicationSecondsLeft(p: RunPoolProgress, wallElapsed: number): number | null {
  if (p.done <= 0 || wallElapsed <= 0) return null;
  return ((p.total - p.done) * wallElapsed) / p.done;
}
