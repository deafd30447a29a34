/**
 * The manipulability heat map of the kinematics view: what the worker last answered and how far
 * the running job is. UI state (never saved); the scene draws it, the panel shows progress and
 * the legend.
 */
import { createStore } from 'zustand/vanilla';
import type { PlaneGrid } from '../../kinematics/manipulability-map';
import { UNREACHABLE } from '../../kinematics/manipulability-map';

export interface HeatMapState {
  /** The robot item the map (running or finished) belongs to. */
  owner: string | null;
  status: 'idle' | 'running' | 'done' | 'error';
  /** Rows finished and rows in all, while running. */
  done: number;
  total: number;
  /** The last finished map: its grid and w per cell (row-major, row 0 at the most negative y). */
  grid: PlaneGrid | null;
  values: Float32Array | null;
  /** Smallest and largest w over the reachable cells (the legend's ends). */
  minW: number;
  maxW: number;
  /** Share of the cells that are reachable, 0…1. */
  reachable: number;
  message: string;
}

export const heatMapStore = createStore<HeatMapState>(() => ({
  owner: null, status: 'idle', done: 0, total: 0, grid: null, values: null, minW: 0, maxW: 0, reachable: 0, message: '',
}));

/** Summary numbers of a finished map. */
export function heatMapRange(values: Float32Array): { minW: number; maxW: number; reachable: number } {
  let minW = Infinity, maxW = 0, count = 0;
  for (const w of values) {
    if (w === UNREACHABLE) continue;
    count++;
    minW = Math.min(minW, w);
    maxW = Math.max(maxW, w);
  }
  return { minW: count ? minW : 0, maxW, reachable: values.length ? count / values.length : 0 };
}

/**
 * The colour of a share t ∈ [0, 1] of the largest w: dark purple (near-singular) through blue
 * and green to yellow (most dexterous), a perceptually ordered ramp like viridis, as 0–255 RGB.
 */
export function heatColour(t: number): [number, number, number] {
  const stops: [number, number, number][] = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!, b = stops[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/** The CSS gradient of {@link heatColour}, for the legend. */
export function heatGradientCss(): string {
  const parts = [0, 0.25, 0.5, 0.75, 1].map((t) => `rgb(${heatColour(t).join(',')}) ${t * 100}%`);
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
