import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { kpiNames } from '../../experiments/results';
import { changeDraft, experimentStore } from './experiment-store';
import { loadSweepFile, openVariantAsCell } from './experiment-actions';
import { downloadResults, downloadSweepFile } from './experiment-export';
import { FactorList } from './FactorList';
import { MainEffectsPlot } from './MainEffectsPlot';
import { ParetoPlot, type ParetoAxis } from './ParetoPlot';
import { ResultsTable } from './ResultsTable';
import { RunSettings } from './RunSettings';
import './experiment.css';

/** Picks a `.sweep.json` with the browser's file dialog and loads it into the form. */
function pickSweepFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void loadSweepFile(file);
  };
  input.click();
}

/** The plots and the table of the last experiment. */
function Results() {
  const state = useStore(experimentStore);
  const { run } = state;
  const figures = useMemo(() => kpiNames(run.rows), [run.rows]);
  const [kpi, setKpi] = useState('throughputUph');
  const [axis, setAxis] = useState<ParetoAxis>('floor');
  if (run.rows.length === 0) {
    return <p className="hint exp-empty">{run.phase === 'running' ? 'The first runs are on their way…' : 'Results appear here: a row per run, a summary per variant, main effects and the Pareto front.'}</p>;
  }
  const shown = figures.includes(kpi) ? kpi : (figures[0] ?? kpi);
  return (
    <div className="exp-results">
      <div className="exp-plots">
        <section aria-label="Main effects">
          <h4>
            Main effects on{' '}
            <select aria-label="KPI of the main effects" value={shown} onChange={(e) => setKpi(e.currentTarget.value)}>
              {figures.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </h4>
          <p className="exp-note muted">mean at each level with its 95 % bar; dashed: the overall mean; one scale for all</p>
          <MainEffectsPlot rows={run.rows} factorNames={run.factorNames} units={run.units} kpi={shown} />
        </section>
        <section aria-label="Pareto front">
          <h4>
            UPH vs{' '}
            <select aria-label="Pareto axis" value={axis} onChange={(e) => setAxis(e.currentTarget.value as ParetoAxis)}>
              <option value="floor">floor area</option>
              <option value="robots">robots</option>
            </select>
          </h4>
          <p className="exp-note muted">orange: the Pareto front (most UPH for the least {axis === 'floor' ? 'floor' : 'robots'}) · click a point to open it</p>
          <ParetoPlot rows={run.rows} factorNames={run.factorNames} units={run.units} layout={run.layout} axis={axis} onOpen={openVariantAsCell} />
        </section>
      </div>
      <section aria-label="Results table">
        <h4>
          Results <span className="muted">{run.variants} variants, {run.rows.length} runs · summary rows: mean ± 95 % half-width</span>
          <span className="dash-tools">
            <button onClick={() => downloadResults(state, 'csv')} title="The results file celltwin sweep --out results.csv writes">
              CSV
            </button>
            <button onClick={() => downloadResults(state, 'json')} title="The results file celltwin sweep --out results.json writes">
              JSON
            </button>
          </span>
        </h4>
        <ResultsTable rows={run.rows} factorNames={run.factorNames} units={run.units} onOpen={openVariantAsCell} />
      </section>
    </div>
  );
}

/**
 * The Experiment tab of the results panel: vary fields of the cell on screen, run every variant
 * × seed on the page's web workers, read the table, the main effects and the Pareto front.
 */
export function ExperimentPanel() {
  const name = useStore(experimentStore, (s) => s.draft.name);
  return (
    <div className="experiment">
      <div className="exp-form">
        <div className="exp-head">
          <input className="exp-name" aria-label="Experiment name" defaultValue={name} key={name} onBlur={(e) => e.currentTarget.value.trim() && changeDraft((d) => ({ ...d, name: e.currentTarget.value.trim() }))} />
          <button onClick={pickSweepFile} title="Load the factors and settings of a .sweep.json (they vary the cell on screen)">
            Load sweep…
          </button>
          <button onClick={() => downloadSweepFile(experimentStore.getState())} title="Save this experiment as a .sweep.json with the cell inline, for celltwin sweep">
            Save sweep
          </button>
        </div>
        <FactorList />
        <RunSettings />
      </div>
      <Results />
    </div>
  );
}
