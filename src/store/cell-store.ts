/**
 * The document store: one cell, the selection, and undo/redo. A vanilla zustand store so that it
 * works without React (tests, tools, the CLI); `use-cell.ts` is the thin React binding.
 *
 * History keeps whole-cell snapshots rather than inverse operations: commands are pure and share
 * unchanged items with the previous cell, so a snapshot costs little and undo can never drift
 * from what the command actually did. Change the document only through the actions below —
 * a raw `setState({ cell })` would bypass history and break undo.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { settleMounts, type Cell } from '../model';
import { deepEqual } from './json';

/** An edit that would make the cell invalid (unknown id, duplicate id, bad value). */
export class EditError extends Error {
  override name = 'EditError';
}

/** One edit of the document. `apply` is pure: it returns a new Cell and never mutates its input. */
export interface EditCommand {
  /** Shown in the UI as "Undo <label>". */
  label: string;
  apply(cell: Cell): Cell;
  /**
   * Optional: the selection after the edit (e.g. the new item after an add). Without it the
   * selection stays as it was, minus ids that no longer exist. Ignored inside a gesture.
   */
  select?(after: Cell, selection: readonly string[]): string[];
}

/** State and actions of the document store. */
export interface CellState {
  cell: Cell;
  /** Selected ids (items, or targets); always ids that exist in `cell`. */
  selection: string[];
  /** Name of the .cell.json it came from / was saved to. */
  fileName: string | null;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Increments on every document change (drives autosave and the dirty flag). Never goes back. */
  revision: number;
  /** `revision` at the last save to file; `revision !== savedRevision` means unsaved work. */
  savedRevision: number;
  /** True between beginGesture and endGesture/cancelGesture. */
  gestureActive: boolean;
  /**
   * The last edit refused because it would make the cell invalid (an {@link EditError} from a
   * command): the cell stayed as it was. A new object each time, so a subscriber sees repeats.
   */
  lastError: { label: string; message: string } | null;

  /**
   * Applies a command as one undo entry. Does nothing (no entry) when the cell is unchanged.
   * An EditError from the command is caught and put in `lastError`; other errors propagate.
   */
  execute(cmd: EditCommand): void;
  /** Starts a drag: remembers the cell as it is now. A gesture still open is ended first. */
  beginGesture(label: string): void;
  /**
   * Shows the drag's current effect: `cmd` is applied to the cell as it was at beginGesture, not
   * to the previous update, so a drag command holds the total offset. No history entry.
   * Without an open gesture, one is begun with `cmd.label`.
   */
  updateGesture(cmd: EditCommand): void;
  /** Ends the drag as one undo entry (none if the cell ends as it began). */
  endGesture(): void;
  /** Abandons the drag: the cell goes back to what it was at beginGesture. */
  cancelGesture(): void;
  /** Steps back one entry; in the middle of a drag, cancels the drag instead. */
  undo(): void;
  /** Steps forward one entry; ignored in the middle of a drag. */
  redo(): void;
  /** Replaces the selection (unknown ids are dropped). Never enters history. */
  select(ids: readonly string[]): void;
  /**
   * Replaces the document (open file, new, restore): clears history, prunes the selection.
   * The result counts as saved unless `options.dirty` (e.g. an autosave with unsaved work).
   */
  loadCell(cell: Cell, fileName: string | null, options?: { dirty?: boolean }): void;
  /** Records a save to file: remembers the name and marks the current revision as saved. */
  markSaved(fileName: string): void;
}

/** Options of {@link createCellStore}. */
export interface CellStoreOptions {
  /** Most undo entries kept; older ones are dropped. Default 200. */
  historyLimit?: number;
}

/** The default number of undo entries kept. */
export const DEFAULT_HISTORY_LIMIT = 200;

interface Entry {
  label: string;
  before: Cell;
  after: Cell;
  // The selection each side last had; updated on undo/redo so that returning to a state also
  // returns to what the user had selected there.
  selectionBefore: readonly string[];
  selectionAfter: readonly string[];
}

/** Ids that can be selected in `cell`: its items and its targets. */
function selectableIds(cell: Cell): Set<string> {
  return new Set([...cell.items.map((i) => i.id), ...cell.targets.map((t) => t.id)]);
}

/** `ids` without unknown ids and duplicates; returns `ids` itself when nothing changes, so selectors see a stable array. */
export function pruneSelection(ids: readonly string[], cell: Cell): string[] {
  const known = selectableIds(cell);
  const seen = new Set<string>();
  const out = ids.filter((id) => known.has(id) && !seen.has(id) && seen.add(id));
  return out.length === ids.length ? (ids as string[]) : out;
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** `next`, or `prev` itself when they hold the same ids, so that selection subscribers stay quiet. */
const stable = (prev: string[], next: string[]): string[] => (sameIds(prev, next) ? prev : next);

/** Creates a document store holding `initial`, with empty history. */
export function createCellStore(initial: Cell, options: CellStoreOptions = {}): StoreApi<CellState> {
  const limit = Math.max(0, Math.floor(options.historyLimit ?? DEFAULT_HISTORY_LIMIT));
  // History lives outside the zustand state: it is not UI state, and keeping it here means no
  // subscriber re-renders for it. The state exposes only the flags derived from it.
  let past: Entry[] = [];
  let future: Entry[] = [];
  let gesture: { label: string; base: Cell; selection: readonly string[] } | null = null;

  const flags = () => ({
    canUndo: past.length > 0,
    canRedo: future.length > 0,
    undoLabel: past.at(-1)?.label ?? null,
    redoLabel: future.at(-1)?.label ?? null,
  });

  return createStore<CellState>()((set, get) => {
    const record = (entry: Entry): void => {
      past.push(entry);
      if (past.length > limit) past.splice(0, past.length - limit);
      future = []; // a new edit forks history: the undone branch is gone, as in every editor
    };

    /**
     * Runs a command; an EditError becomes `lastError` and the result `null` (document untouched).
     * Every result passes through settleMounts, so that whatever a command moved, mounted robots
     * stay on their pedestals and tracks; history stores the settled cell, so undo is exact.
     */
    const run = (cmd: EditCommand, cell: Cell): Cell | null => {
      try {
        const next = cmd.apply(cell);
        return next === cell ? next : settleMounts(cell, next);
      } catch (e) {
        if (!(e instanceof EditError)) throw e;
        set({ lastError: { label: cmd.label, message: e.message } });
        return null;
      }
    };

    const commitGesture = (): void => {
      if (gesture === null) return;
      const g = gesture;
      gesture = null;
      const s = get();
      if (!deepEqual(s.cell, g.base)) {
        record({ label: g.label, before: g.base, after: s.cell, selectionBefore: g.selection, selectionAfter: s.selection });
      }
      set({ gestureActive: false, ...flags() });
    };

    return {
      cell: initial,
      selection: [],
      fileName: null,
      revision: 0,
      savedRevision: 0,
      gestureActive: false,
      lastError: null,
      ...flags(),

      execute(cmd) {
        commitGesture(); // an edit arriving mid-drag: the drag becomes its own entry first
        const s = get();
        const after = run(cmd, s.cell);
        if (after === null || after === s.cell || deepEqual(after, s.cell)) return;
        const selection = stable(s.selection, pruneSelection(cmd.select ? cmd.select(after, s.selection) : s.selection, after));
        record({ label: cmd.label, before: s.cell, after, selectionBefore: s.selection, selectionAfter: selection });
        set({ cell: after, selection, revision: s.revision + 1, ...flags() });
      },

      beginGesture(label) {
        commitGesture();
        const s = get();
        gesture = { label, base: s.cell, selection: s.selection };
        set({ gestureActive: true });
      },

      updateGesture(cmd) {
        if (gesture === null) get().beginGesture(cmd.label);
        const base = (gesture as NonNullable<typeof gesture>).base;
        const s = get();
        const next = run(cmd, base);
        if (next === null || next === s.cell) return; // a refused move leaves the last good one on screen
        set({ cell: next, selection: pruneSelection(s.selection, next), revision: s.revision + 1 });
      },

      endGesture: commitGesture,

      cancelGesture() {
        if (gesture === null) return;
        const g = gesture;
        gesture = null;
        const s = get();
        const changed = s.cell !== g.base;
        set({
          cell: g.base,
          selection: pruneSelection(s.selection, g.base),
          revision: changed ? s.revision + 1 : s.revision,
          gestureActive: false,
        });
      },

      undo() {
        if (gesture !== null) return get().cancelGesture();
        const entry = past.pop();
        if (entry === undefined) return;
        const s = get();
        entry.selectionAfter = s.selection;
        future.push(entry);
        set({ cell: entry.before, selection: stable(s.selection, pruneSelection(entry.selectionBefore, entry.before)), revision: s.revision + 1, ...flags() });
      },

      redo() {
        if (gesture !== null) return;
        const entry = future.pop();
        if (entry === undefined) return;
        const s = get();
        entry.selectionBefore = s.selection;
        past.push(entry);
        set({ cell: entry.after, selection: stable(s.selection, pruneSelection(entry.selectionAfter, entry.after)), revision: s.revision + 1, ...flags() });
      },

      select(ids) {
        const s = get();
        const selection = pruneSelection(ids, s.cell);
        if (!sameIds(selection, s.selection)) set({ selection: selection === ids ? [...ids] : selection });
      },

      loadCell(cell, fileName, opts = {}) {
        gesture = null;
        past = [];
        future = [];
        const s = get();
        const revision = s.revision + 1;
        set({
          cell,
          fileName,
          selection: pruneSelection(s.selection, cell),
          revision,
          savedRevision: opts.dirty === true ? s.savedRevision : revision,
          gestureActive: false,
          ...flags(),
        });
      },

      markSaved(fileName) {
        set({ fileName, savedRevision: get().revision });
      },
    };
  });
}
