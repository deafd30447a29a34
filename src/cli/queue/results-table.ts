/**
 * The results table: one row per finished run, written by whichever worker ran it, read by the
 * sweep command and open to anyone with plain SQL:
 *
 * ```sql
 * SELECT variant, seed, kpis->>'throughputUph' AS uph FROM celltwin_results WHERE sweep = '…' ORDER BY variant, seed;
 * ```
 * `kpis` is `json`, not `jsonb`: it keeps the figures in the order the run gave them, so the
 * exported file's columns come out the same as from the local pool.
 * (sweep, key) is the primary key and rows are inserted with ON CONFLICT DO NOTHING, so a run
 * that is retried after its worker died — perhaps after the row was written — never adds a
 * second row.
 */
import type PgBoss from 'pg-boss';
import type { KpiRecord } from '../../experiments/kpi-fields';

type Db = ReturnType<PgBoss['getDb']>;

/** The table's name. */
export const RESULTS_TABLE = 'celltwin_results';

/** Creates the table when it is not there. */
export async function ensureResultsTable(db: Db): Promise<void> {
  await db.executeSql(
    `CREATE TABLE IF NOT EXISTS ${RESULTS_TABLE} (
      sweep text NOT NULL,
      key text NOT NULL,
      variant integer NOT NULL,
      variant_id text NOT NULL,
      seed integer NOT NULL,
      state_hash text NOT NULL,
      kpis json NOT NULL,
      worker text NOT NULL,
      finished_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (sweep, key)
    )`,
    [],
  );
}

/** One finished run. */
export interface ResultRow {
  sweep: string;
  key: string;
  variant: number;
  variantId: string;
  seed: number;
  stateHash: string;
  kpis: KpiRecord;
  worker: string;
}

/** Stores a run's result; true when it was new (false: a retry of a run already stored). */
export async function insertResult(db: Db, r: ResultRow): Promise<boolean> {
  const { rows } = await db.executeSql(
    `INSERT INTO ${RESULTS_TABLE} (sweep, key, variant, variant_id, seed, state_hash, kpis, worker)
     VALUES ($1, $2, $3, $4, $5, $6, $7::json, $8) ON CONFLICT (sweep, key) DO NOTHING RETURNING key`,
    [r.sweep, r.key, r.variant, r.variantId, r.seed, r.stateHash, JSON.stringify(r.kpis), r.worker],
  );
  return rows.length === 1;
}

/** The results of `sweep` whose keys are not in `known`, in key order. */
export async function newResults(db: Db, sweep: string, known: ReadonlySet<string>): Promise<Array<{ key: string; kpis: KpiRecord }>> {
  const { rows } = await db.executeSql(`SELECT key, kpis FROM ${RESULTS_TABLE} WHERE sweep = $1 ORDER BY key`, [sweep]);
  return (rows as Array<{ key: string; kpis: KpiRecord }>).filter((r) => !known.has(r.key));
}
