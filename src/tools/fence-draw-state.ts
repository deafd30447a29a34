/**
 * Drawing a fence run: the points clicked so far and where the pointer is, shared by the floor
 * catcher in the scene, the preview, the hint panel and the keyboard. Finishing hands the points
 * to a handler the UI registers (it owns the edit command, the read-only guard and the notices),
 * as surface-click.ts does for targets.
 */
import { createStore } from 'zustand/vanilla';
import { snapRunPoint, type Point2 } from './fence-run';

export interface FenceDrawState {
  /** Clicks on the floor add points to the run. */
  active: boolean;
  /** The run so far, snapped. */
  points: Point2[];
  /** The snapped point under the pointer (the next point if clicked), for the preview. */
  hover: Point2 | null;
}

export const fenceDrawStore = createStore<FenceDrawState>(() => ({ active: false, points: [], hover: null }));

type FinishHandler = (points: Point2[]) => void;
let finishHandler: FinishHandler = () => undefined;

/** Registers what finishing a run does (the UI adds the fence panels). */
export function setFenceRunFinishHandler(h: FinishHandler): void {
  finishHandler = h;
}

/** Starts a new run (an unfinished one is dropped). */
export function startFenceDraw(): void {
  fenceDrawStore.setState({ active: true, points: [], hover: null });
}

/** Leaves the drawing mode without adding anything. */
export function cancelFenceDraw(): void {
  fenceDrawStore.setState({ active: false, points: [], hover: null });
}

const same = (a: Point2, b: Point2) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 0.001;

/**
 * A click on the floor at `raw` (free: no snapping). A click on the last point again (the second
 * click of a double-click) adds nothing.
 */
export function addFenceDrawPoint(raw: Point2, free: boolean): void {
  const { active, points } = fenceDrawStore.getState();
  if (!active) return;
  const last = points.at(-1) ?? null;
  const p = snapRunPoint(last, raw, free);
  if (last && same(last, p)) return;
  fenceDrawStore.setState({ points: [...points, p], hover: p });
}

/** The pointer moved over the floor to `raw`: the preview follows with the snapped point. */
export function hoverFenceDraw(raw: Point2 | null, free: boolean): void {
  const { active, points } = fenceDrawStore.getState();
  if (!active) return;
  fenceDrawStore.setState({ hover: raw ? snapRunPoint(points.at(-1) ?? null, raw, free) : null });
}

/** Removes the last point (Backspace). */
export function removeLastFenceDrawPoint(): void {
  const { active, points } = fenceDrawStore.getState();
  if (active && points.length > 0) fenceDrawStore.setState({ points: points.slice(0, -1) });
}

/** Ends the drawing and hands the points to the registered handler (double-click or Enter). */
export function finishFenceDraw(): void {
  const { active, points } = fenceDrawStore.getState();
  if (!active) return;
  cancelFenceDraw();
  finishHandler(points);
}
