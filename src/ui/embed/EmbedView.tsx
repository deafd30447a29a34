import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import { CellCanvas } from '../../scene/CellCanvas';
import { toggleTour, tourStore } from '../../scene/tour/tour-state';
import { useCell } from '../../store/use-cell';
import { toggleRun } from '../run-actions';
import { ErrorBoundary } from '../ErrorBoundary';
import { TourCaption } from '../tour/TourCaption';
import type { EmbedOptions } from './embed-options';
import { openInCellTwinUrl } from './embed-options';
import { KpiStrip } from './KpiStrip';

/**
 * The embed page: the running cell's scene (with the camera tour and its captions when the cell
 * has one), a KPI strip, Play/Pause and a link to the full app. No editor: no library,
 * inspector, dashboard or top bar, and none of their code is loaded.
 */
export function EmbedView({ options }: { options: EmbedOptions }) {
  const name = useCell((s) => s.cell.name);
  const hasTour = useCell((s) => (s.cell.presentation?.stops.length ?? 0) > 0);
  const touring = useStore(tourStore, (s) => s.playing);
  const phase = useStore(simStatusStore, (s) => s.phase);
  const [href] = useState(() => openInCellTwinUrl(location.href));
  useEffect(() => {
    document.title = `${name} — CellTwin`;
  }, [name]);
  return (
    <div className="embed">
      <main className="embed-scene" aria-label="Cell view">
        <ErrorBoundary area="3D view">
          <CellCanvas />
        </ErrorBoundary>
        <TourCaption />
      </main>
      <footer className="embed-bar">
        <button className="embed-play" onClick={() => void toggleRun()} aria-label={phase === 'running' ? 'Pause' : 'Play'}>
          {phase === 'running' ? '❚❚' : '▶'}
        </button>
        {hasTour && (
          <button className="embed-tour" onClick={toggleTour} aria-pressed={touring} title="Play or stop the camera tour (dragging the view stops it too)">
            Tour
          </button>
        )}
        <strong className="embed-name">{name}</strong>
        <KpiStrip kpis={options.kpis} />
        <a className="embed-open" href={href} target="_blank" rel="noopener">
          Open in CellTwin
        </a>
      </footer>
    </div>
  );
}
