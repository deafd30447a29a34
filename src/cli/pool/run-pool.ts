/**
 * The local pool: simulation runs in worker threads (tinypool), one per core by default.
 *
 * Where the worker's code is: next to this module. From the sources (tsx, vitest) that is
 * `run-worker.ts`, loaded through the shim `run-worker-tsx.mjs`, and the thread gets
 * `--import tsx` so Node can load TypeScript; from the bundled CLI (bin/build-cli.mjs), where
 * this module is part of the main bundle or one of its chunks, it is `run-worker.js`, an entry
 * of its own built beside the main one.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { RunTask, RunTaskResult } from './run-task';

/** The worker's file and the Node flags it needs (see the module comment). */
export function workerEntry(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  // From the sources: a JS shim that registers tsx in the thread (run-worker-tsx.mjs says why);
  // `--import tsx` is passed as well, for the modules the thread loads later.
  if (here.endsWith('.ts')) return { filename: join(dir, 'run-worker-tsx.mjs'), execArgv: ['--import', 'tsx'] };
  // Bundled: this code may sit in a shared chunk (build/cli/chunks/) below the entries.
  const candidates = [join(dir, 'run-worker.js'), join(dirname(dir), 'run-worker.js')];
  const bundled = candidates.find((f) => existsSync(f));
  if (bundled === undefined) throw new Error(`the worker bundle run-worker.js is missing beside ${dir}: rebuild the CLI bundle (node bin/build-cli.mjs)`);
  return { filename: bundled, execArgv: [] };
}

/** Worker threads to use by default: the machine's cores. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of simulation workers; `close` it when done. */
export interface RunPool {
  readonly size: number;
  run(task: RunTask): Promise<RunTaskResult>;
  close(): Promise<void>;
}

/** Starts a pool of `workers` threads (default: one per core). */
export function createRunPool(workers = defaultWorkers()): RunPool {
  const size = Math.max(1, Math.floor(workers));
  const { filename, execArgv } = workerEntry();
  // Workers live as long as the pool: Rapier's module is loaded once per thread, not per run.
  const pool = new Tinypool({ filename, execArgv, minThreads: size, maxThreads: size, idleTimeout: 60_000 });
  return {
    size,
    run: (task) => pool.run(task) as Promise<RunTaskResult>,
    close: () => pool.destroy(),
  };
}
