/**
 * Start-up of the embed page (`?embed`, see embed-options.ts): read the cell from the link
 * fragment or fetch `?cell=URL` (tour/fetch-cell-url.ts), open it read-only (nothing is
 * autosaved: a visitor's own work in the full app stays untouched), render the embed view, play
 * the camera tour (unless `tour=0`), start running and loop. Loaded as a separate chunk from
 * main.tsx, so the editor's panels are never downloaded.
 */
import { createRoot } from 'react-dom/client';
import { simStatusStore } from '../../bridge/sim-status';
import { decodeShareFragment } from '../../io/share-link';
import type { Cell } from '../../model';
import { cellStore } from '../../store/app-store';
import { sessionStore } from '../session';
import { ErrorBoundary } from '../ErrorBoundary';
import { defaultCell } from '../file-actions';
import { runVariant, toggleRun } from '../run-actions';
import { startTour } from '../../scene/tour/tour-state';
import { fetchCellUrl } from '../tour/fetch-cell-url';
import { parseEmbedOptions, type EmbedOptions } from './embed-options';
import { EmbedView } from './EmbedView';
import './embed.css';

/** The cell the embed shows, or a message saying why it cannot. */
async function embeddedCell(options: EmbedOptions): Promise<{ cell: Cell } | { error: string }> {
  const shared = decodeShareFragment(location.hash);
  if (shared.kind === 'cell') return { cell: shared.cell };
  if (shared.kind === 'error') return { error: shared.message };
  if (options.cellUrl === null) return { cell: defaultCell() };
  return fetchCellUrl(options.cellUrl);
}

/** Restarts the run after `options.loop` simulated seconds, so the embed plays forever. */
function loopRun(options: EmbedOptions): void {
  let restarting = false;
  simStatusStore.subscribe((s) => {
    if (restarting || s.phase !== 'running' || s.time < options.loop) return;
    restarting = true;
    void runVariant((c) => c).finally(() => {
      restarting = false;
    });
  });
}

/** Renders the embed page into #root. */
export async function startEmbed(): Promise<void> {
  const options = parseEmbedOptions(location.search);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  document.body.classList.add('embedded');
  const found = await embeddedCell(options);
  if ('error' in found) {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'embed-error';
    p.textContent = `This embedded cell cannot be shown: ${found.error}`;
    root.append(p);
    return;
  }
  cellStore.getState().loadCell(found.cell, null);
  sessionStore.setState({ readOnly: true });
  createRoot(root, { onCaughtError: (error, info) => console.warn('CellTwin caught:', error, info.componentStack) }).render(
    <ErrorBoundary area="embedded cell">
      <EmbedView options={options} />
    </ErrorBoundary>,
  );
  loopRun(options);
  if (options.tour && (found.cell.presentation?.stops.length ?? 0) > 0) startTour();
  if (options.autoplay) void toggleRun();
}
