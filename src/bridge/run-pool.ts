/**
 * The page's pool of simulation workers: many runs of cells (replications of one cell, the
 * variants × seeds of an experiment) on module web workers, one run per worker at a time. Each
 * worker runs the platform-neutral run of src/experiments/run-cell.ts — the function the CLI's
 * pool (`celltwin run --replications`, `celltwin sweep`) goes through too — so a cell and seed
 * give byte-identical KPI rows in the page and on the command line.
 *
 * Robot descriptions are parsed once on the page (src/bridge/cell-robots.ts) and sent with each
 * run. Without Worker support the runs go one after another on this thread.
 *
 * Starting a worker costs seconds (it loads the simulation and Rapier's WebAssembly), so after a
 * call that finished the workers wait {@link IDLE_WORKER_MS} for the next call before they end;
 * a cancelled or failed call ends its workers at once. A kept worker must answer a ping within
 * {@link PING_TIMEOUT_MS} before it gets runs again: a browser may end a worker without an error
 * event, and runs posted to it would never come back.
 */
import type { KpiRecord } from '../experiments/kpi-fields';
import { runCell, runRecordOf, type RunRecord } from '../experiments/run-cell';
import type { SweepJob } from '../experiments/sweep-plan';
import type { Cell } from '../model';
import { loadCellRobots } from './cell-robots';
import { isPong, type FromRunWorker, type RunRequest } from './run-protocol';

/** One run for the pool: a sweep's run or a replication (experiments/sweep-plan.ts {@link SweepJob}). */
export type PageRunJob = SweepJob;

/** One finished run: the job's key and the same row `celltwin run --replications` gives for it. */
export interface PageRunResult {
  key: string;
  seed: number;
  /** FNV-1a fingerprint of the final simulation state. */
  stateHash: string;
  simulatedSeconds: number;
  /** Figures by name (experiments/kpi-fields.ts), rounded to 1e-6. */
  kpis: KpiRecord;
}

/** Where the pool is: runs finished, running now and failed, of `total`. */
export interface RunPoolProgress {
  done: number;
  total: number;
  running: number;
  failed: number;
}

/** Options of {@link runOnPagePool}. */
export interface RunPoolOptions {
  /** Called whenever a run starts or ends. */
  onProgress?: (p: RunPoolProgress) => void;
  /** Called with each finished run as it finishes (in finishing order). */
  onResult?: (r: PageRunResult) => void;
  /** Aborting terminates every worker at once and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Workers to use (default {@link defaultPoolSize}); never more than the jobs. */
  size?: number;
}

/** Most workers the pool starts: each holds a simulation and a Rapier module. */
export const MAX_POOL_WORKERS = 8;

/** How long finished workers wait for the next call before they end (ms). */
export const IDLE_WORKER_MS = 60_000;

/** How long a kept worker has to answer a ping before it is taken for gone (ms). */
export const PING_TIMEOUT_MS = 2_000;

/** Workers kept from the last finished call, and the timer that ends them. */
const idle: Worker[] = [];
let idleTimer: ReturnType<typeof setTimeout> | null = null;

/** Whether `worker` answers a ping within `ms`. */
function answers(worker: Worker, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (alive: boolean) => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), ms);
    worker.onmessage = (e: MessageEvent<FromRunWorker>) => {
      if (isPong(e.data)) done(true);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done(false);
    };
    worker.postMessage({ type: 'ping' });
  });
}

/** A worker for a call: a kept one that still answers, else a new one. */
async function takeWorker(): Promise<Worker> {
  for (let kept = idle.pop(); kept !== undefined; kept = idle.pop()) {
    if (await answers(kept, PING_TIMEOUT_MS)) return kept;
    kept.terminate();
  }
  return new Worker(new URL('../../workers/run.worker.ts', import.meta.url), { type: 'module' });
}

/** Keeps the workers of a finished call for the next one (at most {@link MAX_POOL_WORKERS}). */
function keepWorkers(workers: readonly Worker[]): void {
  for (const w of workers) {
    w.onmessage = null;
    w.onerror = null;
    if (idle.length < MAX_POOL_WORKERS) idle.push(w);
    else w.terminate();
  }
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = setTimeout(endIdleWorkers, IDLE_WORKER_MS);
}

/** Ends the workers kept for a next call (they hold a simulation module and Rapier each). */
export function endIdleWorkers(): void {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  for (const w of idle.splice(0)) w.terminate();
}

/** Workers for `jobs` runs: the browser's logical cores (1 to {@link MAX_POOL_WORKERS}), never more than the jobs. */
export function defaultPoolSize(jobs: number, cores: number = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  const c = Number.isFinite(cores) ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(MAX_POOL_WORKERS, c, jobs));
}

const resultOf = (key: string, r: RunRecord): PageRunResult => ({ key, seed: r.seed, stateHash: r.stateHash, simulatedSeconds: r.simulatedSeconds, kpis: r.kpis });

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('The runs were cancelled', 'AbortError');

const failure = (job: PageRunJob, message: string): Error => new Error(`run "${job.key}" (seed ${job.seed}) failed: ${message}`);

/**
 * Runs `jobs` on a pool of web workers and resolves with their results in job order (whatever
 * order they finish in). Rejects when the signal aborts (the workers are terminated at once)
 * or when a run fails (message names the job's key; the other runs are stopped).
 */
export async function runOnPagePool(jobs: PageRunJob[], opts: RunPoolOptions = {}): Promise<PageRunResult[]> {
  const { signal } = opts;
  if (signal?.aborted) throw abortReason(signal);
  if (jobs.length === 0) return [];
  const loaded = new Map<Cell, Awaited<ReturnType<typeof loadCellRobots>>>();
  for (const job of jobs) {
    if (loaded.has(job.cell)) continue;
    try {
      loaded.set(job.cell, await loadCellRobots(job.cell));
    } catch (e) {
      throw failure(job, e instanceof Error ? e.message : String(e));
    }
  }
  if (signal?.aborted) throw abortReason(signal);
  const request = (id: number): RunRequest => {
    const job = jobs[id]!;
    const { robots, tools } = loaded.get(job.cell)!;
    return { id, cell: job.cell, robots, tools, seed: job.seed, until: job.until, warmupCycles: job.warmupCycles, ...(job.engine === undefined ? {} : { engine: job.engine }) };
  };
  const size = Math.max(1, Math.min(jobs.length, Math.floor(opts.size ?? defaultPoolSize(jobs.length))));
  return typeof Worker === 'function' ? onWorkers(jobs, request, size, opts) : onThisThread(jobs, request, opts);
}

async function onWorkers(jobs: PageRunJob[], request: (id: number) => RunRequest, size: number, opts: RunPoolOptions): Promise<PageRunResult[]> {
  const { signal, onProgress, onResult } = opts;
  const total = jobs.length;
  const results: PageRunResult[] = new Array<PageRunResult>(total);
  const workers = await Promise.all(Array.from({ length: size }, takeWorker));
  if (signal?.aborted) {
    for (const w of workers) w.terminate();
    throw abortReason(signal);
  }
  /** The job each worker is running (-1: none). */
  const current: number[] = [];
  let next = 0;
  let done = 0;
  let running = 0;
  let settled = false;
  return new Promise<PageRunResult[]>((resolve, reject) => {
    const progress = (failed = 0) => onProgress?.({ done, total, running, failed });
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error === undefined) keepWorkers(workers);
      else for (const w of workers) w.terminate();
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = () => finish(abortReason(signal!));
    const dispatch = (w: number) => {
      if (next >= total) {
        current[w] = -1;
        return;
      }
      const id = next++;
      current[w] = id;
      running++;
      workers[w]!.postMessage(request(id));
    };
    const fail = (id: number, message: string) => {
      running--;
      progress(1);
      finish(failure(jobs[id]!, message));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let w = 0; w < size; w++) {
      const worker = workers[w]!;
      worker.onmessage = (e: MessageEvent<FromRunWorker>) => {
        if (settled || isPong(e.data)) return;
        const reply = e.data;
        if (!reply.ok) return fail(reply.id, reply.message);
        running--;
        done++;
        const result = resultOf(jobs[reply.id]!.key, reply.record);
        results[reply.id] = result;
        onResult?.(result);
        progress();
        if (done === total) finish();
        else dispatch(w);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        if (settled) return;
        const id = current[w] ?? -1;
        const message = `the worker stopped (${e.message || 'no message'})`;
        if (id >= 0) fail(id, message);
        else finish(new Error(`the run pool's worker ${w + 1} stopped: ${e.message || 'no message'}`));
      };
      current.push(-1);
    }
    for (let w = 0; w < size; w++) dispatch(w);
    progress();
  });
}

/** Without workers: the same runs one after another here (the page stays busy meanwhile). */
async function onThisThread(jobs: PageRunJob[], request: (id: number) => RunRequest, opts: RunPoolOptions): Promise<PageRunResult[]> {
  const { signal, onProgress, onResult } = opts;
  const results: PageRunResult[] = [];
  for (let id = 0; id < jobs.length; id++) {
    if (signal?.aborted) throw abortReason(signal);
    onProgress?.({ done: id, total: jobs.length, running: 1, failed: 0 });
    const r = request(id);
    const job = jobs[id]!;
    let record: RunRecord;
    try {
      record = runRecordOf(await runCell(r.cell, { robots: r.robots, tools: r.tools }, { seed: r.seed, until: r.until, warmupCycles: r.warmupCycles, ...(r.engine === undefined ? {} : { engine: r.engine }) }));
    } catch (e) {
      onProgress?.({ done: id, total: jobs.length, running: 0, failed: 1 });
      throw failure(job, e instanceof Error ? e.message : String(e));
    }
    const result = resultOf(job.key, record);
    results.push(result);
    onResult?.(result);
  }
  onProgress?.({ done: jobs.length, total: jobs.length, running: 0, failed: 0 });
  return results;
}
