/**
 * Start-up: restore the last autosaved cell (or the embedded default cell), then render. The
 * autosave starts only after the document is in place, so it never overwrites the user's work
 * with the empty placeholder cell.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cellStore } from './store/app-store';
import { decodeShareFragment, shareErrorLines } from './io/share-link';
import { chooseStartupCell, idbStorage, loadAutosave } from './store/autosave';
import { beginAutosave, sessionStore } from './ui/session';
import { App } from './ui/App';
import { defaultCell } from './ui/file-actions';
import { notify } from './ui/notices';
import './ui/app.css';

async function start(): Promise<void> {
  const shared = decodeShareFragment(location.hash);
  if (shared.kind === 'cell') {
    // A shared link opens read-only and leaves the visitor's autosaved work alone.
    cellStore.getState().loadCell(shared.cell, null);
    sessionStore.setState({ readOnly: true });
  } else {
    // IndexedDB opens lazily: a refusal (private windows) surfaces as a null autosave, not a throw.
    // `?fresh` opens the default cell whatever was autosaved (demos, tests).
    const fresh = new URLSearchParams(location.search).has('fresh');
    const autosave = fresh ? null : await loadAutosave(idbStorage());
    const choice = chooseStartupCell({ autosave, defaultCell: defaultCell() });
    cellStore.getState().loadCell(choice.cell, choice.fileName, { dirty: choice.dirty });
    beginAutosave();
    if (choice.source === 'autosave') notify('info', `Restored "${choice.cell.name}" from the last session`);
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (shared.kind === 'error') notify('error', shared.message, shareErrorLines(shared));
}

void start();
