/**
 * Autosave: the document goes to IndexedDB shortly after every change, so that a closed tab or a
 * crash loses nothing, and the next start brings the last cell back. Each save is a new
 * generation (autosave-generations.ts keeps the last few and knows which ones rendered).
 *
 * Start-up order for the UI: `log.open()` → `chooseStartupCell` → `loadCell` → `startAutosave`
 * (starting autosave first would save the placeholder empty cell over the user's work).
 */
import { createStore as createIdbStore, del as idbDel, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval';
import type { StoreApi } from 'zustand/vanilla';
import { migrateCell, validateCell, type Cell } from '../model';
import type { CellState } from './cell-store';
import { createGenerationLog, type GenerationLog } from './autosave-generations';

/** Where autosaves go: IndexedDB in the page, memory in tests. */
export interface AutosaveStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Removes a key (pruning old generations); storages without it keep everything. */
  del?(key: string): Promise<void>;
}

/** The key of the single autosave record older versions wrote (now generation 1 on first start). */
export const AUTOSAVE_KEY = 'celltwin:autosave';

/** What an autosave holds. */
export interface AutosaveRecord {
  cell: Cell;
  fileName: string | null;
  /** When it was written, in ms since the epoch (from the injected clock). */
  savedAt: number;
  /** True when the cell had changes not saved to file; restored as the store's dirty flag. */
  dirty: boolean;
}

/** Storage in IndexedDB via idb-keyval. The database opens on first use, not on creation. */
export function idbStorage(dbName = 'celltwin', storeName = 'autosave'): AutosaveStorage {
  let db: UseStore | null = null;
  const store = (): UseStore => (db ??= createIdbStore(dbName, storeName));
  return {
    get: (key) => idbGet(key, store()),
    set: (key, value) => idbSet(key, value, store()),
    del: (key) => idbDel(key, store()),
  };
}

/**
 * Storage in a Map, for tests. Values are structured-cloned on the way in and out, as IndexedDB
 * does, so a test cannot pass by sharing objects with the store.
 */
export function memoryStorage(initial: Record<string, unknown> = {}): AutosaveStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    del: async (key) => void data.delete(key),
  };
}

/** Options of {@link startAutosave}. */
export interface AutosaveOptions {
  /** Quiet time after the last change before saving, in ms. Default 500. */
  debounceMs?: number;
  /** The clock for `savedAt`. Default `Date.now`. */
  now?: () => number;
  /** Where generations go; default: a log over `storage`. Pass the page's log so frames confirm them. */
  log?: GenerationLog;
  /** Called when the storage refuses a write (quota, private mode). Default: console.warn. */
  onError?: (error: unknown) => void;
}

/**
 * Saves `{cell, fileName, savedAt, dirty}` once changes have been quiet for `debounceMs`. Nothing
 * is written during a drag (the half-dragged cell is in no undo entry); the drag's end triggers
 * the save. Returns `stop`, which unsubscribes and writes any pending change at once.
 */
export function startAutosave(store: StoreApi<CellState>, storage: AutosaveStorage, options: AutosaveOptions = {}): () => void {
  const { debounceMs = 500, now = () => Date.now() } = options;
  const log = options.log ?? createGenerationLog(storage, { now });
  const onError = options.onError ?? ((e: unknown) => console.warn('CellTwin autosave failed:', e));
  let timer: ReturnType<typeof setTimeout> | null = null;

  const save = (): void => {
    timer = null;
    const s = store.getState();
    if (s.gestureActive) return;
    const record: AutosaveRecord = { cell: s.cell, fileName: s.fileName, savedAt: now(), dirty: s.revision !== s.savedRevision };
    // A rejected write must not become an unhandled rejection; storage.set may also throw synchronously.
    try {
      log.write(record).catch(onError);
    } catch (e) {
      onError(e);
    }
  };
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.cell !== prev.cell || s.fileName !== prev.fileName || s.savedRevision !== prev.savedRevision || s.gestureActive !== prev.gestureActive;
    if (!changed) return;
    cancel();
    if (!s.gestureActive) timer = setTimeout(save, debounceMs);
  });

  return () => {
    unsubscribe();
    if (timer !== null) {
      cancel();
      save();
    }
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a stored record. The cell is migrated and validated like a file, since it may come from
 * an older CellTwin. Never throws: a bad record gives the problem in words.
 */
export function parseAutosaveRecord(raw: unknown): { record: AutosaveRecord } | { problem: string } {
  try {
    if (raw === undefined) return { problem: 'it is missing from the browser storage' };
    if (!isObject(raw) || !isObject(raw['cell'])) return { problem: 'it holds no cell' };
    const { fileName, savedAt, dirty } = raw;
    if (fileName !== null && typeof fileName !== 'string') return { problem: 'its file name is not text' };
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return { problem: 'it has no time of saving' };
    const result = validateCell(migrateCell(raw['cell']).doc);
    if (!result.ok) {
      const first = result.problems[0];
      return { problem: `its cell is not valid (${first ? `${first.path}: ${first.message}` : 'unknown problem'}${result.problems.length > 1 ? ` and ${result.problems.length - 1} more` : ''})` };
    }
    // An autosave without the flag is treated as unsaved work: asking once too often beats losing work.
    return { record: { cell: result.cell, fileName, savedAt, dirty: typeof dirty === 'boolean' ? dirty : true } };
  } catch (e) {
    return { problem: `it could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

/**
 * Reads one autosave record back (default: the single record of older versions). Anything
 * missing, unreadable or invalid gives null; this never throws.
 */
export async function loadAutosave(storage: AutosaveStorage, key = AUTOSAVE_KEY): Promise<AutosaveRecord | null> {
  try {
    const parsed = parseAutosaveRecord(await storage.get(key));
    return 'record' in parsed ? parsed.record : null;
  } catch {
    return null;
  }
}

/** What to show at start-up, and how to load it: `loadCell(cell, fileName, { dirty })`. */
export interface StartupChoice {
  source: 'autosave' | 'default';
  cell: Cell;
  fileName: string | null;
  dirty: boolean;
}

/** The last cell if there is an autosave, else the default cell. Pure. */
export function chooseStartupCell(input: { autosave: AutosaveRecord | null; defaultCell: Cell }): StartupChoice {
  const { autosave, defaultCell } = input;
  if (autosave === null) return { source: 'default', cell: defaultCell, fileName: null, dirty: false };
  return { source: 'autosave', cell: autosave.cell, fileName: autosave.fileName, dirty: autosave.dirty };
}

/**
 * True when replacing the document (open, new) would drop work not saved to file; the UI asks
 * the user first: the autosave is no safety net here, it holds the replacement moments later.
 */
export function needsConfirmBeforeReplace(state: Pick<CellState, 'revision' | 'savedRevision'>): boolean {
  return state.revision !== state.savedRevision;
}
