import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import { useCell } from '../../store/use-cell';
import { Gantt } from './Gantt';
import { KpiCards, KPI_DEFINITIONS } from './KpiCards';
import { exportKpisCsv, exportKpisJson, exportSvgPng } from './kpi-export';
import { UtilizationBars } from './UtilizationBars';

/**
 * The KPI dashboard under the scene: headline cards with their definitions, a Gantt timeline
 * per resource synced to the simulated clock, utilization bars, cycle statistics, exports.
 * It fills in as the run goes (the worker recomputes the KPIs about once a second).
 */
export function Dashboard() {
  const { kpis, intervals, time, phase } = useStore(simStatusStore);
  const items = useCell((s) => s.cell.items);
  const [open, setOpen] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [open]);
  const names = new Map(items.map((i) => [i.id, i.name]));
  for (const k of kpis?.sources ?? []) names.set(k.id, k.name);
  return (
    <section className={`dashboard${open ? '' : ' closed'}`} aria-label="KPI dashboard">
      <header>
        <button className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '▾' : '▸'} KPIs
        </button>
        {kpis && <span className="muted">after {kpis.simulatedSeconds.toFixed(1)} s simulated, first {kpis.warmupCycles} cycles as warm-up</span>}
        {kpis && (
          <span className="dash-exports">
            <button onClick={() => exportKpisCsv(kpis)}>CSV</button>
            <button onClick={() => exportKpisJson(kpis)}>JSON</button>
            <button onClick={() => box.current?.querySelector('svg.gantt') && void exportSvgPng(box.current.querySelector('svg.gantt') as SVGSVGElement, 'timeline')}>Timeline PNG</button>
          </span>
        )}
      </header>
      {open && (
        <div className="dash-body" ref={box}>
          {!kpis ? (
            <p className="hint">
              {phase === 'off' ? 'Press Run (Space) to simulate the cell; cycle time, throughput, utilization and the timeline appear here.' : 'Collecting…'}{' '}
              <span title={KPI_DEFINITIONS.cycle}>Definitions: hover a number.</span>
            </p>
          ) : (
            <>
              <KpiCards kpis={kpis} />
              <div className="dash-charts">
                <Gantt intervals={intervals} now={time} names={names} width={Math.max(300, width - 8)} />
                <UtilizationBars kpis={kpis} />
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
