/**
 * What the program editor shows: whether the right panel shows the Program tab, for which robot,
 * which step is open, and whether the next click on a target in the scene picks the open step's
 * target. A vanilla store so the inspector, the scene markers and the shortcuts share it.
 */
import { createStore } from 'zustand/vanilla';

export interface ProgramPanelState {
  /** The right panel's tab. */
  tab: 'inspector' | 'program';
  /** The robot whose program is shown (null: the first robot of the cell). */
  robot: string | null;
  /** Index of the step whose fields are open, or null. */
  open: number | null;
  /** The next click on a target marker sets this step's target. */
  picking: { robot: string; index: number } | null;
  /** Where a "run from step" started: the page's step index = (reported + offset) mod length. */
  runOffsets: Record<string, number>;
}

export const programPanelStore = createStore<ProgramPanelState>(() => ({ tab: 'inspector', robot: null, open: null, picking: null, runOffsets: {} }));

/** Shows `robot`'s program in the right panel. */
export function openProgramEditor(robot: string): void {
  programPanelStore.setState({ tab: 'program', robot, open: null, picking: null });
}

/** Handlers of a target click while picking (set by the program editor; the scene calls it). */
let onPick: ((targetId: string) => void) | null = null;

/** Registers what a picked target does (the editor sets it, a test may too). */
export function setTargetPickHandler(handler: ((targetId: string) => void) | null): void {
  onPick = handler;
}

/** A target marker was clicked: when picking, hands the target to the editor; true when used. */
export function targetClicked(targetId: string): boolean {
  if (programPanelStore.getState().picking === null || onPick === null) return false;
  onPick(targetId);
  programPanelStore.setState({ picking: null });
  return true;
}

/**
 * The page's index of the step a run reports: a run started from step k runs the program
 * rotated by k, so its step i is the page's step (i + k) mod n.
 */
export function displayedStep(reported: number, offset: number, length: number): number {
  return length > 0 ? (reported + offset) % length : 0;
}
