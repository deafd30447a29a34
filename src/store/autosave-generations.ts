/**
 * Autosave generations: the last few autosaved cells, each under its own key, with a small index
 * that says which ones are known to render. A cell that cannot be read, or that broke the page,
 * must never poison the next start: it is set aside (kept, listed, downloadable) and the newest
 * good generation opens instead.
 *
 * "Good" means the page rendered a frame with that cell on screen. A generation that was never
 * confirmed is opened once "on probation" (its `attempts` counted before it opens, so a tab that
 * dies on it does not retry it forever); the first frame confirms it, a render failure sets it
 * aside.
 */
import type { Cell } from '../model';
import { parseAutosaveRecord, type AutosaveRecord, type AutosaveStorage } from './autosave';

/** The key of the index. */
export const INDEX_KEY = 'celltwin:autosave:index';
/** The single record older CellTwin versions wrote; read once into the first generation. */
export const LEGACY_KEY = 'celltwin:autosave';
/** How many generations are kept (the newest good one is kept besides, however old). */
export const KEEP_GENERATIONS = 5;

/** The storage key of generation `id`. */
export const generationKey = (id: number): string => `celltwin:autosave:${id}`;

/** One autosaved generation, as the index lists it. */
export interface GenerationEntry {
  id: number;
  savedAt: number;
  /** The page rendered a frame with this cell. */
  good: boolean;
  /** Times it was opened at start-up without being confirmed. */
  attempts: number;
}

/** A record taken out of use, kept under its key until the user discards it. */
export interface SetAsideEntry {
  id: number;
  key: string;
  savedAt: number | null;
  /** Why, in words for the notice. */
  reason: string;
  setAsideAt: number;
}

/** What the index holds. Generations oldest first. */
export interface AutosaveIndex {
  generations: GenerationEntry[];
  setAside: SetAsideEntry[];
}

/** The result of {@link GenerationLog.open}. */
export interface OpenedGeneration {
  /** The record to open, or null: start from the default cell. */
  record: AutosaveRecord | null;
  id: number | null;
  /** Opened without a confirmed frame: the next frame confirms it, a failure sets it aside. */
  probation: boolean;
  /** Records set aside while choosing (each deserves a notice). */
  setAside: SetAsideEntry[];
}

const emptyIndex = (): AutosaveIndex => ({ generations: [], setAside: [] });

function readIndex(raw: unknown): AutosaveIndex | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { generations, setAside } = raw as Partial<AutosaveIndex>;
  if (!Array.isArray(generations) || !Array.isArray(setAside)) return null;
  const entries = generations.filter(
    (g): g is GenerationEntry => typeof g === 'object' && g !== null && Number.isInteger(g.id) && typeof g.savedAt === 'number' && typeof g.good === 'boolean',
  );
  return { generations: entries.map((g) => ({ ...g, attempts: Number.isInteger(g.attempts) ? g.attempts : 0 })), setAside };
}

/** Options of {@link createGenerationLog}. */
export interface GenerationLogOptions {
  keep?: number;
  now?: () => number;
}

/** The generations of one storage. One per page; every write goes through it. */
export interface GenerationLog {
  /** Chooses the cell to start with (see the module comment). Never throws. */
  open(): Promise<OpenedGeneration>;
  /** Writes a new generation; returns its id. */
  write(record: AutosaveRecord): Promise<number>;
  /** The page rendered a frame showing `cell`: confirms the generation holding it. */
  rendered(cell: Cell): void;
  /** The cell on probation failed to render: sets it aside. Returns the entry, or null when none was on probation. */
  failedToRender(reason: string): Promise<SetAsideEntry | null>;
  /** The newest good generation whose cell is not `current` (null when there is none). */
  lastGood(current?: Cell): Promise<{ id: number; record: AutosaveRecord } | null>;
  /** The stored value of a set-aside (or any) key, as it is, for download. */
  readRaw(key: string): Promise<unknown>;
  /** The index as last read or written (for tests and the notice). */
  index(): Promise<AutosaveIndex>;
}

/** A generation log over `storage`. */
export function createGenerationLog(storage: AutosaveStorage, options: GenerationLogOptions = {}): GenerationLog {
  const keep = options.keep ?? KEEP_GENERATIONS;
  const now = options.now ?? (() => Date.now());
  // Index updates are serialised: a write and a "good" mark must not overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  const load = async (): Promise<AutosaveIndex> => readIndex(await storage.get(INDEX_KEY).catch(() => null)) ?? emptyIndex();
  const update = (change: (index: AutosaveIndex) => void): Promise<AutosaveIndex> =>
    serial(async () => {
      const index = await load();
      change(index);
      await storage.set(INDEX_KEY, index);
      return index;
    });

  /** Cells the page rendered / wrote, by identity: the store replaces the cell on every change. */
  let lastRendered: Cell | null = null;
  const byCell = new WeakMap<Cell, number>();
  const confirmed = new Set<number>();
  let probation: { id: number; cell: Cell } | null = null;

  const markGood = (id: number): void => {
    if (confirmed.has(id)) return;
    confirmed.add(id);
    void update((index) => {
      const entry = index.generations.find((g) => g.id === id);
      if (entry) entry.good = true;
    }).catch(() => confirmed.delete(id));
  };

  const setAsideIn = (index: AutosaveIndex, entry: GenerationEntry | { id: number; savedAt: number | null }, key: string, reason: string): SetAsideEntry => {
    index.generations = index.generations.filter((g) => g.id !== entry.id);
    const aside: SetAsideEntry = { id: entry.id, key, savedAt: entry.savedAt, reason, setAsideAt: now() };
    index.setAside.push(aside);
    return aside;
  };

  const readRecord = async (key: string): Promise<{ record: AutosaveRecord } | { problem: string }> => {
    try {
      return parseAutosaveRecord(await storage.get(key));
    } catch (e) {
      return { problem: `it could not be read (${e instanceof Error ? e.message : String(e)})` };
    }
  };

  const open = (): Promise<OpenedGeneration> =>
    serial(async () => {
      const setAside: SetAsideEntry[] = [];
      let index = readIndex(await storage.get(INDEX_KEY).catch(() => null));
      if (index === null) {
        index = emptyIndex();
        // An autosave from before generations: it becomes generation 1, on probation like any unconfirmed one.
        const legacy = await storage.get(LEGACY_KEY).catch(() => undefined);
        if (legacy !== undefined) {
          await storage.set(generationKey(1), legacy);
          const savedAt = typeof (legacy as { savedAt?: unknown } | null)?.savedAt === 'number' ? (legacy as { savedAt: number }).savedAt : 0;
          index.generations.push({ id: 1, savedAt, good: false, attempts: 0 });
        }
      }
      let chosen: OpenedGeneration | null = null;
      for (const entry of [...index.generations].reverse()) {
        const key = generationKey(entry.id);
        const read = await readRecord(key);
        if ('problem' in read) {
          setAside.push(setAsideIn(index, entry, key, read.problem));
          continue;
        }
        if (!entry.good && entry.attempts > 0) {
          setAside.push(setAsideIn(index, entry, key, 'the page could not show it when it was last opened'));
          continue;
        }
        if (!entry.good) {
          entry.attempts += 1;
          probation = { id: entry.id, cell: read.record.cell };
        }
        byCell.set(read.record.cell, entry.id);
        chosen = { record: read.record, id: entry.id, probation: !entry.good, setAside };
        break;
      }
      await storage.set(INDEX_KEY, index).catch(() => undefined);
      return chosen ?? { record: null, id: null, probation: false, setAside };
    }).catch(() => ({ record: null, id: null, probation: false, setAside: [] }));

  let lastWritten: { id: number; cell: Cell } | null = null;
  const write = async (record: AutosaveRecord): Promise<number> => {
    let id = 0;
    const good = record.cell === lastRendered;
    await serial(async () => {
      const index = await load();
      // The same cell again (saved to a file, renamed file): overwrite its generation, keep history.
      const same = lastWritten !== null && lastWritten.cell === record.cell ? index.generations.find((g) => g.id === lastWritten?.id) : undefined;
      if (same) {
        id = same.id;
        await storage.set(generationKey(id), record);
        same.savedAt = record.savedAt;
        same.good ||= good;
        await storage.set(INDEX_KEY, index);
        return;
      }
      id = Math.max(0, ...index.generations.map((g) => g.id), ...index.setAside.map((s) => s.id)) + 1;
      await storage.set(generationKey(id), record);
      index.generations.push({ id, savedAt: record.savedAt, good, attempts: 0 });
      // Drop the oldest beyond `keep`, but never the newest good one: it is what a bad start falls back to.
      const newestGood = [...index.generations].reverse().find((g) => g.good)?.id;
      const excess = index.generations.length - keep;
      const drop = index.generations.slice(0, Math.max(0, excess)).filter((g) => g.id !== newestGood);
      index.generations = index.generations.filter((g) => !drop.includes(g));
      await storage.set(INDEX_KEY, index);
      for (const g of drop) await storage.del?.(generationKey(g.id));
    });
    byCell.set(record.cell, id);
    lastWritten = { id, cell: record.cell };
    if (good) confirmed.add(id);
    return id;
  };

  return {
    open,
    write,
    rendered(cell) {
      lastRendered = cell;
      const id = byCell.get(cell);
      if (probation && probation.cell === cell) probation = null;
      if (id !== undefined) markGood(id);
    },
    async failedToRender(reason) {
      const current = probation;
      if (!current) return null;
      probation = null;
      let aside: SetAsideEntry | null = null;
      await update((index) => {
        const entry = index.generations.find((g) => g.id === current.id);
        if (entry) aside = setAsideIn(index, entry, generationKey(entry.id), reason);
      });
      return aside;
    },
    async lastGood(current) {
      const index = await load();
      for (const entry of [...index.generations].reverse()) {
        if (!entry.good && !confirmed.has(entry.id)) continue;
        if (current !== undefined && byCell.get(current) === entry.id) continue;
        const read = await readRecord(generationKey(entry.id));
        if ('record' in read) return { id: entry.id, record: read.record };
      }
      return null;
    },
    readRaw: (key) => storage.get(key),
    index: () => serial(load),
  };
}
