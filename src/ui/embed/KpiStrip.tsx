import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import { useCell } from '../../store/use-cell';
import type { EmbedKpi } from './embed-options';
import './kpi-strip.css';

const fixed = (v: number | null | undefined, d = 1) => (v === null || v === undefined ? '—' : v.toFixed(d));

/** The slim strip of the running cell's chosen KPIs (the embed's bar and Present mode). */
export function KpiStrip({ kpis }: { kpis: readonly EmbedKpi[] }) {
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
