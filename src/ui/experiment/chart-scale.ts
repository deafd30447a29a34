/**
 * Small helpers for the Experiment panel's SVG charts and tables: round tick values for an axis,
 * a linear scale, and how figures and factor levels are written (display units, few digits).
 */
import { roundForDisplay } from '../units';
import { unitOf } from './field-pointer';

/** About `count` round tick values (1, 2 or 5 × 10ⁿ apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.05 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/** A tick value with as many decimals as the ticks' spacing needs (12.5, not 12.50; 1000, not 1000.0). */
export function formatTick(t: number, ticks: readonly number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : Math.abs(t);
  const decimals = step > 0 ? Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  // A step of 2.5 × 10ⁿ needs one digit more than its order of magnitude says.
  const exact = Number(t.toFixed(decimals)) === Number(t.toPrecision(12)) ? decimals : decimals + 1;
  return t.toFixed(exact);
}

/** A label cut to `max` characters with an ellipsis (the whole text goes in the chart's tooltip). */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A linear map from [d0, d1] to [r0, r1] (a degenerate domain maps to the middle). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A KPI figure for a table or label: null as a dash, few digits but enough to tell runs apart. */
export function formatFigure(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (Number.isInteger(v)) return String(v);
  if (a >= 1000) return v.toFixed(0);
  if (a >= 100) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

/** A factor's level as the panel shows it: numbers in the factor's display unit, anything else as JSON. */
export function formatLevel(v: unknown, unit: string | undefined): string {
  if (typeof v === 'number') return String(roundForDisplay(unitOf(unit ?? '').fromSI(v), 3));
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? '';
}
