/**
 * `celltwin run CELL --replications N [--seed S0]`: the cell run with seeds S0 … S0+N−1 in
 * parallel on the local pool (one worker thread per core), each KPI figure reported as mean,
 * sample standard deviation and 95 % confidence half-width (Student t). The per-seed rows come
 * back in seed order whatever order the threads finish in, so the same seeds give the same
 * numbers, byte for byte.
 */
import type { Cell } from '../model/cell';
import { replicationReport, type ReplicationReport } from '../experiments/summarize';
import { createRunPool, defaultWorkers } from './pool/run-pool';

/** What `--replications --json` prints (experiments/summarize.ts; the page's Analyse exports the same). */
export type { ReplicationReport } from '../experiments/summarize';

/** How to replicate. */
export interface ReplicationOptions {
  replications: number;
  /** First seed (default: the cell's). */
  seed?: number;
  until: number;
  warmupCycles: number;
  engine?: string;
  /** Worker threads (default: one per core, never more than the replications). */
  workers?: number;
}

export { summarizeRows } from '../experiments/summarize';

/** Runs the replications of `cell` (see the module comment). */
export async function replicate(cell: Cell, file: string, options: ReplicationOptions): Promise<ReplicationReport> {
  const first = options.seed ?? cell.simulation.seed;
  const seeds = Array.from({ length: options.replications }, (_, i) => first + i);
  const pool = createRunPool(Math.min(options.workers ?? defaultWorkers(), seeds.length));
  try {
    const runs = await Promise.all(
      seeds.map((seed) =>
        pool.run({ cell, file, seed, until: options.until, warmupCycles: options.warmupCycles, ...(options.engine === undefined ? {} : { engine: options.engine }) }),
      ),
    );
    return replicationReport(cell.name, runs, options.until, options.warmupCycles);
  } finally {
    await pool.close();
  }
}

const num = (x: number | null, digits: number): string => (x === null ? '—' : x.toFixed(digits));

/** The text table of a replication report: one line per figure, mean ± half-width and sd. */
export function replicationText(r: ReplicationReport, file: string): string {
  const rows = Object.entries(r.kpis).map(([k, e]) => [k, num(e.mean, 4), num(e.sd, 4), e.halfWidth === null ? '—' : `±${e.halfWidth.toFixed(4)}`, String(e.n)]);
  const table = [['figure', 'mean', 'sd', '95% half-width', 'n'], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `${r.cell} (${file}): ${r.replications} replications, seeds ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]}, ${r.simulatedSeconds} s each, ${r.warmupCycles} warm-up`,
    line(table[0]!),
    ...table.slice(1).map(line),
  ].join('\n');
}
