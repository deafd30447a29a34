import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import { useCell } from '../../store/use-cell';
import { keepBaseline, loadVariants, pinBaseline, variantsStore } from '../../store/variants';
import { compareLines } from '../compare/compare-lines';
import { ExperimentPanel } from '../experiment/ExperimentPanel';
import { experimentStore } from '../experiment/experiment-store';
import { ReplicationResults } from '../replications/ReplicationResults';
import { replicationStore } from '../replications/replication-store';
import { ComparePanel } from '../compare/ComparePanel';
import { autosaveStorage } from '../recovery';
import { BreakdownBars } from './BreakdownBars';
import { Gantt } from './Gantt';
import { formatTime, type TimeRange } from './gantt-view';
import { collisionListStore } from './collision-request';
import { CollisionList } from './CollisionList';
import { KpiCards, KPI_DEFINITIONS, type CardBaseline } from './KpiCards';
import { exportKpisCsv, exportKpisJson, exportSvgPng, exportTimelineJson } from './kpi-export';
import { MIN_VIEW, storedPanelHeight, storePanelHeight } from './panel-size';
import { PlantPanel } from './PlantPanel';
import { ResizeDivider } from './ResizeDivider';
import { UtilizationBars } from './UtilizationBars';
import { useWholeTimeline } from './use-whole-timeline';

// The clock ticks ten times a second; the KPIs change once. Only the Gantt follows the clock.
const Cards = memo(KpiCards);
const Breakdown = memo(BreakdownBars);
const Utilization = memo(UtilizationBars);

type Tab = 'results' | 'compare' | 'plant' | 'experiment';
const TABS: Array<[Tab, string]> = [
  ['results', 'Results'],
  ['compare', 'A vs B'],
  ['plant', 'Plant density'],
  ['experiment', 'Experiment'],
];

/** Height of the page region the results panel shares with the 3D view (below the top bar, above the status bar). */
const available = () => Math.max(200, window.innerHeight - 44 - 26);

/** Calls `show` each time `request` (a counter other panels bump; 0: never asked) goes up. */
function useShowOnRequest(request: number, show: () => void): void {
  const latest = useRef(show);
  latest.current = show;
  useEffect(() => {
    if (request !== 0) latest.current();
  }, [request]);
}

/**
 * The results panel under the scene: KPI cards with units, the Gantt over the whole run, the
 * cycle-time breakdown and utilization with labels, A vs B against a pinned baseline, saved
 * variants, and the plant density roll-up. Its divider resizes it (up to the whole window).
 * It fills in as the run goes (the worker recomputes the KPIs about once a second).
 */
export function Dashboard() {
  const { kpis, intervals, time, phase } = useStore(simStatusStore);
  const cell = useCell((s) => s.cell);
  const baseline = useStore(variantsStore, (s) => s.baseline);
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<Tab>('results');
  const [height, setHeight] = useState(() => Math.min(storedPanelHeight(), available() - MIN_VIEW));
  const [maximised, setMaximised] = useState(false);
  const [range, setRange] = useState<TimeRange | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const gantt = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    void loadVariants(autosaveStorage);
    return keepBaseline(autosaveStorage, (e) => console.warn('CellTwin: the pinned results could not be kept', e));
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [open, tab]);
  const show = (t: Tab) => {
    setTab(t);
    setOpen(true);
  };
  // "Vary this in an experiment" (inspector) and the Experiment button ask for the Experiment tab.
  useShowOnRequest(useStore(experimentStore, (s) => s.openRequest), () => show('experiment'));
  // The collision count in the run controls asks for the collision list (on the Results tab).
  useShowOnRequest(useStore(collisionListStore, (s) => s.request), () => show('results'));
  // Analyse with 5 or 20 runs shows its progress and then its figures at the top of the Results tab.
  useShowOnRequest(useStore(replicationStore, (s) => s.openRequest), () => show('results'));
  const replicationShown = useStore(replicationStore, (s) => s.run !== null);
  const drawn = useWholeTimeline(intervals, kpis, phase);
  const noResults = kpis === null;
  // A new run starts at t = 0: show it whole again.
  useEffect(() => {
    if (noResults) setRange(null);
  }, [noResults]);
  const names = useMemo(() => {
    const m = new Map(cell.items.map((i) => [i.id, i.name || i.id]));
    for (const k of kpis?.sources ?? []) m.set(k.id, k.name);
    return m;
  }, [cell.items, kpis?.sources]);
  const cardBaselines = useMemo(() => {
    const m = new Map<string, CardBaseline>();
    if (!baseline || !kpis) return m;
    for (const g of compareLines({ cell: baseline.cell, kpis: baseline.kpis }, { cell, kpis }, names))
      for (const l of g.lines) m.set(l.metric, { a: l.a, delta: l.delta, verdict: l.verdict === 'changed' ? null : l.verdict });
    return m;
  }, [baseline, kpis, cell, names]);

  const style = open && !maximised ? { height } : undefined;
  return (
    <section className={`dashboard${open ? '' : ' closed'}${maximised ? ' max' : ''}`} aria-label="Results" style={style}>
      {open && (
        <ResizeDivider
          height={height}
          available={available}
          maximised={maximised}
          onHeight={(h, done) => {
            setHeight(h);
            if (done) storePanelHeight(h);
          }}
          onMaximise={setMaximised}
        />
      )}
      <header>
        <button className="link dash-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '▾' : '▸'} Results
        </button>
        <span role="tablist" aria-label="Results views" className="dash-tabs">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'on' : ''}
              onClick={() => {
                setTab(id);
                setOpen(true);
              }}
            >
              {label}
              {id === 'compare' && baseline ? ' •' : ''}
            </button>
          ))}
        </span>
        {kpis && <span className="muted dash-status">{kpis.simulatedSeconds.toFixed(1)} s simulated, first {kpis.warmupCycles} cycles as warm-up</span>}
        <span className="dash-actions">
          <button disabled={!kpis} onClick={() => kpis && pinBaseline(cell, kpis, `${cell.name}, ${formatTime(kpis.simulatedSeconds)} run`)} title="Keep these results as A to compare the next run (B) with">
            Pin as A
          </button>
          {open && (
            <button onClick={() => setMaximised(!maximised)} aria-pressed={maximised} title={maximised ? 'Back to the panel under the 3D view' : 'Results over the whole window'}>
              {maximised ? 'Restore' : 'Whole window'}
            </button>
          )}
        </span>
      </header>
      {open && (
        <div className="dash-body" ref={box}>
          {tab === 'results' && replicationShown && <ReplicationResults />}
          {tab === 'experiment' ? (
            <ExperimentPanel />
          ) : tab === 'compare' ? (
            <ComparePanel kpis={kpis} cell={cell} names={names} />
          ) : tab === 'plant' ? (
            <PlantPanel cell={cell} />
          ) : !kpis ? (
            <p className="hint">
              {phase === 'off' ? 'Press Run (Space) to simulate the cell; cycle time, throughput, utilization and the timeline appear here.' : 'Collecting…'}{' '}
              <span title={KPI_DEFINITIONS.cycle}>Definitions: hover a number.</span>
            </p>
          ) : (
            <>
              <Cards kpis={kpis} cell={cell} names={names} baselines={cardBaselines} />
              <section className="dash-section" aria-label="Timeline">
                <h3>
                  Timeline
                  <span className="dash-tools">
                    <button onClick={() => setRange(null)} disabled={range === null} title="Show the whole run (0)">
                      Whole run
                    </button>
                    <button onClick={() => exportKpisCsv(kpis)}>CSV</button>
                    <button onClick={() => exportKpisJson(kpis)}>JSON</button>
                    <button onClick={() => void exportTimelineJson()} title="Every interval with its program step, zone holds and part routes, as JSON (the format of celltwin run --timeline)">
                      Timeline JSON
                    </button>
                    <button
                      onClick={() => {
                        const svg = gantt.current?.querySelector('svg.gantt');
                        // The file name says which stretch of the run it shows.
                        const shown = range ?? { start: 0, end: kpis.simulatedSeconds };
                        if (svg instanceof SVGSVGElement) void exportSvgPng(svg, `timeline-${shown.start.toFixed(0)}-${shown.end.toFixed(0)}s`);
                      }}
                      title="The timeline as shown (its range and legend) as a PNG image"
                    >
                      Timeline PNG
                    </button>
                  </span>
                </h3>
                <div ref={gantt}>
                  <Gantt intervals={drawn} now={time} names={names} width={Math.max(320, width - 24)} range={range} onRange={setRange} />
                </div>
              </section>
              <div className="dash-grid">
                <Breakdown kpis={kpis} names={names} />
                <Utilization kpis={kpis} names={names} />
              </div>
              <CollisionList kpis={kpis} cell={cell} names={names} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
