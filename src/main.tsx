/**
 * Start-up: restore the last autosaved cell (or the embedded default cell), then render. The
 * autosave starts only after the document is in place, so it never overwrites the user's work
 * with the empty placeholder cell.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cellStore } from './store/app-store';
import { chooseStartupCell, idbStorage, loadAutosave, startAutosave } from './store/autosave';
import { App } from './ui/App';
import { defaultCell } from './ui/file-actions';
import { notify } from './ui/notices';
import './ui/app.css';

async function start(): Promise<void> {
  // IndexedDB opens lazily: a refusal (private windows) surfaces as a null autosave, not a throw.
  const storage = idbStorage();
  // `?fresh` opens the default cell whatever was autosaved (demos, tests).
  const fresh = new URLSearchParams(location.search).has('fresh');
  const autosave = fresh ? null : await loadAutosave(storage);
  const choice = chooseStartupCell({ autosave, defaultCell: defaultCell() });
  cellStore.getState().loadCell(choice.cell, choice.fileName, { dirty: choice.dirty });
  startAutosave(cellStore, storage);
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
