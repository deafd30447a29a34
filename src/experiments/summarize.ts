/**
 * Rows of KPI figures (one per run) summarised per figure: mean, sd and 95 % half-width
 * (stats.ts). Shared by `celltwin run --replications`, sweeps and the page's Analyse
 * replications, so the CLI and the page show the same summary of the same rows.
 */
import { roundDeep } from '../sim/kpi';
import type { KpiRecord } from './kpi-fields';
import type { RunRecord } from './run-cell';
import { estimate, type Estimate } from './stats';

/** Each figure's estimate over rows of figures (rounded to 1e-6); keys in the order they first appear. */
export function summarizeRows(rows: readonly KpiRecord[]): Record<string, Estimate> {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const out: Record<string, Estimate> = {};
  for (const k of keys) out[k] = roundDeep(estimate(rows.map((r) => r[k] ?? null)));
  return out;
}

/** A replication run as `celltwin run --replications --json` prints it and the page's Analyse exports it. */
export interface ReplicationReport {
  cell: string;
  replications: number;
  seeds: number[];
  simulatedSeconds: number;
  warmupCycles: number;
  /** Each figure over the replications (rounded to 1e-6). */
  kpis: Record<string, Estimate>;
  /** One row per seed, in seed order. */
  runs: RunRecord[];
}

/** The report of `runs` (one per seed, in seed order) of the cell named `cell`. */
export function replicationReport(cell: string, runs: readonly RunRecord[], simulatedSeconds: number, warmupCycles: number): ReplicationReport {
  const rows = runs.map((r) => ({ seed: r.seed, stateHash: r.stateHash, simulatedSeconds: r.simulatedSeconds, kpis: r.kpis }));
  return { cell, replications: rows.length, seeds: rows.map((r) => r.seed), simulatedSeconds, warmupCycles, kpis: summarizeRows(rows.map((r) => r.kpis)), runs: rows };
}
