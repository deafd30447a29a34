import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useCell } from '../../store/use-cell';
import { formatDuration } from '../units';
import { headlineFigures } from './headline-figures';
import { closeReplications, exportReplicationJson } from './replication-actions';
import { replicationStore } from './replication-store';
import './replications.css';

/**
 * The result of Analyse with replications: each figure as mean ± 95 % half-width (Student t over
 * the seeds) with its unit, the seeds and span, and how long it took. A floating panel over the
 * 3D view (portalled to the body so the top bar's layout does not clip it); Close dismisses it.
 */
export function ReplicationResults() {
  const run = useStore(replicationStore, (s) => s.run);
  const cell = useCell((s) => s.cell);
  if (!run || run.phase === 'running' || run.phase === 'failed') return null;
  const wall = ((run.endedAt ?? run.startedAt) - run.startedAt) / 1000;
  const figures = run.report ? headlineFigures(run.report.kpis, cell) : [];
  const seeds = run.seeds.length > 1 ? `seeds ${run.seeds[0]}–${run.seeds.at(-1)}` : `seed ${run.seeds[0]}`;
  return createPortal(
    <section className="replication-results" aria-label="Replication results">
      <header>
        <h2>
          {run.phase === 'cancelled' ? 'Replications cancelled' : `${run.seeds.length} replications of ${formatDuration(run.seconds)}`}
        </h2>
        <span className="actions">
          {run.report && (
            <button onClick={() => run.report && exportReplicationJson(run.report)} title="Every run's KPI row and each figure's mean, sd and half-width, as celltwin run --replications --json prints them">
              JSON
            </button>
          )}
          <button className="close" aria-label="Close the replication results" onClick={closeReplications}>
            ×
          </button>
        </span>
      </header>
      <p className="muted">
        {run.cellName}: {seeds}, first {run.warmupCycles} cycles as warm-up; {run.phase === 'cancelled' ? `${run.progress.done} of ${run.progress.total} runs had finished` : `${wall.toFixed(1)} s on ${run.workers} web worker${run.workers > 1 ? 's' : ''}`}.
      </p>
      {figures.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" title="Mean over the seeds ± half-width of its 95 % confidence interval (Student t)">
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
      {run.phase === 'done' && <p className="hint">95 % confidence half-width from the spread of the {run.seeds.length} seeds (Student t); more replications narrow it.</p>}
    </section>,
    document.body,
  );
}
