/**
 * The time-left estimate of an analysis run. The worker's instantaneous speed swings (loading,
 * the first parts entering, garbage collection), so the estimate uses the average rate since the
 * analysis began, and says nothing until a second of wall time has passed: an 18 s run used to
 * start at "about 10 min left".
 */

/** Wall time to watch before the first estimate (s). */
export const ESTIMATE_AFTER_S = 1;

/**
 * Wall seconds left: the simulated seconds still to go over the rate measured so far (simulated
 * seconds per wall second since the analysis began). Null during the first
 * {@link ESTIMATE_AFTER_S} of wall time or before any progress.
 */
export function estimateSecondsLeft(progress: { from: number; until: number; time: number; wallElapsed: number }): number | null {
  const { from, until, time, wallElapsed } = progress;
  const done = time - from;
  if (wallElapsed < ESTIMATE_AFTER_S || done <= 0) return null;
  return Math.max(0, until - time) / (done / wallElapsed);
}

/** Simulated time as the top bar's clock shows it: m:ss.s (h:mm:ss.s past an hour). */
export function clockText(seconds: number): string {
  const t = Math.round(Math.max(0, seconds) * 10) / 10; // round first: 59.96 s reads 1:00.0, not 0:60.0
  const h = Math.floor(t / 3600);
  const m = Math.floor((t - h * 3600) / 60);
  const s = t - h * 3600 - m * 60;
  const ss = s.toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
