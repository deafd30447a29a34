/**
 * The transform tool's settings: which handle (move or rotate), and whether snapping is on.
 * Plain vanilla store so keyboard shortcuts, the toolbar and the scene share it.
 */
import { createStore } from 'zustand/vanilla';

export type GizmoMode = 'translate' | 'rotate';

export interface GizmoState {
  mode: GizmoMode;
  /** Snap moves to 10 mm and turns to 15° (hold Shift while dragging for free movement). */
  snap: boolean;
  /** True while Shift is held: snapping is suspended for this drag. */
  free: boolean;
  /** Drag the selected robot's tool (the arm follows by IK) instead of moving the robot. */
  ik: boolean;
  /** The next click on an item surface adds a target there. */
  placingTarget: boolean;
}

export const gizmoStore = createStore<GizmoState>(() => ({ mode: 'translate', snap: true, free: false, ik: false, placingTarget: false }));

/** Snap steps: 10 mm and 15°, what layout tools commonly default to. */
export const SNAP_TRANSLATION_M = 0.01;
export const SNAP_ROTATION_RAD = Math.PI / 12;
