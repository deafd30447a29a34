/**
 * Saved variants: named snapshots of the cell kept beside the autosave, read back through the
 * same migration and validation as a file, and a pinned baseline.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyCell } from '../../src/model';
import { memoryStorage } from '../../src/store/autosave';
import { BASELINE_KEY, clearBaseline, deleteVariant, keepBaseline, loadVariants, pinBaseline, readBaseline, readVariants, saveVariant, uniqueVariantName, VARIANTS_KEY, variantsStore } from '../../src/store/variants';
import type { CellKpis } from '../../src/sim/kpi/compute';

const kpis = { cell: 'c', throughputUph: 594, partsFinished: 8 } as unknown as CellKpis;

describe('saved variants', () => {
  beforeEach(() => variantsStore.setState({ baseline: null, variants: [] }));

  it('saves newest first and reads them back as they were', async () => {
    const storage = memoryStorage();
    await saveVariant(storage, 'Fast robot', emptyCell('fast'), kpis, 1000);
    await saveVariant(storage, 'Slow robot', emptyCell('slow'), null, 2000);
    const read = await readVariants(storage);
    expect(read.map((v) => [v.name, v.cell.name, v.kpis?.throughputUph ?? null, v.savedAt])).toEqual([
      ['Slow robot', 'slow', null, 2000],
      ['Fast robot', 'fast', 594, 1000],
    ]);
  });

  it('gives a second variant of the same name a number', async () => {
    const storage = memoryStorage();
    await saveVariant(storage, 'A', emptyCell(), null, 1);
    expect((await saveVariant(storage, 'A', emptyCell(), null, 2)).name).toBe('A (2)');
    expect(uniqueVariantName('  ', [])).toBe('Variant');
  });

  it('leaves out a stored entry whose cell is not valid, and anything that is not a list', async () => {
    const bad = { ...emptyCell('bad'), workersPerShift: -1 };
    const storage = memoryStorage({ [VARIANTS_KEY]: [{ id: 'x', name: 'bad', savedAt: 1, cell: bad }, { id: 'y', name: 'good', savedAt: 2, cell: emptyCell('good'), kpis: null }] });
    expect((await readVariants(storage)).map((v) => v.name)).toEqual(['good']);
    expect(await readVariants(memoryStorage({ [VARIANTS_KEY]: 'junk' }))).toEqual([]);
  });

  it('deletes one and pins or clears the baseline', async () => {
    const storage = memoryStorage();
    const v = await saveVariant(storage, 'gone', emptyCell(), null, 5);
    await deleteVariant(storage, v.id);
    expect(await readVariants(storage)).toEqual([]);
    pinBaseline(emptyCell('a'), kpis, 'A run', 7);
    expect(variantsStore.getState().baseline).toMatchObject({ label: 'A run', pinnedAt: 7 });
    clearBaseline();
    expect(variantsStore.getState().baseline).toBeNull();
  });
});

describe('the pinned baseline across a reload', () => {
  beforeEach(() => variantsStore.setState({ baseline: null, variants: [] }));

  it('is written when pinned and cleared, and read back by loadVariants', async () => {
    const storage = memoryStorage();
    const stop = keepBaseline(storage);
    pinBaseline(emptyCell('a'), kpis, 'A run', 9);
    await Promise.resolve();
    expect(await readBaseline(storage)).toMatchObject({ label: 'A run', pinnedAt: 9, kpis: { throughputUph: 594 } });
    stop();
    // A reload: a fresh store, the stored baseline read back.
    variantsStore.setState({ baseline: null, variants: [] });
    await loadVariants(storage);
    expect(variantsStore.getState().baseline?.cell.name).toBe('a');
    const stopAgain = keepBaseline(storage);
    clearBaseline();
    await Promise.resolve();
    expect(await readBaseline(storage)).toBeNull();
    stopAgain();
  });

  it('reads a baseline kept before the collision count existed with the length of its list as the count', async () => {
    const { collisionCount: _count, ...older } = { ...kpis, collisions: [{ time: 1.5, a: 'robot-1/forearm_link', b: 'fence-1' }] };
    const storage = memoryStorage({ [BASELINE_KEY]: { label: 'old', pinnedAt: 1, cell: emptyCell('old'), kpis: older } });
    expect((await readBaseline(storage))?.kpis.collisionCount).toBe(1);
    const current = memoryStorage({ [BASELINE_KEY]: { label: 'new', pinnedAt: 2, cell: emptyCell('new'), kpis: { ...kpis, collisionCount: 7 } } });
    expect((await readBaseline(current))?.kpis.collisionCount).toBe(7);
  });

  it('reads nothing from a stored baseline whose cell is invalid', async () => {
    const storage = memoryStorage({ [BASELINE_KEY]: { label: 'x', pinnedAt: 1, cell: { ...emptyCell(), units: 'feet' }, kpis } });
    expect(await readBaseline(storage)).toBeNull();
  });
});
