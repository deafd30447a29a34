/**
 * "Frame the selection" requests: the keyboard (F) and the toolbar ask, the camera rig inside
 * the canvas answers. A counter in a tiny store, so a repeated request is still a change.
 */
import { createStore } from 'zustand/vanilla';

export const focusStore = createStore<{ requests: number }>(() => ({ requests: 0 }));

/** Asks the camera to frame the selection, or the whole cell when nothing is selected. */
export function requestFocus(): void {
  focusStore.setState((s) => ({ requests: s.requests + 1 }));
}
