/**
 * Rounding for output. The KPIs are computed at full precision; what the CLI prints is rounded
 * to a fixed number of decimals so that it reads well (0.58 s, not 0.5799999999999983 s) and so
 * that last-bit noise never shows up as a difference between two runs or two variants.
 */

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
