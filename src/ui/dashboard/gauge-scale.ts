/**
 * The scale of the robot-density gauge, fitted to the figure it shows: a linear scale up to a
 * round number a little above the figure (and at least up to the plan's target, so the target
 * mark is always there), or a logarithmic one when the figure dwarfs every reference (a cell of
 * 2 robots and 1 operator is "20,000 per 10,000 workers": on a linear scale the references
 * would all sit in the first pixels).
 */

/** A gauge scale: where a value sits (0–1 of the bar) and labelled ticks. */
export interface GaugeScale {
  kind: 'linear' | 'log';
  min: number;
  max: number;
  /** Position of `v` along the bar, clamped to 0–1. */
  at(v: number): number;
  ticks: number[];
}

/** The least of 1, 2, 2.5, 5 × 10ⁿ that is ≥ `v`. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v - 1e-9) return m * p;
  return 10 * p;
}

/** Above this multiple of the largest reference the gauge turns logarithmic. */
const LOG_ABOVE = 2.5;

/** The scale for `value` read against `references` (see the module comment). */
export function gaugeScale(value: number, references: readonly number[], target: number): GaugeScale {
  const biggest = Math.max(target, ...references);
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  if (value > biggest * LOG_ABOVE) {
    const min = 10 ** Math.floor(Math.log10(Math.min(...references, target)));
    const max = 10 ** Math.ceil(Math.log10(value * 1.05));
    const ticks: number[] = [];
    for (let t = min; t <= max; t *= 10) ticks.push(t);
    return { kind: 'log', min, max, at: (v) => clamp(Math.log10(Math.max(v, min) / min) / Math.log10(max / min)), ticks };
  }
  const max = niceCeil(Math.max(value, target) * 1.1);
  const step = max / 4;
  return { kind: 'linear', min: 0, max, at: (v) => clamp(v / max), ticks: [0, step, 2 * step, 3 * step, max] };
}
