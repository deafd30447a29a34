import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { simStatusStore } from '../bridge/sim-status';
import { cancelAnalysis } from './run-actions';
import { formatDuration } from './units';
import { estimateSecondsLeft } from './analysis-estimate';

/**
 * Progress of an analysis run (Analyse 1 h …): how far the simulated clock has come, an
 * estimate of the wall time left from the rate measured since it began, and a Cancel button
 * (Esc). The span and the speed are in the tooltip, so the bar stays narrow in the top bar.
 */
export function AnalysisProgress() {
  const analysis = useStore(simStatusStore, (s) => s.analysis);
  const time = useStore(simStatusStore, (s) => s.time);
  const started = useRef<{ analysis: object; wall: number } | null>(null);
  useEffect(() => {
    if (analysis && started.current?.analysis !== analysis) started.current = { analysis, wall: performance.now() };
    if (!analysis) started.current = null;
  }, [analysis]);
  if (!analysis) return null;
  const wallElapsed = started.current?.analysis === analysis ? (performance.now() - started.current.wall) / 1000 : 0;
  const span = analysis.until - analysis.from;
  const fraction = span > 0 ? Math.min(1, Math.max(0, (time - analysis.from) / span)) : 1;
  const percent = Math.floor(fraction * 100);
  const left = estimateSecondsLeft({ ...analysis, time, wallElapsed });
  const rate = wallElapsed > 0 ? (time - analysis.from) / wallElapsed : 0;
  const leftText = left === null ? 'estimating…' : `about ${formatDuration(Math.max(1, left))} left`;
  const label = `Simulating ${formatDuration(span)}: ${percent} % · ${leftText}`;
  return (
    <div className="analysis-progress" title={`${label}${rate > 0 ? ` (${rate.toFixed(0)} simulated s per second)` : ''}`}>
      <div className="bar" role="progressbar" aria-label="Analysis progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
        <div className="fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="label">
        {percent} % · {leftText}
      </span>
      <button onClick={() => cancelAnalysis()} title="Stop the analysis here (Esc)">
        Cancel
      </button>
    </div>
  );
}
