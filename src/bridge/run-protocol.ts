/**
 * Messages between the page's run pool (src/bridge/run-pool.ts) and its web workers
 * (workers/run.worker.ts). One request per run; the robot descriptions travel with it (parsed
 * once on the page, structured-cloned to the worker), so a worker needs no URDF files.
 */
import type { RunRecord } from '../experiments/run-cell';
import type { Cell, RobotDescription } from '../model';

/** One run for a worker: a checked cell, its loaded robots and how to run it. */
export interface RunRequest {
  /** The job's index in the pool's list. */
  id: number;
  cell: Cell;
  robots: ReadonlyMap<string, RobotDescription>;
  tools: ReadonlyMap<string, RobotDescription>;
  seed: number;
  until: number;
  warmupCycles: number;
  engine?: string;
}

/** A worker's answer: the run's row (experiments/run-cell.ts runRecordOf), or why it failed. */
export type RunResponse = { id: number; ok: true; record: RunRecord } | { id: number; ok: false; message: string };

/** Asks a kept worker whether it is still there before a new call gives it runs. */
export interface PingRequest {
  type: 'ping';
}

/** A worker's answer to a {@link PingRequest}. */
export interface PongResponse {
  type: 'pong';
}

/** Page → run worker. */
export type ToRunWorker = RunRequest | PingRequest;

/** Run worker → page. */
export type FromRunWorker = RunResponse | PongResponse;

/** Whether a message to a run worker is a ping. */
export const isPing = (m: ToRunWorker): m is PingRequest => 'type' in m && m.type === 'ping';

/** Whether a message from a run worker is a pong. */
export const isPong = (m: FromRunWorker): m is PongResponse => 'type' in m && m.type === 'pong';
