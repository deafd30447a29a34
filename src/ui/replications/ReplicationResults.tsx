import { useStore } from 'zustand';
import { useCell } from '../../store/use-cell';
import { formatDuration } from '../units';
import { headlineFigures } from './headline-figures';
import { closeReplications, exportReplicationJson } from './replication-actions';
import { replicationStore, type ReplicationRun } from './replication-store';
import './replications.css';

/** One line on the run: cell, seeds, warm-up, and how far it got or how long it took. */
function runLine(run: ReplicationRun): string {
  const seeds = run.seeds.length > 1 ? `seeds ${run.seeds[0]}–${run.seeds.at(-1)}` : `seed ${run.seeds[0]}`;
  const workers = `${run.workers} web worker${run.workers > 1 ? 's' : ''}`;
  const wall = ((run.endedAt ?? run.startedAt) - run.startedAt) / 1000;
  const how =
    run.phase === 'running'
      ? `${run.progress.done} of ${run.progress.total} runs done, ${run.progress.running} running on ${workers}`
      : run.phase === 'cancelled'
        ? `cancelled: ${run.progress.done} of ${run.progress.total} runs had finished`
        : run.phase === 'failed'
          ? `failed: ${run.error ?? 'unknown error'}`
          : `${wall.toFixed(1)} s on ${workers}`;
  return `${run.cellName}: ${seeds}, ${formatDuration(run.seconds)} each from t = 0, first ${run.warmupCycles} cycles as warm-up; ${how}.`;
}

/**
 * Analyse with 5 or 20 runs at the top of the results panel's Results tab: its progress, then
 * each figure as mean ± 95 % half-width (Student t over the seeds) with its unit; JSON exports
 * the rows and summary as `celltwin run --replications --json` prints them; Clear removes it.
 */
export function ReplicationResults() {
  const run = useStore(replicationStore, (s) => s.run);
  const cell = useCell((s) => s.cell);
  if (!run) return null;
  const figures = run.report ? headlineFigures(run.report.kpis, cell) : [];
  return (
    <section className="replication-results" aria-label="Replication results">
      <header>
        <h3>{run.phase === 'cancelled' ? 'Replications cancelled' : `${run.seeds.length} replications of ${formatDuration(run.seconds)}`}</h3>
        <span className="actions">
          {run.report && (
            <button onClick={() => run.report && exportReplicationJson(run.report)} title="Every run's KPI row and each figure's mean, sd and half-width, as celltwin run --replications --json prints them">
              JSON
            </button>
          )}
          {run.phase !== 'running' && (
            <button onClick={closeReplications} title="Clear these results">
              Clear
            </button>
          )}
        </span>
      </header>
      <p className="muted">{runLine(run)}</p>
      {figures.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num" title="Mean over the seeds ± half-width of its 95 % confidence interval (Student t)">
                Mean ± 95 %
              </th>
              <th scope="col">Unit</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.key} data-figure={f.key} data-mean={f.mean ?? ''} data-half-width={f.halfWidth ?? ''} data-n={f.n} title={f.definition}>
                <th scope="row">{f.label}</th>
                <td className="num">{f.text}</td>
                <td className="unit">{f.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.phase === 'done' && <p className="hint">Half-width of the 95 % confidence interval from the spread of the {run.seeds.length} seeds (Student t); more replications narrow it. A figure the same in every run has none.</p>}
    </section>
  );
}
