/**
 * Autosave generations: the last few cells are kept, a start opens the newest one known to
 * render, and a record that cannot be read or that broke the page is set aside (kept under its
 * key, listed with the reason), never dropped.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell, type Cell } from '../../src/model';
import { AUTOSAVE_KEY, memoryStorage, type AutosaveRecord } from '../../src/store/autosave';
import { createGenerationLog, generationKey, INDEX_KEY, KEEP_GENERATIONS, type AutosaveIndex } from '../../src/store/autosave-generations';
import { sampleCell } from './store-fixtures';

const record = (cell: Cell, savedAt: number): AutosaveRecord => ({ cell, fileName: null, savedAt, dirty: true });
const named = (name: string): Cell => ({ ...sampleCell(), name });
const indexOf = (storage: ReturnType<typeof memoryStorage>) => storage.data.get(INDEX_KEY) as AutosaveIndex;

describe('writing generations', () => {
  it('keeps the last five generations and deletes the older ones', async () => {
    const storage = memoryStorage();
    const log = createGenerationLog(storage, { now: () => 0 });
    for (let i = 1; i <= 8; i++) {
      const cell = named(`v${i}`);
      log.rendered(cell); // each one displayed before it was saved: all good
      await log.write(record(cell, i));
    }
    expect(KEEP_GENERATIONS).toBe(5);
    expect(indexOf(storage).generations.map((g) => g.id)).toEqual([4, 5, 6, 7, 8]);
    expect(storage.data.has(generationKey(3))).toBe(false);
    expect((storage.data.get(generationKey(8)) as AutosaveRecord).cell.name).toBe('v8');
  });

  it('marks a generation good when a frame shows its cell, before or after the save', async () => {
    const storage = memoryStorage();
    const log = createGenerationLog(storage);
    const shownFirst = named('shown first');
    log.rendered(shownFirst);
    await log.write(record(shownFirst, 1));
    const savedFirst = named('saved first');
    await log.write(record(savedFirst, 2));
    expect(indexOf(storage).generations.map((g) => g.good)).toEqual([true, false]);
    log.rendered(savedFirst);
    // index() waits for the mark, which goes through the same queue as every write.
    expect((await log.index()).generations.map((g) => g.good)).toEqual([true, true]);
  });

  it('never prunes the newest good generation, however many unconfirmed ones follow it', async () => {
    const storage = memoryStorage();
    const log = createGenerationLog(storage);
    const good = named('good');
    log.rendered(good);
    await log.write(record(good, 1));
    for (let i = 2; i <= 9; i++) await log.write(record(named(`broken ${i}`), i));
    const ids = indexOf(storage).generations.map((g) => g.id);
    expect(ids).toEqual([1, 5, 6, 7, 8, 9]); // the five newest, and the good one besides
    expect((await log.lastGood())?.record.cell.name).toBe('good');
  });
});

describe('opening at start-up', () => {
  it('opens the newest good generation', async () => {
    const storage = memoryStorage();
    const writer = createGenerationLog(storage);
    for (const name of ['a', 'b']) {
      const cell = named(name);
      writer.rendered(cell);
      await writer.write(record(cell, 1));
    }
    const opened = await createGenerationLog(storage).open();
    expect(opened).toMatchObject({ id: 2, probation: false, setAside: [] });
    expect(opened.record?.cell.name).toBe('b');
  });

  it('sets an unreadable record aside, keeps it, and opens the previous good one', async () => {
    const storage = memoryStorage();
    const writer = createGenerationLog(storage, { now: () => 77 });
    const good = named('good');
    writer.rendered(good);
    await writer.write(record(good, 1));
    writer.rendered(named('later'));
    await writer.write(record(named('later'), 2));
    // The newest record got damaged in storage (a half-written value, an older build's bug…).
    storage.data.set(generationKey(2), { cell: { schemaVersion: 1, name: 'x' }, fileName: null, savedAt: 2 });

    const opened = await createGenerationLog(storage, { now: () => 99 }).open();
    expect(opened.record?.cell.name).toBe('good');
    expect(opened.setAside).toHaveLength(1);
    expect(opened.setAside[0]).toMatchObject({ id: 2, key: generationKey(2), savedAt: 2, setAsideAt: 99 });
    expect(opened.setAside[0]?.reason).toMatch(/^its cell is not valid \(.+\)/);
    // Kept, not deleted, and listed in the index for later.
    expect(storage.data.get(generationKey(2))).toMatchObject({ cell: { name: 'x' } });
    expect(indexOf(storage).setAside.map((s) => s.id)).toEqual([2]);
    expect(indexOf(storage).generations.map((g) => g.id)).toEqual([1]);
  });

  it('opens an unconfirmed generation once on probation; if it never renders, the next start sets it aside', async () => {
    const storage = memoryStorage();
    const writer = createGenerationLog(storage);
    const good = named('good');
    writer.rendered(good);
    await writer.write(record(good, 1));
    await writer.write(record(named('never shown'), 2));

    const first = await createGenerationLog(storage).open();
    expect(first).toMatchObject({ id: 2, probation: true });
    expect(indexOf(storage).generations.find((g) => g.id === 2)?.attempts).toBe(1);

    // The tab died before a frame: the second start does not try it again.
    const second = await createGenerationLog(storage).open();
    expect(second).toMatchObject({ id: 1, probation: false });
    expect(second.setAside.map((s) => [s.id, s.reason])).toEqual([[2, 'the page could not show it when it was last opened']]);
  });

  it('confirms the probation cell on its first frame', async () => {
    const storage = memoryStorage();
    await createGenerationLog(storage).write(record(named('unconfirmed'), 1));
    const log = createGenerationLog(storage);
    const opened = await log.open();
    expect(opened.probation).toBe(true);
    log.rendered(opened.record!.cell);
    expect((await log.index()).generations).toEqual([{ id: 1, savedAt: 1, good: true, attempts: 1 }]);
    expect(await log.failedToRender('too late')).toBeNull(); // confirmed: no longer on probation
  });

  it('sets the probation cell aside when it fails to render, then offers the previous good one', async () => {
    const storage = memoryStorage();
    const writer = createGenerationLog(storage);
    const good = named('good');
    writer.rendered(good);
    await writer.write(record(good, 1));
    await writer.write(record(named('breaks the scene'), 2));

    const log = createGenerationLog(storage, { now: () => 5 });
    const opened = await log.open();
    const aside = await log.failedToRender('the 3D view failed on it (JointLimitError)');
    expect(aside).toEqual({ id: 2, key: generationKey(2), savedAt: 2, reason: 'the 3D view failed on it (JointLimitError)', setAsideAt: 5 });
    expect((await log.lastGood(opened.record!.cell))?.record.cell.name).toBe('good');
    expect(storage.data.has(generationKey(2))).toBe(true);
    expect(await log.readRaw(generationKey(2))).toMatchObject({ cell: { name: 'breaks the scene' } });
  });

  it('skips the cell on screen when asked for the last good one', async () => {
    const storage = memoryStorage();
    const log = createGenerationLog(storage);
    const older = named('older');
    log.rendered(older);
    await log.write(record(older, 1));
    const current = named('current');
    log.rendered(current);
    await log.write(record(current, 2));
    expect((await log.lastGood(current))?.record.cell.name).toBe('older');
    expect((await log.lastGood())?.record.cell.name).toBe('current');
  });

  it('turns the single autosave of an older version into generation 1', async () => {
    const legacy = record(emptyCell('From last year'), 10);
    const storage = memoryStorage({ [AUTOSAVE_KEY]: legacy });
    const opened = await createGenerationLog(storage).open();
    expect(opened.record?.cell.name).toBe('From last year');
    expect(opened.id).toBe(1);
    expect(storage.data.get(AUTOSAVE_KEY)).toEqual(legacy); // left where it was
  });

  it('starts from the default cell when every record is bad, listing each one', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: {
        generations: [
          { id: 1, savedAt: 1, good: true, attempts: 0 },
          { id: 2, savedAt: 2, good: true, attempts: 0 },
        ],
        setAside: [],
      },
      [generationKey(1)]: 'not an object',
    });
    const opened = await createGenerationLog(storage).open();
    expect(opened.record).toBeNull();
    expect(opened.setAside.map((s) => [s.id, s.reason])).toEqual([
      [2, 'it is missing from the browser storage'],
      [1, 'it holds no cell'],
    ]);
  });

  it('never throws when the storage refuses to open', async () => {
    const refusing = { get: () => Promise.reject(new Error('IndexedDB is blocked')), set: () => Promise.reject(new Error('blocked')) };
    expect(await createGenerationLog(refusing).open()).toEqual({ record: null, id: null, probation: false, setAside: [] });
  });
});
