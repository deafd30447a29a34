/**
 * The app's one document store. It starts empty; the UI loads the start-up cell into it
 * (see `chooseStartupCell` in autosave.ts), so that modules can import the store without
 * waiting for the default cell or the autosave.
 */
import { emptyCell } from '../model';
import { createCellStore } from './cell-store';

/** The document store the page, the panels and the tools share. */
export const cellStore = createCellStore(emptyCell());
