/**
 * React binding of the app's document store — the only file in store/ that knows React, so that
 * cell-store.ts stays usable in tests, tools and the CLI.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { cellStore } from './app-store';
import type { CellState } from './cell-store';

export { cellStore };

/**
 * Subscribes a component to part of the document state; it re-renders when the selected value
 * changes (by `Object.is`). Return existing values (`s.cell.items`, `s.execute`), not new objects
 * or arrays built in the selector — those change on every call and make React loop; use
 * {@link useCellShallow} for those.
 */
export function useCell<T>(selector: (s: CellState) => T): T {
  return useStore(cellStore, selector);
}

/**
 * Like {@link useCell}, for selectors that build an object or array (`s => [s.canUndo, s.undo]`):
 * compares the result one level deep instead of by identity.
 */
export function useCellShallow<T>(selector: (s: CellState) => T): T {
  return useStore(cellStore, useShallow(selector));
}
