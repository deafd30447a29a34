/**
 * The page's pool of simulation web workers (src/bridge/run-pool.ts) as an experiment pool:
 * its jobs and results are the sweep's (same fields), so this is only the binding.
 */
import { runOnPagePool } from '../../bridge/run-pool';
import type { SweepPool } from '../../experiments/run-plan';

/** Runs sweep jobs on the page's web workers (one per logical core, at most eight). */
export const pagePool: SweepPool = (jobs, opts) => runOnPagePool(jobs, opts);
