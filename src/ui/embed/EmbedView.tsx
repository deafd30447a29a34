import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import { CellCanvas } from '../../scene/CellCanvas';
import { useCell } from '../../store/use-cell';
import { toggleRun } from '../run-actions';
import { ErrorBoundary } from '../ErrorBoundary';
import type { EmbedKpi, EmbedOptions } from './embed-options';
import { openInCellTwinUrl } from './embed-options';

const fixed = (v: number | null | undefined, d = 1) => (v === null || v === undefined ? '—' : v.toFixed(d));

/** The slim strip under the scene: the chosen KPIs of the running cell. */
function KpiStrip({ kpis }: { kpis: EmbedKpi[] }) {
  const status = useStore(simStatusStore);
  const k = status.kpis;
  const items = useCell((s) => s.cell.items);
  const cells: Record<EmbedKpi, [string, string]> = {
    cycle: ['Cycle', `${fixed(k?.cellCycleTime, 2)} s`],
    uph: ['Throughput', `${fixed(k?.throughputUph, 0)} UPH`],
    parts: ['Parts', String(k?.partsFinished ?? 0)],
    bottleneck: ['Bottleneck', k?.bottleneck ? (items.find((i) => i.id === k.bottleneck?.id)?.name ?? k.bottleneck.id) : '—'],
    time: ['Time', `${status.time.toFixed(0)} s`],
  };
  return (
    <div className="embed-kpis" aria-label="Key figures">
      {kpis.map((key) => (
        <span key={key} className="embed-kpi">
          <small>{cells[key][0]}</small> <strong>{cells[key][1]}</strong>
        </span>
      ))}
    </div>
  );
}

/**
 * The embed page: the running cell's scene, a KPI strip, Play/Pause and a link to the full app.
 * No editor: no library, inspector, dashboard or top bar, and none of their code is loaded.
 */
export function EmbedView({ options }: { options: EmbedOptions }) {
  const name = useCell((s) => s.cell.name);
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
      </main>
      <footer className="embed-bar">
        <button className="embed-play" onClick={() => void toggleRun()} aria-label={phase === 'running' ? 'Pause' : 'Play'}>
          {phase === 'running' ? '❚❚' : '▶'}
        </button>
        <strong className="embed-name">{name}</strong>
        <KpiStrip kpis={options.kpis} />
        <a className="embed-open" href={href} target="_blank" rel="noopener">
          Open in CellTwin
        </a>
      </footer>
    </div>
  );
}
