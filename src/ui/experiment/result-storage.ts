/**
 * The last experiment's results survive a reload: an experiment can take many minutes, and a
 * reload (or a closed tab) should not throw its table away. When a run ends with rows (done or
 * cancelled) they are kept in IndexedDB with the sweep they came from; the next start reads them
 * back into the panel, marked with when they were kept.
 *
 * The variants' cells are not stored: the sweep holds its base cell inline, and planning it again
 * gives the same cells (it is what `celltwin sweep` does with the file). That keeps one copy of
 * the base, not one per variant (cells may carry imported meshes). What is read back is checked
 * (the sweep through the sweep-file schema, the base through the cell schema, every row against
 * the plan); anything else is ignored, so a stored result never stops the page from starting.
 */
import { createStore as createIdbStore, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval';
import type { RunRow } from '../../experiments/results';
import { planSweepOn } from '../../experiments/sweep-plan';
import { readSweep } from '../../experiments/sweep-schema';
import { readCell, type Cell } from '../../model';
import { floorFigures } from '../../sim/kpi/floor';
import type { ExperimentRun } from './experiment-store';

/** Where the result is kept: one value under one key. */
export interface ResultStorage {
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
}

/** The stored form: the run without its cells and floor figures (both come back from the sweep). */
interface KeptResult {
  version: 1;
  savedAt: number;
  run: Omit<ExperimentRun, 'cells' | 'layout' | 'restoredAt'>;
}

/** IndexedDB through idb-keyval, in a database of its own (one idb-keyval store per database). */
export function idbResultStorage(dbName = 'celltwin-experiments', storeName = 'results', key = 'last'): ResultStorage {
  let store: UseStore | null = null;
  const open = () => (store ??= createIdbStore(dbName, storeName));
  return { get: () => idbGet(key, open()), set: (value) => idbSet(key, value, open()) };
}

/** Each variant's floor area (m², as the footprint KPI) and robot count: the Pareto plot's axes. */
export function variantLayout(cells: Iterable<[string, Cell]>): ExperimentRun['layout'] {
  return Object.fromEntries(
    [...cells].map(([id, c]) => {
      const f = floorFigures(c);
      return [id, { floorM2: f.footprintM2, robots: f.robots }];
    }),
  );
}

/** Keeps `run` when it ended with rows; a refused or full storage loses only the copy. */
export async function keepResult(storage: ResultStorage, run: ExperimentRun, now = Date.now()): Promise<boolean> {
  if ((run.phase !== 'done' && run.phase !== 'cancelled') || run.rows.length === 0 || run.sweep === null) return false;
  const { cells: _cells, layout: _layout, restoredAt: _restored, ...rest } = run;
  const kept: KeptResult = { version: 1, savedAt: now, run: { ...rest, running: 0 } };
  try {
    await storage.set(kept);
    return true;
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isRow(v: unknown): v is RunRow {
  return isObject(v) && typeof v['key'] === 'string' && isNum(v['variant']) && typeof v['variantId'] === 'string' && isNum(v['seed']) && isObject(v['factors']) && isObject(v['kpis']);
}

/** The kept result as the panel's run, or null when there is none or it does not check out. Never throws. */
export async function readKeptResult(storage: ResultStorage): Promise<ExperimentRun | null> {
  let raw: unknown;
  try {
    raw = await storage.get();
  } catch {
    return null;
  }
  if (!isObject(raw) || raw['version'] !== 1 || !isNum(raw['savedAt']) || !isObject(raw['run'])) return null;
  const r = raw['run'];
  if ((r['phase'] !== 'done' && r['phase'] !== 'cancelled') || !Array.isArray(r['rows']) || !r['rows'].every(isRow) || r['rows'].length === 0) return null;
  if (!Array.isArray(r['factorNames']) || !isObject(r['units']) || !isNum(r['total']) || !isNum(r['variants'])) return null;
  try {
    const sweep = readSweep(JSON.stringify(r['sweep']));
    if (!sweep.ok || typeof sweep.sweep.base === 'string') return null;
    const base = readCell(JSON.stringify(sweep.sweep.base));
    if (!base.ok) return null;
    const plan = planSweepOn(sweep.sweep, base.cell);
    const rows = r['rows'];
    if (!rows.every((row) => plan.cells.has(row.variantId))) return null;
    return {
      phase: r['phase'],
      total: r['total'],
      done: rows.length,
      running: 0,
      startedAt: isNum(r['startedAt']) ? r['startedAt'] : null,
      endedAt: isNum(r['endedAt']) ? r['endedAt'] : null,
      rows,
      sweep: plan.sweep,
      factorNames: r['factorNames'].map(String),
      units: Object.fromEntries(Object.entries(r['units']).map(([k, v]) => [k, String(v)])),
      cells: Object.fromEntries(plan.cells),
      layout: variantLayout(plan.cells),
      variants: r['variants'],
      error: null,
      restoredAt: raw['savedAt'],
    };
  } catch {
    return null;
  }
}
