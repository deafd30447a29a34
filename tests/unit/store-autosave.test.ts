import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCell } from '../../src/model';
import {
  AUTOSAVE_KEY,
  chooseStartupCell,
  loadAutosave,
  memoryStorage,
  needsConfirmBeforeReplace,
  startAutosave,
  type AutosaveRecord,
} from '../../src/store/autosave';
import { generationKey, INDEX_KEY, type AutosaveIndex } from '../../src/store/autosave-generations';
import { createCellStore } from '../../src/store/cell-store';
import { renameCell, setItemPose } from '../../src/store/commands';
import { sampleCell } from './store-fixtures';

/** The newest generation's record in a memory storage, or undefined when none was written. */
function newest(storage: ReturnType<typeof memoryStorage>): AutosaveRecord | undefined {
  const index = storage.data.get(INDEX_KEY) as AutosaveIndex | undefined;
  const last = index?.generations.at(-1);
  return last === undefined ? undefined : (storage.data.get(generationKey(last.id)) as AutosaveRecord);
}

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for changes to be quiet for debounceMs, then saves once', async () => {
    const store = createCellStore(sampleCell());
    const storage = memoryStorage();
    const set = vi.spyOn(storage, 'set');
    const stop = startAutosave(store, storage, { debounceMs: 500, now: () => 1234 });

    store.getState().execute(renameCell('A'));
    await vi.advanceTimersByTimeAsync(300);
    store.getState().execute(renameCell('B'));
    await vi.advanceTimersByTimeAsync(300);
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    // One record written (beside the index that lists it).
    expect(set.mock.calls.map(([key]) => key)).toEqual([generationKey(1), INDEX_KEY]);

    const saved = newest(storage);
    expect(saved).toMatchObject({ fileName: null, savedAt: 1234, dirty: true });
    expect(saved?.cell.name).toBe('B');
    stop();
  });

  it('saves nothing before the first change', async () => {
    const storage = memoryStorage();
    const stop = startAutosave(createCellStore(sampleCell()), storage);
    await vi.advanceTimersByTimeAsync(5000);
    expect(storage.data.size).toBe(0);
    stop();
  });

  it('does not save during a drag, and saves the result after it ends', async () => {
    const store = createCellStore(sampleCell());
    const storage = memoryStorage();
    const stop = startAutosave(store, storage, { debounceMs: 100 });
    store.getState().beginGesture('Move');
    for (let i = 0; i < 5; i++) {
      store.getState().updateGesture(setItemPose('table-1', { xyz: [i, 0, 0], rpy: [0, 0, 0] }));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(storage.data.size).toBe(0);
    store.getState().endGesture();
    await vi.advanceTimersByTimeAsync(100);
    expect(newest(storage)?.cell.items.find((i) => i.id === 'table-1')?.pose.xyz).toEqual([4, 0, 0]);
    stop();
  });

  it('stop writes a pending change at once and then stops listening', async () => {
    const store = createCellStore(sampleCell());
    const storage = memoryStorage();
    const stop = startAutosave(store, storage);
    store.getState().execute(renameCell('Pending'));
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(newest(storage)?.cell.name).toBe('Pending');
    store.getState().execute(renameCell('After stop'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(newest(storage)?.cell.name).toBe('Pending');
  });

  it('reports a failing write to onError instead of throwing', async () => {
    const store = createCellStore(sampleCell());
    const onError = vi.fn();
    const storage = { get: async () => undefined, set: () => Promise.reject(new Error('quota exceeded')) };
    const stop = startAutosave(store, storage, { debounceMs: 10, onError });
    store.getState().execute(renameCell('X'));
    await vi.advanceTimersByTimeAsync(10);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'quota exceeded' }));
    stop();
  });

  it('restores the last cell through memoryStorage, into a fresh store', async () => {
    const storage = memoryStorage();
    const first = createCellStore(sampleCell());
    const stop = startAutosave(first, storage, { now: () => 42 });
    first.getState().execute(renameCell('Restored'));
    first.getState().markSaved('restored.cell.json');
    await vi.advanceTimersByTimeAsync(500);
    stop();

    const record = newest(storage) ?? null;
    expect(record).toEqual({ cell: first.getState().cell, fileName: 'restored.cell.json', savedAt: 42, dirty: false });
    const choice = chooseStartupCell({ autosave: record, defaultCell: emptyCell() });
    const second = createCellStore(emptyCell());
    second.getState().loadCell(choice.cell, choice.fileName, { dirty: choice.dirty });
    expect(second.getState().cell).toEqual(first.getState().cell);
    expect(needsConfirmBeforeReplace(second.getState())).toBe(false);
  });
});

describe('loading an autosave', () => {
  it('returns null when there is none', async () => {
    expect(await loadAutosave(memoryStorage())).toBeNull();
  });

  it('returns null for a corrupt autosave instead of throwing', async () => {
    const bad = [
      'not an object',
      { cell: { schemaVersion: 1, name: 'x' }, fileName: null, savedAt: 1 },
      { cell: sampleCell(), fileName: 7, savedAt: 1 },
      { cell: sampleCell(), fileName: null, savedAt: 'yesterday' },
      { cell: { ...sampleCell(), schemaVersion: 99 }, fileName: null, savedAt: 1 },
    ];
    for (const value of bad) {
      expect(await loadAutosave(memoryStorage({ [AUTOSAVE_KEY]: value }))).toBeNull();
    }
    const throwing = { get: () => Promise.reject(new Error('IndexedDB is blocked')), set: async () => {} };
    expect(await loadAutosave(throwing)).toBeNull();
  });

  it('migrates an autosave written by an older CellTwin', async () => {
    const v0 = { version: 0, title: 'Old', objects: [] };
    const record = await loadAutosave(memoryStorage({ [AUTOSAVE_KEY]: { cell: v0, fileName: null, savedAt: 5 } }));
    expect(record?.cell.name).toBe('Old');
    expect(record?.dirty).toBe(true); // no flag stored: assume unsaved work
  });
});

describe('start-up and replace decisions', () => {
  it('chooses the autosave when there is one, else the default cell', () => {
    const defaultCell = emptyCell('Default');
    expect(chooseStartupCell({ autosave: null, defaultCell })).toEqual({ source: 'default', cell: defaultCell, fileName: null, dirty: false });
    const autosave: AutosaveRecord = { cell: sampleCell(), fileName: 'mine.cell.json', savedAt: 1, dirty: true };
    expect(chooseStartupCell({ autosave, defaultCell })).toEqual({ source: 'autosave', cell: autosave.cell, fileName: 'mine.cell.json', dirty: true });
  });

  it('asks before replacing only when there is unsaved work', () => {
    expect(needsConfirmBeforeReplace({ revision: 3, savedRevision: 3 })).toBe(false);
    expect(needsConfirmBeforeReplace({ revision: 4, savedRevision: 3 })).toBe(true);
  });
});
