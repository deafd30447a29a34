/**
 * Whether the camera tour is playing, since when, and the caption on screen. The tour driver in
 * the canvas (TourDriver.tsx) moves the camera each frame from this; the caption changes only
 * when the tour reaches another stop, so no per-frame value lives in the store.
 */
import { createStore } from 'zustand/vanilla';
import { viewOptionsStore } from '../view-options';

export interface TourState {
  playing: boolean;
  /** `performance.now()` (ms) at which t = 0 of the tour was. */
  startedAt: number;
  /** The caption of the stop on screen (null while no tour plays). */
  caption: string | null;
}

export const tourStore = createStore<TourState>(() => ({ playing: false, startedAt: 0, caption: null }));

/** Plays the tour from its first stop (in the 3D view: stops are perspective views). */
export function startTour(): void {
  viewOptionsStore.setState({ view: 'perspective' });
  tourStore.setState({ playing: true, startedAt: performance.now(), caption: null });
}

/** Stops the tour; the camera stays where it is and the orbit controls take over. */
export function stopTour(): void {
  if (tourStore.getState().playing || tourStore.getState().caption !== null) tourStore.setState({ playing: false, caption: null });
}

/** Starts or stops the tour. */
export function toggleTour(): void {
  if (tourStore.getState().playing) stopTour();
  else startTour();
}
