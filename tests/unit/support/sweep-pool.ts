/**
 * A sweep pool for tests: the command line's runTask, one run after another in this thread, in
 * job order. It gives the rows the worker-thread pool gives, without starting threads.
 */
import { runTask } from '../../../src/cli/pool/run-task';
import type { SweepPool } from '../../../src/experiments/run-plan';

export const runTaskPool: SweepPool = async (jobs, opts) => {
  const out = [];
  for (const job of jobs) {
    const result = { key: job.key, ...(await runTask({ cell: job.cell, file: job.key, seed: job.seed, until: job.until, warmupCycles: job.warmupCycles })) };
    opts.onResult?.(result);
    out.push(result);
  }
  return out;
};
