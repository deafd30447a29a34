import { useStore } from 'zustand';
import { simStatusStore } from '../bridge/sim-status';
import { cancelAnalysis } from './run-actions';
import { formatDuration } from './units';

/**
 * Progress of an analysis run (Analyse 1 h …): how far the simulated clock has come, an
 * estimate of the wall time left from the current speed, and a Cancel button (Esc).
 */
export function AnalysisProgress() {
  const analysis = useStore(simStatusStore, (s) => s.analysis);
  const time = useStore(simStatusStore, (s) => s.time);
  const rtf = useStore(simStatusStore, (s) => s.realTimeFactor);
  if (!analysis) return null;
  const span = analysis.until - analysis.from;
  const fraction = span > 0 ? Math.min(1, Math.max(0, (time - analysis.from) / span)) : 1;
  const percent = Math.floor(fraction * 100);
  const left = rtf > 0 ? (analysis.until - time) / rtf : null;
  const label = `Simulating ${formatDuration(span)}: ${percent} %${left === null ? '' : ` · about ${formatDuration(Math.max(1, left))} left`}`;
  return (
    <div className="analysis-progress" title={`${rtf.toFixed(0)}× real time`}>
      <div className="bar" role="progressbar" aria-label="Analysis progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
        <div className="fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="label">{label}</span>
      <button onClick={() => cancelAnalysis()} title="Stop the analysis here (Esc)">
        Cancel
      </button>
    </div>
  );
}
