/**
 * Issue 15 benchmark: a sweep's runs on the local worker-thread pool (one thread per core) vs
 * the same runs one after another in one process. Ratio < 1: the pool is faster; the notes give
 * runs per minute on both sides and the speed-up (the aim: ≥ 1.8× on 2 cores).
 */
import { availableParallelism } from 'node:os';
import { defineCase } from '../harness';
import { createRunPool, type RunPool } from '../../src/cli/pool/run-pool';
import { runTask } from '../../src/cli/pool/run-task';
import { BENCH_RUN_SECONDS, benchPlan, runsPerMinute } from './support/sweep-bench';

let pool: RunPool | null = null;

export default defineCase({
  name: `sweep: 8 runs of ${BENCH_RUN_SECONDS} s, local pool vs one process`,
  ours: `the 8 runs on a tinypool pool of ${availableParallelism()} worker threads`,
  reference: 'the same 8 runs one after another in this thread',
  rounds: 3,
  warmupRounds: 1,
  async setup() {
    const { tasks } = await benchPlan();
    pool = createRunPool();
    const p = pool;
    return {
      units: tasks.length,
      ours: () => Promise.all(tasks.map((t) => p.run(t))),
      reference: async () => {
        for (const t of tasks) await runTask(t);
      },
    };
  },
  async teardown() {
    await pool?.close();
  },
  notes: (row) =>
    `runs/min: pool ${runsPerMinute(row.ours_ms).toFixed(1)}, one process ${runsPerMinute(row.reference_ms).toFixed(1)}; speed-up ${(row.reference_ms / row.ours_ms).toFixed(2)}× on ${availableParallelism()} cores`,
});
