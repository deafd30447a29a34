/**
 * `celltwin worker --queue postgres://… [--concurrency N]`: takes sweep runs from the pg-boss
 * queue and runs them on a local pool of N worker threads (default: one per core), writing each
 * result into the results table. Runs until stopped (Ctrl-C, SIGTERM); a worker stopped or
 * killed mid-run loses nothing — its runs' leases expire and other workers run them again.
 */
import type PgBoss from 'pg-boss';
import { readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { createRunPool } from '../pool/run-pool';
import { RUN_QUEUE, checkQueueUrl, openBoss } from '../queue/boss';
import { ensureResultsTable, insertResult } from '../queue/results-table';
import { workerName, type RunJob } from '../queue/sweep-queue';
import { readWorkers } from './sweep';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'take sweep runs from a pg-boss queue on PostgreSQL and write their results into its results table',
  usage:
    'celltwin worker --queue postgres://user:password@host:port/database [--concurrency N]\n' +
    '  --concurrency  runs at a time, each in its own worker thread (default: the machine\'s cores)\n' +
    'Runs until stopped (Ctrl-C or SIGTERM). Progress lines go to stderr.',
  async run(argv, io) {
    const { values } = readArgs('worker', argv, { queue: { type: 'string' }, concurrency: { type: 'string' } });
    if (values.queue === undefined) throw new InputError('worker', 'expected --queue postgres://…');
    const url = checkQueueUrl(values.queue);
    const concurrency = readWorkers(values.concurrency, '--concurrency');
    let failure: Error | null = null;
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const boss = await openBoss(url, (e) => {
      failure ??= e;
      stop();
    });
    const db = boss.getDb();
    await ensureResultsTable(db);
    const pool = createRunPool(concurrency);
    const name = workerName();
    const handle = async (jobs: PgBoss.Job<RunJob>[]) => {
      for (const job of jobs) {
        const j = job.data;
        const result = await pool.run(j.task);
        const fresh = await insertResult(db, { sweep: j.sweep, key: j.key, variant: j.variant, variantId: j.variantId, seed: result.seed, stateHash: result.stateHash, kpis: result.kpis, worker: name });
        io.err(`worker ${name}: ${j.key} (sweep ${j.sweep}) ${fresh ? 'done' : 'done again (already stored)'}`);
      }
    };
    for (let i = 0; i < concurrency; i++) {
      let id = '';
      id = await boss.work<RunJob>(RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        await handle(jobs);
        // pg-boss waits out its polling interval after every fetch; with more runs waiting, ask
        // for the next one at once (a short run would otherwise leave the thread idle).
        if (jobs.length > 0) boss.notifyWorker(id);
      });
    }
    io.err(`worker ${name}: taking runs from ${RUN_QUEUE}, ${concurrency} at a time`);
    const onSignal = () => stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await stopped;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => undefined);
      await pool.close();
    }
    if (failure) throw failure;
    return 0;
  },
};
