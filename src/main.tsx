/**
 * Start-up: restore the last good autosaved cell (or the embedded default cell), then render. The
 * autosave starts only after the document is in place, so it never overwrites the user's work
 * with the empty placeholder cell. Every region of the page sits in an error boundary, and the
 * whole app in one more, so nothing a cell does can leave a white page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cellStore } from './store/app-store';
import { decodeShareFragment, SHARE_KEY, shareErrorLines } from './io/share-link';
import { beginAutosave, sessionStore } from './ui/session';
import { isEmbedQuery } from './ui/embed/embed-options';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { defaultCell } from './ui/file-actions';
import { notify } from './ui/notices';
import { openStartupCell } from './ui/recovery';
import { fetchCellUrl } from './ui/tour/fetch-cell-url';
import './ui/app.css';
import './ui/page.css';

async function start(): Promise<void> {
  if (isEmbedQuery(location.search)) {
    // `?embed`: the scene and a KPI strip only, from its own chunk (no editor code is loaded).
    const { startEmbed } = await import('./ui/embed/embed-start');
    await startEmbed();
    return;
  }
  const { App } = await import('./ui/App');
  const shared = decodeShareFragment(location.hash);
  // `?cell=URL` (as "Open in CellTwin" of an embed gives it): a linked cell file, read-only like a share link.
  const cellUrl = shared.kind === 'none' ? new URLSearchParams(location.search).get('cell') : null;
  const linked = cellUrl === null ? null : await fetchCellUrl(cellUrl);
  const opened = shared.kind === 'cell' ? shared.cell : linked !== null && 'cell' in linked ? linked.cell : null;
  if (opened !== null) {
    // A shared link opens read-only and leaves the visitor's autosaved work alone.
    cellStore.getState().loadCell(opened, null);
    sessionStore.setState({ readOnly: true });
  } else {
    // `?fresh` opens the default cell whatever was autosaved (demos, tests); the autosave stays.
    const fresh = new URLSearchParams(location.search).has('fresh');
    const choice = fresh ? { cell: defaultCell(), fileName: null, dirty: false, source: 'default' as const } : await openStartupCell();
    cellStore.getState().loadCell(choice.cell, choice.fileName, { dirty: choice.dirty });
    beginAutosave();
    if (choice.source === 'autosave') notify('info', `Restored "${choice.cell.name}" from the last session`);
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root, {
    // A boundary shows caught errors on the page; a warning keeps the console's errors for real faults.
    onCaughtError: (error, info) => console.warn('CellTwin caught:', error, info.componentStack),
  }).render(
    <StrictMode>
      <ErrorBoundary area="page">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
  if (linked !== null && 'error' in linked) notify('error', `The linked cell could not be opened: ${cellUrl}`, [linked.error, 'The cell you had stays open.']);
  if (shared.kind === 'error') notify('error', shared.message, shareErrorLines(shared));
  else if (shared.kind === 'none' && junkFragment(location.hash)) {
    notify('warning', 'This link holds no cell', [], {
      summary: `The part after “#” (#${shortened(location.hash.slice(1))}) is not a CellTwin share link (those start with #${SHARE_KEY}=), so it was ignored. Ask for the link again if you expected a cell.`,
    });
  }
}

/** A fragment that is there but is no share link (an empty "#" is nothing). */
function junkFragment(hash: string): boolean {
  return hash.replace(/^#/, '').trim() !== '';
}

const shortened = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

void start();
