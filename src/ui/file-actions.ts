/**
 * New / open / save flows of the top bar and the keyboard. Opening never touches the cell on
 * screen unless the file is valid, and asks before discarding unsaved edits.
 */
import defaultCellText from '../../assets/cells/default.cell.json?raw';
import { readCell, type Cell } from '../model';
import { cellStore } from '../store/app-store';
import { CELL_FILE_ACCEPT, cellFileName, downloadCell, readCellFile } from '../store/cell-file';
import { needsConfirmBeforeReplace } from '../store/autosave';
import { ask, notify } from './notices';

/** The embedded default cell (assets/cells/default.cell.json), validated like any other file. */
export function defaultCell(): Cell {
  const result = readCell(defaultCellText);
  if (!result.ok) throw new Error(`assets/cells/default.cell.json is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.cell;
}

async function okToReplace(action: string): Promise<boolean> {
  if (!needsConfirmBeforeReplace(cellStore.getState())) return true;
  return ask(`${action}?`, 'The open cell has changes that were not saved to a file. They will be lost (the autosave keeps only the latest cell).', action);
}

/** Reads and opens a `.cell.json` file; on any problem, shows it and leaves the cell as it was. */
export async function openCellFile(file: File): Promise<boolean> {
  const result = await readCellFile(file);
  if (!result.ok) {
    notify('error', `Could not open ${file.name}: the cell on screen is unchanged`, result.message.split('\n'));
    return false;
  }
  if (!(await okToReplace(`Open ${file.name}`))) return false;
  cellStore.getState().loadCell(result.cell, file.name);
  notify('info', `Opened ${file.name}`, result.migrations.map((m) => `migrated: ${m}`));
  return true;
}

/** Lets the user pick a cell file with the browser's file dialog. */
export function pickAndOpenCellFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = CELL_FILE_ACCEPT;
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void openCellFile(file);
  };
  input.click();
}

/** Downloads the cell as `<name>.cell.json` and marks it saved. */
export function saveCellFile(): void {
  const { cell, fileName, markSaved } = cellStore.getState();
  const name = fileName ?? cellFileName(cell);
  downloadCell(cell, name);
  markSaved(name);
  notify('info', `Saved ${name}`);
}
