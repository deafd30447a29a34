import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { kpiFieldNames } from '../../experiments/kpi-fields';
import { useCell } from '../../store/use-cell';
import { formatDuration } from '../units';
import { variantCount, type ExperimentDraft } from './draft';
import { cancelExperiment, startExperiment } from './experiment-actions';
import { changeDraft, estimateWallSeconds, experimentStore, secondsLeft } from './experiment-store';
import { NumInput } from './FactorList';

const CELL_KPIS: ReadonlyArray<[string, string]> = [
  ['throughputUph', 'UPH'],
  ['cellCycleTime', 'cell cycle'],
  ['partsFinished', 'parts'],
  ['footprintM2', 'floor m²'],
  ['uphPerM2', 'UPH/m²'],
  ['stalls', 'stalls'],
  ['collisions', 'collisions'],
];
const GROUPS: ReadonlyArray<[string, string]> = [
  ['robot.*', 'robots'],
  ['machine.*', 'machines'],
  ['operator.*', 'operators'],
  ['source.*', 'part sources'],
];

const set = (patch: Partial<ExperimentDraft>) => changeDraft((d) => ({ ...d, ...patch }));

/** The KPIs to collect: the cell figures, and each group of resource figures the cell has. */
function KpiChoice({ kpis }: { kpis: string[] }) {
  const cell = useCell((s) => s.cell);
  const names = useMemo(() => kpiFieldNames(cell), [cell]);
  const options = [...CELL_KPIS, ...GROUPS.filter(([g]) => names.some((n) => n.startsWith(g.slice(0, -1))))];
  const toggle = (name: string, on: boolean) => set({ kpis: on ? options.map(([n]) => n).filter((n) => n === name || kpis.includes(n)) : kpis.filter((k) => k !== name) });
  return (
    <fieldset className="exp-kpis">
      <legend>KPIs</legend>
      {options.map(([name, label]) => (
        <label key={name} className="toggle" title={name}>
          <input type="checkbox" checked={kpis.includes(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Design, replications, seed, duration, warm-up, KPIs; the size of the experiment and Run / Cancel with progress. */
export function RunSettings() {
  const draft = useStore(experimentStore, (s) => s.draft);
  const run = useStore(experimentStore, (s) => s.run);
  const rate = useStore(experimentStore, (s) => s.rate);
  const [now, setNow] = useState(() => Date.now());
  const running = run.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [running]);
  const variants = variantCount(draft);
  const runs = variants === null ? null : variants * draft.replications;
  const wall = runs === null ? null : estimateWallSeconds(runs, draft.duration, rate);
  const left = running ? secondsLeft(run, now) : null;
  return (
    <section className="exp-settings" aria-label="Experiment settings">
      <div className="exp-grid">
        <label>
          Design
          <select aria-label="Design" value={draft.design} onChange={(e) => set({ design: e.currentTarget.value as ExperimentDraft['design'] })}>
            <option value="full-factorial">full factorial</option>
            <option value="latin-hypercube">Latin hypercube</option>
          </select>
        </label>
        {draft.design === 'latin-hypercube' && (
          <label>
            Samples <NumInput label="Samples" value={draft.samples} integer min={1} width={48} onCommit={(v) => set({ samples: v })} />
          </label>
        )}
        <label>
          Seeds <NumInput label="Replications" value={draft.replications} integer min={1} width={40} onCommit={(v) => set({ replications: v })} />
        </label>
        <label>
          from seed <NumInput label="Base seed" value={draft.seed} integer width={48} onCommit={(v) => set({ seed: v })} />
        </label>
        <label>
          Duration <NumInput label="Duration (s)" value={draft.duration} min={1} width={56} onCommit={(v) => set({ duration: v })} /> s
        </label>
        <label>
          Warm-up <NumInput label="Warm-up cycles" value={draft.warmupCycles} integer min={0} width={36} onCommit={(v) => set({ warmupCycles: v })} /> cycles
        </label>
      </div>
      <KpiChoice kpis={draft.kpis} />
      <p className="exp-size" aria-label="Experiment size">
        {variants === null ? (
          'Fix the factors marked red to count the variants.'
        ) : (
          <>
            <strong>{variants}</strong> variant{variants === 1 ? '' : 's'} × {draft.replications} seed{draft.replications === 1 ? '' : 's'} = <strong>{runs}</strong> runs of {formatDuration(draft.duration)}
            {wall !== null ? ` · about ${formatDuration(Math.max(1, wall))} at the last experiment's pace` : ` · ${formatDuration((runs ?? 0) * draft.duration)} simulated in all`}
          </>
        )}
      </p>
      <div className="exp-run">
        {running ? (
          <button onClick={cancelExperiment} title="Stop the runs; the ones finished stay in the table">
            Cancel
          </button>
        ) : (
          <button className="primary" onClick={() => void startExperiment()} disabled={!runs}>
            Run {runs ?? ''} runs
          </button>
        )}
        {run.phase !== 'idle' && run.total > 0 && (
          <>
            <div className="exp-bar" role="progressbar" aria-label="Experiment progress" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={run.done}>
              <div style={{ width: `${(100 * run.done) / run.total}%` }} />
            </div>
            <span className="exp-status" aria-live="polite">
              {run.done}/{run.total} runs
              {running && ` · ${run.running} running`}
              {running && left !== null && ` · about ${formatDuration(Math.max(1, left))} left`}
              {run.phase === 'done' && run.endedAt !== null && run.startedAt !== null && ` in ${formatDuration(Math.max(1, (run.endedAt - run.startedAt) / 1000))}`}
              {run.phase === 'cancelled' && ' · cancelled'}
              {run.restoredAt !== null && ` · kept from ${new Date(run.restoredAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`}
            </span>
          </>
        )}
      </div>
      {run.phase === 'failed' && run.error && <p className="warning-line">{run.error}</p>}
    </section>
  );
}
