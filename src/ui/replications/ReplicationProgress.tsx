import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatDuration } from '../units';
import { cancelReplications } from './replication-actions';
import { replicationSecondsLeft, replicationStore } from './replication-store';
import './replications.css';

/**
 * Progress of Analyse with replications in the top bar: runs finished of the total, runs going
 * on the pool, the wall time left (from the rate of finished runs) and Cancel (Esc). Re-renders
 * once a second so the estimate moves between finished runs.
 */
export function ReplicationProgress() {
  const run = useStore(replicationStore, (s) => s.run);
  const [, tick] = useState(0);
  const running = run?.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!run || !running) return null;
  const { done, total, running: busy } = run.progress;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const left = replicationSecondsLeft(run.progress, (performance.now() - run.startedAt) / 1000);
  const leftText = left === null ? 'estimating…' : `about ${formatDuration(Math.max(1, left))} left`;
  const label = `Replications: ${done} of ${total} runs done · ${leftText}`;
  return (
    <div className="analysis-progress replication-progress" title={`${total} seeds × ${formatDuration(run.seconds)} on ${run.workers} web worker${run.workers > 1 ? 's' : ''}; ${busy} running now`}>
      <div className="bar" role="progressbar" aria-label="Replication progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={label}>
        <div className="fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="label">
        {done}/{total} runs · {leftText}
      </span>
      <button onClick={() => cancelReplications()} title="Stop the replications (Esc)">
        Cancel
      </button>
    </div>
  );
}
