/**
 * Summary statistics of a list of durations: the figures docs/ARCHITECTURE.md asks for a robot's cycle time
 * (mean, p50, p95, min, max) plus the count they were taken over.
 *
 * Percentiles use linear interpolation between the closest ranks (Hyndman & Fan type 7, the
 * default of numpy, R and spreadsheet PERCENTILE.INC): for sorted values x₀…xₙ₋₁ the p-th
 * percentile sits at rank h = (n − 1)·p/100, between x⌊h⌋ and x⌈h⌉. It was chosen over
 * nearest-rank because cycle lists are short (tens of cycles) and nearest-rank jumps from one
 * sample to the next as cycles are added, while interpolation moves smoothly.
 *
 * Also rounding for output: the KPIs are computed at full precision; what the CLI prints is
 * rounded to a fixed number of decimals so that it reads well (0.58 s, not 0.5799999999999983 s)
 * and so that last-bit noise never shows up as a difference between two runs or two variants.
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

/** Decimals the CLI prints: microseconds for times, 1e-6 for shares. */
export const OUTPUT_DECIMALS = 6;

/** `x` rounded to `decimals` places; −0 becomes 0 (it would print as "-0" in a table). */
export function roundTo(x: number, decimals = OUTPUT_DECIMALS): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * A deep copy of plain data (objects, arrays, numbers, strings, booleans, null) with every
 * number rounded by {@link roundTo}. Key order is kept, so JSON output stays byte-stable.
 */
export function roundDeep<T>(value: T, decimals = OUTPUT_DECIMALS): T {
  if (typeof value === 'number') return roundTo(value, decimals) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => roundDeep(v, decimals)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundDeep(v, decimals);
    return out as T;
  }
  return value;
}
