/**
 * Start-up: restore the last autosaved cell (or the embedded default cell), then render. The
 * autosave starts only after the document is in place, so it never overwrites the user's work
 * with the empty placeholder cell.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cellStore } from './store/app-store';
import { chooseStartupCell, idbStorage, loadAutosave, startAutosave, type AutosaveStorage } from './store/autosave';
import { App } from './ui/App';
import { defaultCell } from './ui/file-actions';
import { notify } from './ui/notices';
import './ui/app.css';

async function start(): Promise<void> {
  let storage: AutosaveStorage | null = null;
  try {
    storage = idbStorage();
  } catch {
    storage = null; // private windows may refuse IndexedDB: run without autosave
  }
  // `?fresh` opens the default cell whatever was autosaved (demos, tests).
  const fresh = new URLSearchParams(location.search).has('fresh');
  const autosave = storage && !fresh ? await loadAutosave(storage).catch(() => null) : null;
  const choice = chooseStartupCell({ autosave, defaultCell: defaultCell() });
  cellStore.getState().loadCell(choice.cell, choice.fileName, { dirty: choice.dirty });
  if (storage) startAutosave(cellStore, storage);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (choice.source === 'autosave') notify('info', `Restored "${choice.cell.name}" from the last session`);
}

void start();
