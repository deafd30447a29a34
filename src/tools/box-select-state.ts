/**
 * The box-select tool as a small state machine: idle → pressed → dragging → idle. The scene
 * feeds it pointer events; the overlay draws `phase` while dragging. Starting a box must not
 * fight the orbit controls, so it starts only on a deliberate gesture:
 * - Shift + left-drag on empty floor (Shift over an item stays Shift+click: add to the selection);
 * - any left-drag after arming the tool with B or the toolbar's Box button (one box, then disarmed,
 *   like Blender's B).
 * Shift held at the press adds the boxed items to the selection; otherwise they replace it.
 * A press released without moving `BOX_DRAG_THRESHOLD_PX` is a click, not a box.
 */
import { createStore } from 'zustand/vanilla';
import { boxMode, type BoxMode, type ScreenRect } from './box-select';

/** How far (px) the pointer must move before a press becomes a box. */
export const BOX_DRAG_THRESHOLD_PX = 4;

/** Where a drag is: nothing pressed, pressed (not yet a box), or drawing a box. */
export type BoxSelectPhase =
  | { kind: 'idle' }
  | { kind: 'pressed'; x: number; y: number; additive: boolean }
  | { kind: 'dragging'; rect: ScreenRect; additive: boolean };

/** The tool's whole state. */
export interface BoxSelectState {
  /** B or the toolbar armed the tool: the next left-drag draws a box wherever it starts. */
  armed: boolean;
  phase: BoxSelectPhase;
}

/** What a release means: a finished box, a click (no drag) at a point, or nothing. */
export type BoxRelease =
  | { kind: 'box'; rect: ScreenRect; mode: BoxMode; additive: boolean }
  | { kind: 'click'; x: number; y: number; additive: boolean }
  | { kind: 'none' };

/** A pointer press as the tool sees it. */
export interface BoxPress {
  button: number;
  shiftKey: boolean;
  /** True when the pointer is on a handle of the transform gizmo (Shift+drag there moves freely). */
  overHandle: boolean;
}

/** Nothing pressed, not armed: where every box ends. */
export const IDLE: BoxSelectState = { armed: false, phase: { kind: 'idle' } };

/**
 * Whether a press starts the tool. `overItem` is asked only when it matters (it raycasts):
 * an unarmed Shift+press starts a box on empty floor only.
 */
export function wantsBox(state: BoxSelectState, press: BoxPress, overItem: () => boolean): boolean {
  if (press.button !== 0 || press.overHandle || state.phase.kind !== 'idle') return false;
  if (state.armed) return true;
  return press.shiftKey && !overItem();
}

/** The press: remember where it started. */
export function pressBox(state: BoxSelectState, x: number, y: number, additive: boolean): BoxSelectState {
  return { ...state, phase: { kind: 'pressed', x, y, additive } };
}

/** A pointer move: past the threshold a press becomes a box; a box follows the pointer. */
export function moveBox(state: BoxSelectState, x: number, y: number): BoxSelectState {
  const { phase } = state;
  if (phase.kind === 'pressed') {
    if (Math.hypot(x - phase.x, y - phase.y) < BOX_DRAG_THRESHOLD_PX) return state;
    return { ...state, phase: { kind: 'dragging', rect: { x0: phase.x, y0: phase.y, x1: x, y1: y }, additive: phase.additive } };
  }
  if (phase.kind === 'dragging') return { ...state, phase: { ...phase, rect: { ...phase.rect, x1: x, y1: y } } };
  return state;
}

/** The release: what it means, and the tool back to idle and disarmed. */
export function releaseBox(state: BoxSelectState): { state: BoxSelectState; outcome: BoxRelease } {
  const { phase } = state;
  let outcome: BoxRelease = { kind: 'none' };
  if (phase.kind === 'pressed') outcome = { kind: 'click', x: phase.x, y: phase.y, additive: phase.additive };
  if (phase.kind === 'dragging') outcome = { kind: 'box', rect: phase.rect, mode: boxMode(phase.rect), additive: phase.additive };
  return { state: IDLE, outcome };
}

/** Escape: drop the box (the selection stays as it was) and disarm. */
export function cancelBox(): BoxSelectState {
  return IDLE;
}

/** B / the toolbar button: arm, or disarm when armed (a box in progress is left alone). */
export function toggleArmed(state: BoxSelectState): BoxSelectState {
  return { ...state, armed: !state.armed };
}

/** The tool's live state, shared by the scene (pointer events), the overlay and the toolbar. */
export const boxSelectStore = createStore<BoxSelectState>(() => IDLE);
