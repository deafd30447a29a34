/**
 * Identities on the queue. A sweep's id is a fingerprint of what it runs (every run's key and
 * every variant's cell, duration, warm-up and engine), so the same sweep enqueued twice — a
 * re-run, a resume, a second `celltwin sweep` on another machine — is the same sweep. A job's id
 * is a UUID derived from the sweep id and the run's key: pg-boss inserts jobs with ON CONFLICT
 * DO NOTHING on the id, so enqueueing a run again never creates a second job.
 */
import { createHash } from 'node:crypto';
import type { RunTask } from '../pool/run-task';
import type { SweepRun } from '../../experiments/variants';

/** The sweep's id (16 hex digits) from its runs and their tasks. */
export function sweepId(runs: readonly SweepRun[], task: (run: SweepRun) => RunTask): string {
  const h = createHash('sha256');
  for (const r of runs) {
    const t = task(r);
    h.update(JSON.stringify([r.key, t.until, t.warmupCycles, t.engine ?? null]));
  }
  const cells = new Map(runs.map((r) => [r.variant.id, task(r).cell]));
  for (const [id, cell] of cells) h.update(id).update(JSON.stringify(cell));
  return h.digest('hex').slice(0, 16);
}

/** A UUID (version-5 layout) for the job of run `key` in sweep `sweep`. */
export function jobId(sweep: string, key: string): string {
  const b = createHash('sha256').update(`${sweep}/${key}`).digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = b.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
