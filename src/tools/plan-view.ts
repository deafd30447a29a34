/**
 * The on-screen plan view: whether it is open, and the view-box maths behind its wheel zoom and
 * drag pan. The plan is an SVG drawn with `preserveAspectRatio="xMidYMid meet"` (the default):
 * the view box is scaled uniformly to fit the element and centred in it.
 */
import { createStore } from 'zustand/vanilla';

/** An SVG view box: x, y of its top-left corner, width, height (plan units: mm). */
export type ViewBox = [number, number, number, number];

export interface PlanViewState {
  open: boolean;
}

export const planViewStore = createStore<PlanViewState>(() => ({ open: false }));

/** Opens or closes the plan (toolbar button and key P). */
export function togglePlanView(): void {
  planViewStore.setState((s) => ({ open: !s.open }));
}

/** The element's pixel box (as getBoundingClientRect gives it). */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Plan units per screen pixel, and where the view box's corner lands on screen ("meet"). */
function fit(vb: ViewBox, rect: PixelRect): { unitsPerPx: number; offsetX: number; offsetY: number } {
  const scale = Math.min(rect.width / vb[2], rect.height / vb[3]); // px per unit
  return { unitsPerPx: 1 / scale, offsetX: (rect.width - vb[2] * scale) / 2, offsetY: (rect.height - vb[3] * scale) / 2 };
}

/** The plan point (plan units) under a screen point. */
export function clientToPlan(vb: ViewBox, rect: PixelRect, clientX: number, clientY: number): [number, number] {
  const { unitsPerPx, offsetX, offsetY } = fit(vb, rect);
  return [vb[0] + (clientX - rect.left - offsetX) * unitsPerPx, vb[1] + (clientY - rect.top - offsetY) * unitsPerPx];
}

/**
 * Zooms by `factor` (< 1 zooms in) about `focus` (plan units): the point under the cursor stays
 * under the cursor. The width is kept within [minWidth, maxWidth].
 */
export function zoomViewBox(vb: ViewBox, factor: number, focus: [number, number], minWidth = 200, maxWidth = 1e6): ViewBox {
  const f = Math.min(Math.max(factor, minWidth / vb[2]), maxWidth / vb[2]);
  return [focus[0] - (focus[0] - vb[0]) * f, focus[1] - (focus[1] - vb[1]) * f, vb[2] * f, vb[3] * f];
}

/** Moves the view with a drag of (dxPx, dyPx) screen pixels: the plan follows the pointer. */
export function panViewBox(vb: ViewBox, rect: PixelRect, dxPx: number, dyPx: number): ViewBox {
  const { unitsPerPx } = fit(vb, rect);
  return [vb[0] - dxPx * unitsPerPx, vb[1] - dyPx * unitsPerPx, vb[2], vb[3]];
}

/** The factor one wheel event zooms by: about 10 % per notch, out for positive deltaY. */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(deltaY * 0.001);
}
