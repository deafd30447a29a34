/**
 * Conversions at the UI edge: the model is SI (m, rad, m/s); planners read mm, degrees, mm/s.
 */
export const M_TO_MM = 1000;
export const RAD_TO_DEG = 180 / Math.PI;

/** Rounds away float noise for display (0.30000000000000004 m → 300 mm). */
export function roundForDisplay(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A display unit: how to turn SI into what the field shows and back. */
export interface DisplayUnit {
  label: string;
  fromSI(v: number): number;
  toSI(v: number): number;
}

export const MM: DisplayUnit = { label: 'mm', fromSI: (v) => v * M_TO_MM, toSI: (v) => v / M_TO_MM };
export const MM_PER_S: DisplayUnit = { label: 'mm/s', fromSI: (v) => v * M_TO_MM, toSI: (v) => v / M_TO_MM };
export const DEG: DisplayUnit = { label: '°', fromSI: (v) => v * RAD_TO_DEG, toSI: (v) => v / RAD_TO_DEG };
export const SECONDS: DisplayUnit = { label: 's', fromSI: (v) => v, toSI: (v) => v };
export const COUNT: DisplayUnit = { label: '', fromSI: (v) => v, toSI: (v) => v };
export const METRES: DisplayUnit = { label: 'm', fromSI: (v) => v, toSI: (v) => v };
export const KG: DisplayUnit = { label: 'kg', fromSI: (v) => v, toSI: (v) => v };

/** A duration as "45 s", "10 min", "1 h 30 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds - h * 3600) / 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
