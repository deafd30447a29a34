/**
 * The measure tool's state: whether it is on and the points picked so far. A vanilla store (like
 * gizmo-state.ts) so that the toolbar, the keyboard, the scene and the readout share it. Not part
 * of the document: measuring never enters the undo history.
 */
import { createStore } from 'zustand/vanilla';
import type { Vec3 } from '../model';
import { addMeasurePoint, type MeasurePoints } from './measure';

export interface MeasureState extends MeasurePoints {
  /** Clicks in the scene pick measure points instead of selecting items. */
  active: boolean;
}

export const measureStore = createStore<MeasureState>(() => ({ active: false, a: null, b: null }));

/**
 * Turns the tool on (with no points yet) or off. The active-tool machine (active-tool-bridge.ts)
 * ends whatever other tool was active.
 */
export function setMeasuring(active: boolean): void {
  measureStore.setState({ active, a: null, b: null });
}

/** Toggles the tool (toolbar button and key M). */
export function toggleMeasuring(): void {
  setMeasuring(!measureStore.getState().active);
}

/** A click on a surface at `p` (cell coordinates, m) while the tool is on. */
export function pickMeasurePoint(p: Vec3): void {
  const s = measureStore.getState();
  if (!s.active) return;
  measureStore.setState(addMeasurePoint(s, p));
}
