/**
 * The last experiment's results are kept across a reload: what is read back is the same table,
 * the same variant cells (planned again from the sweep's inline base) and the same floor figures,
 * marked with when it was kept; a stored value that does not check out, or a storage that
 * refuses, gives no results rather than an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/experiments/run-plan';
import { planSweepOn } from '../../src/experiments/sweep-plan';
import { readCell } from '../../src/model/validate';
import { addFactor, draftToSweep, emptyDraft, factorFromField, updateFactor } from '../../src/ui/experiment/draft';
import { NO_RUN, type ExperimentRun } from '../../src/ui/experiment/experiment-store';
import { keepResult, readKeptResult, variantLayout, type ResultStorage } from '../../src/ui/experiment/result-storage';
import { REPO_ROOT } from './corpus-helpers';
import { runTaskPool } from './support/sweep-pool';

/** A storage that keeps a structured clone, as IndexedDB does. */
function memoryStorage(): ResultStorage & { value: unknown } {
  const s = {
    value: undefined as unknown,
    get: async () => structuredClone(s.value),
    set: async (v: unknown) => {
      s.value = structuredClone(v);
    },
  };
  return s;
}

let finished: ExperimentRun;

beforeAll(async () => {
  const read = readCell(readFileSync(join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json'), 'utf8'));
  if (!read.ok) throw new Error('fixture');
  let draft = addFactor(emptyDraft(), factorFromField({ pointer: '/items/infeed/speed', label: 'Infeed · Belt speed', value: 0.25, unit: 'mm/s' }));
  draft = updateFactor(draft, draft.factors[0]!.key, { mode: 'list', list: '200, 300' });
  draft = { ...draft, name: 'Belt speed', replications: 2, duration: 30 };
  const checked = draftToSweep(draft, read.cell);
  if (!checked.ok) throw new Error('the draft does not make a sweep');
  const plan = planSweepOn(checked.sweep, read.cell);
  const rows = await runPlan(plan, runTaskPool, {});
  finished = {
    ...NO_RUN,
    phase: 'done',
    total: rows.length,
    done: rows.length,
    startedAt: 1_000,
    endedAt: 9_000,
    rows,
    sweep: plan.sweep,
    factorNames: plan.factorNames,
    units: { 'Infeed · Belt speed': 'mm/s' },
    cells: Object.fromEntries(plan.cells),
    layout: variantLayout(plan.cells),
    variants: plan.variants.length,
  };
}, 120_000);

describe('the last experiment kept across a reload', () => {
  it('reads back the same rows, variant cells and floor figures, marked with when it was kept', async () => {
    expect(finished.rows).toHaveLength(4);
    const storage = memoryStorage();
    expect(await keepResult(storage, finished, 1_765_000_000_000)).toBe(true);
    // One copy of the base (in the sweep), not one per variant.
    expect(JSON.stringify(storage.value)).not.toContain('"cells"');
    const back = await readKeptResult(storage);
    expect(back).toEqual({ ...finished, restoredAt: 1_765_000_000_000 });
  });

  it('keeps a cancelled run with rows, and neither a running one nor one without rows', async () => {
    const storage = memoryStorage();
    expect(await keepResult(storage, { ...finished, phase: 'running' })).toBe(false);
    expect(await keepResult(storage, { ...finished, phase: 'done', rows: [] })).toBe(false);
    expect(storage.value).toBeUndefined();
    expect(await keepResult(storage, { ...finished, phase: 'cancelled', rows: finished.rows.slice(0, 1), done: 1 })).toBe(true);
    expect((await readKeptResult(storage))?.rows).toHaveLength(1);
  });

  it('gives nothing back for a value that does not check out, or a storage that refuses', async () => {
    const storage = memoryStorage();
    await keepResult(storage, finished);
    const kept = storage.value as { version: number; run: { rows: Array<{ variantId: string }>; sweep: { base: unknown } } };
    const tamper = async (f: (v: typeof kept) => void) => {
      const s = memoryStorage();
      const v = structuredClone(kept);
      f(v);
      await s.set(v);
      return readKeptResult(s);
    };
    expect(await tamper((v) => (v.version = 2))).toBeNull();
    expect(await tamper((v) => (v.run.rows[0]!.variantId = 'v99'))).toBeNull();
    expect(await tamper((v) => (v.run.sweep.base = 'pick-place.cell.json'))).toBeNull();
    expect(await tamper((v) => ((v.run.sweep.base as { items: unknown }).items = 'none'))).toBeNull();
    expect(await readKeptResult({ get: () => Promise.reject(new Error('blocked')), set: () => Promise.resolve() })).toBeNull();
    expect(await keepResult({ get: () => Promise.resolve(undefined), set: () => Promise.reject(new Error('QuotaExceededError')) }, finished)).toBe(false);
  });
});
