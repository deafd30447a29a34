/**
 * Summary statistics of a list of durations: the figures DESIGN.md asks for a robot's cycle time
 * (mean, p50, p95, min, max) plus the count they were taken over.
 *
 * Percentiles use linear interpolation between the closest ranks (Hyndman & Fan type 7, the
 * default of numpy, R and spreadsheet PERCENTILE.INC): for sorted values x₀…xₙ₋₁ the p-th
 * percentile sits at rank h = (n − 1)·p/100, between x⌊h⌋ and x⌈h⌉. It was chosen over
 * nearest-rank because cycle lists are short (tens of cycles) and nearest-rank jumps from one
 * sample to the next as cycles are added, while interpolation moves smoothly.
 */

/** Mean, median, 95th percentile, extremes and count of a list of durations (s). */
export interface Summary {
  mean: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  count: number;
}

/**
 * The p-th percentile (0–100) of values already sorted ascending, by linear interpolation
 * (type 7, see the module comment). Returns null for an empty list.
 */
export function percentileSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = ((n - 1) * Math.min(100, Math.max(0, p))) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/** The summary of `values`, or null when there are none (never NaN). */
export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sum / sorted.length,
    p50: percentileSorted(sorted, 50)!,
    p95: percentileSorted(sorted, 95)!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    count: sorted.length,
  };
}

/** Differences between consecutive times: the durations of the spans they delimit. */
export function gaps(times: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < times.length; i++) out.push(times[i]! - times[i - 1]!);
  return out;
}
