/**
 * Issue 15 benchmark: a sweep's runs through pg-boss — enqueued, taken by two `celltwin worker`
 * processes (one run at a time each) against an embedded PostgreSQL, results read back from the
 * results table — vs the same runs on the local pool of two worker threads. Ratio near 1: the
 * queue costs little (the aim: queue ≥ 0.9× the pool's runs per minute, i.e. ratio ≤ 1.11).
 * Each call starts from an empty results table, so every run really runs again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { defineCase } from '../harness';
import { createRunPool, type RunPool } from '../../src/cli/pool/run-pool';
import { openBoss } from '../../src/cli/queue/boss';
import { startEmbeddedDb, type EmbeddedDb } from '../../src/cli/queue/embedded-db';
import { ensureResultsTable } from '../../src/cli/queue/results-table';
import { queueBackend } from '../../src/cli/queue/sweep-queue';
import { BENCH_RUN_SECONDS, ROOT, benchPlan, runsPerMinute } from './support/sweep-bench';

let db: EmbeddedDb | null = null;
let pool: RunPool | null = null;
let stopBoss: (() => Promise<void>) | null = null;
const workers: ChildProcess[] = [];

export default defineCase({
  name: `sweep: 8 runs of ${BENCH_RUN_SECONDS} s, pg-boss + 2 workers vs local pool of 2`,
  ours: 'enqueue on pg-boss, 2 `celltwin worker` processes (--concurrency 1), wait for the results table',
  reference: 'the same runs on a local pool of 2 worker threads',
  rounds: 3,
  warmupRounds: 1,
  async setup() {
    const { plan, runs, tasks } = await benchPlan();
    db = await startEmbeddedDb();
    const url = db.url;
    for (let i = 0; i < 2; i++) {
      workers.push(spawn(process.execPath, [join(ROOT, 'bin/celltwin.js'), 'worker', '--queue', url, '--concurrency', '1'], { cwd: ROOT, stdio: 'ignore' }));
    }
    const boss = await openBoss(url, () => undefined);
    stopBoss = () => boss.stop({ graceful: false, wait: true });
    await ensureResultsTable(boss.getDb());
    pool = createRunPool(2);
    const p = pool;
    const backend = queueBackend(url);
    return {
      units: tasks.length,
      ours: async () => {
        await boss.getDb().executeSql('DELETE FROM celltwin_results', []);
        await backend.run(runs, plan, async () => undefined);
      },
      reference: () => Promise.all(tasks.map((t) => p.run(t))),
      metrics: {},
    };
  },
  async teardown() {
    for (const w of workers) w.kill('SIGTERM');
    await stopBoss?.();
    await pool?.close();
    await db?.stop();
  },
  notes: (row) => `runs/min: queue ${runsPerMinute(row.ours_ms).toFixed(1)}, local pool ${runsPerMinute(row.reference_ms).toFixed(1)}; queue/pool throughput ${(row.reference_ms / row.ours_ms).toFixed(2)}×`,
});
