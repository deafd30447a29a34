/**
 * Present mode: the 3D view alone, full screen (the Fullscreen API where the page may use it,
 * else it fills the window), the cell running, the camera tour playing with its captions and the
 * KPI strip. Escape (or leaving full screen) ends it and puts back the view, the run state and
 * the camera as they were.
 */
import { createStore } from 'zustand/vanilla';
import { simStatusStore } from '../../bridge/sim-status';
import { currentCameraView, setCameraView, type CameraView } from '../../scene/tour/camera-access';
import { startTour, stopTour } from '../../scene/tour/tour-state';
import { cellStore } from '../../store/app-store';
import { toggleRun } from '../run-actions';

export interface PresentState {
  active: boolean;
  /** True when the browser granted full screen; false when the view only fills the window. */
  fullscreen: boolean;
  /** A WebM recording in progress: 0…1 of the tour's loop. */
  recording: { progress: number } | null;
}

export const presentStore = createStore<PresentState>(() => ({ active: false, fullscreen: false, recording: null }));

/** What Present mode changed, to put back on leaving. */
let before: { view: CameraView | null; startedRun: boolean } | null = null;

const hasStops = () => (cellStore.getState().cell.presentation?.stops.length ?? 0) > 0;

/** Enters Present mode (call from a click or key: browsers grant full screen to a user gesture only). */
export function enterPresent(): void {
  if (presentStore.getState().active) return;
  const startedRun = simStatusStore.getState().phase !== 'running';
  before = { view: currentCameraView(), startedRun };
  presentStore.setState({ active: true, fullscreen: false });
  cellStore.getState().select([]);
  const root = document.documentElement;
  if (document.fullscreenEnabled && root.requestFullscreen) {
    root.requestFullscreen({ navigationUI: 'hide' }).then(
      () => presentStore.setState({ fullscreen: true }),
      () => undefined, // refused (an iframe without allow="fullscreen", no gesture): the view fills the window instead
    );
  }
  if (startedRun) void toggleRun();
  if (hasStops()) startTour();
}

/** Leaves Present mode: editor back, full screen left, run and camera as they were before. */
export function leavePresent(): void {
  if (!presentStore.getState().active) return;
  presentStore.setState({ active: false, fullscreen: false });
  stopTour();
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  const was = before;
  before = null;
  if (was?.startedRun && simStatusStore.getState().phase === 'running') void toggleRun();
  if (was?.view) setCameraView(was.view);
}

/** Present, or leave Present mode. */
export function togglePresent(): void {
  if (presentStore.getState().active) leavePresent();
  else enterPresent();
}

// Escape in real full screen is the browser's: it leaves full screen without a key event. Follow it.
if (typeof document !== 'undefined') {
  document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement === null && presentStore.getState().fullscreen) leavePresent();
  });
}
