/**
 * Every edit the UI makes goes through here. The store refuses a command that would make the
 * cell invalid (it records `lastError` and leaves the cell alone); the user is told why.
 */
import { cellStore } from '../store/app-store';
import type { EditCommand } from '../store/cell-store';
import { notify } from './notices';
import { refuseIfReadOnly } from './session';

/** Executes `cmd` as one undo entry; returns false, and says why, when the store refused it. */
export function edit(cmd: EditCommand): boolean {
  if (refuseIfReadOnly()) return false;
  const before = cellStore.getState().lastError;
  cellStore.getState().execute(cmd);
  const after = cellStore.getState().lastError;
  if (after === null || after === before) return true;
  notify('error', `${after.label}: not done`, [after.message]);
  return false;
}
