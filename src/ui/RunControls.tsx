import { useStore } from 'zustand';
import { simStatusStore } from '../bridge/sim-status';
import type { SimSpeed } from '../bridge/sim-protocol';
import { AnalysisProgress } from './AnalysisProgress';
import { showCollisionList } from './dashboard/collision-request';
import { analyseRun, setRunSpeed } from './run-actions';
import { action } from './actions/actions';
import { actionTitle } from './actions/registry';
import { analyseReplications } from './replications/replication-actions';
import { ReplicationProgress } from './replications/ReplicationProgress';
import { REPLICATION_CHOICES, replicationStore } from './replications/replication-store';
import { useCell } from '../store/use-cell';
import { formatDuration } from './units';

/** Analysis spans offered: a quick look, an hour, a shift. */
const ANALYSES: ReadonlyArray<[string, number]> = [
  ['10 min', 600],
  ['1 hour', 3600],
  ['8 h shift', 8 * 3600],
];

const SPEEDS: ReadonlyArray<[string, SimSpeed]> = [
  ['1×', 1],
  ['2×', 2],
  ['5×', 5],
  ['10×', 10],
  ['max', 'max'],
];

/** A registry action's tooltip, with its help capitalised as a button's tooltip is. */
const titleOf = (id: string): string => {
  const t = actionTitle(action(id));
  return t.charAt(0).toUpperCase() + t.slice(1);
};
const runRegistry = (id: string): void => action(id).run({ toggleHelp: () => undefined });

/** Simulated time as m:ss.sss. */
function clock(t: number): string {
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  return `${m}:${s.toFixed(3).padStart(6, '0')}`;
}

/** Run/Pause (Space), step, reset, speed and the simulated clock. */
export function RunControls() {
  const { phase, time, speed, realTimeFactor, collisions, collisionCount, transport, analysis } = useStore(simStatusStore);
  const running = phase === 'running';
  const busy = phase === 'loading' || phase === 'recovering';
  const replicating = useStore(replicationStore, (s) => s.run?.phase === 'running');
  // The cell's own run length (what `celltwin run` simulates by default) joins the fixed spans.
  const cellSeconds = useCell((s) => s.cell.simulation.duration);
  const spans = cellSeconds > 0 && !ANALYSES.some(([, t]) => t === cellSeconds) ? [...ANALYSES, [`cell run, ${formatDuration(cellSeconds)}`, cellSeconds] as const].sort((a, b) => a[1] - b[1]) : ANALYSES;
  return (
    <div className="run-controls" role="group" aria-label="Simulation">
      <button className={`run ${running ? 'on' : ''}`} onClick={() => runRegistry('run')} disabled={busy} title={titleOf('run')}>
        {running ? 'Pause' : action('run').label}
      </button>
      <button onClick={() => runRegistry('step')} disabled={busy} title={titleOf('step')}>
        {action('step').label}
      </button>
      <button onClick={() => runRegistry('reset')} disabled={phase === 'off'} title={titleOf('reset')}>
        {action('reset').label}
      </button>
      <select aria-label="Simulation speed" value={String(speed)} onChange={(e) => setRunSpeed(e.currentTarget.value === 'max' ? 'max' : Number(e.currentTarget.value))}>
        {SPEEDS.map(([label, value]) => (
          <option key={label} value={String(value)}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label="Analyse"
        className="analyse-menu"
        value=""
        disabled={busy || analysis !== null || replicating}
        title="Simulate a stretch of production as fast as possible and show its KPIs: 1 run continues the live simulation; 5 or 20 runs simulate seeds S, S+1, … from t = 0 on a pool of web workers and give each KPI as mean ± 95 % half-width (Esc cancels)"
        onChange={(e) => {
          const [seconds, runs] = e.currentTarget.value.split('x').map(Number);
          if (!(seconds! > 0)) return;
          if (runs === undefined || runs === 1) void analyseRun(seconds!);
          else void analyseReplications(seconds!, runs);
        }}
      >
        <option value="">Analyse…</option>
        {REPLICATION_CHOICES.map((runs) => (
          <optgroup key={runs} label={runs === 1 ? '1 run (live simulation)' : `${runs} runs: seeds S … S+${runs - 1}, mean ± 95 %`}>
            {spans.map(([label, seconds]) => (
              <option key={label} value={runs === 1 ? String(seconds) : `${seconds}x${runs}`}>
                {runs === 1 ? label : `${label} × ${runs}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <span
        className="sim-clock"
        aria-label="Simulated time"
        title={`${running && realTimeFactor > 0 ? `${realTimeFactor.toFixed(1)}× real time` : ''}${transport ? `, frames via ${transport === 'shared' ? 'shared memory' : 'transferred buffers'}` : ''}`}
      >
        {phase === 'off' ? 't = 0:00.000' : busy ? `${phase}…` : `t = ${clock(time)}`}
      </span>
      <AnalysisProgress />
      <ReplicationProgress />
      {collisionCount > 0 && (
        <button className="link sim-collisions" onClick={showCollisionList} title={[...collisions.slice(-5).map((c) => `${c.time.toFixed(3)} s: ${c.a} ↔ ${c.b}`), 'Click: the list with program steps in the Results panel'].join('\n')}>
          {collisionCount.toLocaleString('en-US')} collision{collisionCount > 1 ? 's' : ''}
        </button>
      )}
    </div>
  );
}
