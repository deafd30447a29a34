/**
 * pg-boss on a PostgreSQL database: the queue sweeps put their runs on (one job per run), and
 * the results table workers write to. Sweep and worker open it the same way.
 *
 * Leases: a job a worker takes is "active" for at most its expiry (`expireInSeconds`); a worker
 * that dies mid-run stops renewing nothing — the job simply expires, pg-boss fails it by
 * timeout and, within its retry limit, makes it available again, and another worker runs it.
 * The sweep command calls pg-boss's `expire()` as it waits, so expired leases come back within a
 * second or two even when no pg-boss instance runs its periodic maintenance.
 */
import PgBoss from 'pg-boss';
import { InputError } from '../errors';

/** The queue every sweep's runs go on. */
export const RUN_QUEUE = 'celltwin-runs';

/** Lease of a run (s) unless the sweep says otherwise: long enough for an hour of a big cell. */
export const DEFAULT_LEASE_SECONDS = 15 * 60;
/** Tries per run before the sweep gives up on it. */
export const RETRY_LIMIT = 5;

/** Checks that `url` looks like a PostgreSQL connection URL (the option is named in messages). */
export function checkQueueUrl(url: string, option = '--queue'): string {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new InputError(option, `expected a PostgreSQL URL postgres://user:password@host:port/database, got "${url}"`);
  return url;
}

/** Starts pg-boss on `url` (installing its schema when new) and makes sure the run queue exists. */
export async function openBoss(url: string, onError: (e: Error) => void): Promise<PgBoss> {
  // No background maintenance from every process: the sweep expires leases itself (see above).
  const boss = new PgBoss({ connectionString: checkQueueUrl(url), supervise: false, schedule: false, max: 4 });
  boss.on('error', onError);
  try {
    await boss.start();
  } catch (e) {
    throw new InputError('--queue', `cannot open the queue database (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!(await boss.getQueue(RUN_QUEUE))) {
    try {
      await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: 'standard', retryLimit: RETRY_LIMIT, retryDelay: 0, expireInSeconds: DEFAULT_LEASE_SECONDS });
    } catch (e) {
      // Two processes starting at once both try to create it; the second finds it there.
      if (!(await boss.getQueue(RUN_QUEUE))) throw e;
    }
  }
  return boss;
}
