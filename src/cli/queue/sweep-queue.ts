/**
 * The sweep's queue backend: one pg-boss job per pending run (job id from the sweep and the
 * run's key: enqueueing twice is harmless), then wait — polling the results table for finished
 * runs, expiring dead workers' leases so their runs are retried, and stopping with a clear
 * message when a run has failed on every try.
 */
import { hostname } from 'node:os';
import type { SweepRun } from '../../experiments/variants';
import type { SweepBackend } from '../commands/sweep';
import { InputError } from '../errors';
import type { RunTask, RunTaskResult } from '../pool/run-task';
import type { SweepPlan } from '../sweep/plan';
import { DEFAULT_LEASE_SECONDS, RETRY_LIMIT, RUN_QUEUE, openBoss } from './boss';
import { jobId, sweepId } from './job-keys';
import { ensureResultsTable, newResults } from './results-table';

/** What a job carries: the run's task plus where its result goes. */
export interface RunJob {
  sweep: string;
  key: string;
  variant: number;
  variantId: string;
  task: RunTask;
}

/** How often the sweep looks for results and expired leases (ms). */
const POLL_MS = 200;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The queue backend on the PostgreSQL database at `url`; `lease` is each run's lease (s). */
export function queueBackend(url: string, lease = DEFAULT_LEASE_SECONDS): SweepBackend {
  return {
    label: `the queue ${RUN_QUEUE} at ${url.replace(/\/\/[^@/]*@/, '//…@')} (start \`celltwin worker --queue …\` processes)`,
    async run(pending: readonly SweepRun[], plan: SweepPlan, onResult: (run: SweepRun, result: RunTaskResult) => Promise<void>) {
      let failure: Error | null = null;
      const boss = await openBoss(url, (e) => (failure ??= e));
      try {
        const db = boss.getDb();
        await ensureResultsTable(db);
        const sweep = sweepId(plan.runs, plan.task);
        const byKey = new Map(pending.map((r) => [r.key, r]));
        const waiting = new Set(byKey.keys());
        // Runs another sweep process or an earlier attempt already finished: take them as they are.
        const known = new Set(plan.runs.map((r) => r.key).filter((k) => !waiting.has(k)));
        // A run whose job completed but whose row is gone (the table was emptied) is sent again.
        const done = await db.executeSql(`SELECT id, data->>'key' AS key FROM pgboss.job WHERE name = $1 AND state = 'completed' AND data->>'sweep' = $2`, [RUN_QUEUE, sweep]);
        const lost = (done.rows as Array<{ id: string; key: string }>).filter((r) => waiting.has(r.key)).map((r) => r.id);
        if (lost.length > 0) await boss.deleteJob(RUN_QUEUE, lost);
        // In batches of 500 (one statement each); ON CONFLICT DO NOTHING on the id keeps it idempotent.
        const jobs = pending.map((run) => ({
          id: jobId(sweep, run.key),
          name: RUN_QUEUE,
          data: { sweep, key: run.key, variant: run.variant.index + 1, variantId: run.variant.id, task: plan.task(run) } satisfies RunJob,
          retryLimit: RETRY_LIMIT,
          retryDelay: 0,
          expireInSeconds: lease,
        }));
        for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));
        // Runs that failed every try in an earlier attempt of this sweep get their tries back.
        const stale = await db.executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND state = 'failed' AND data->>'sweep' = $2`, [RUN_QUEUE, sweep]);
        const staleIds = (stale.rows as Array<{ id: string }>).map((r) => r.id);
        if (staleIds.length > 0) await boss.retry(RUN_QUEUE, staleIds);
        while (waiting.size > 0) {
          if (failure) throw failure;
          for (const r of await newResults(db, sweep, known)) {
            known.add(r.key);
            const run = byKey.get(r.key);
            if (!run || !waiting.delete(r.key)) continue;
            await onResult(run, { seed: run.seed, stateHash: '', simulatedSeconds: plan.sweep.duration, kpis: r.kpis });
          }
          if (waiting.size === 0) break;
          await boss.expire();
          const failed = await db.executeSql(`SELECT data->>'key' AS key, output FROM pgboss.job WHERE name = $1 AND state = 'failed' AND data->>'sweep' = $2 LIMIT 1`, [RUN_QUEUE, sweep]);
          const dead = failed.rows[0] as { key: string; output: unknown } | undefined;
          if (dead && waiting.has(dead.key)) {
            throw new InputError(plan.file, `run ${dead.key} failed ${RETRY_LIMIT + 1} times on the workers: ${JSON.stringify(dead.output)}`);
          }
          await sleep(POLL_MS);
        }
      } finally {
        await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      }
    },
  };
}

/** The worker's name in the results table: host and process. */
export const workerName = (): string => `${hostname()}:${process.pid}`;
