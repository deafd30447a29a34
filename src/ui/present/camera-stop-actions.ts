/**
 * The commands behind "Add camera stop" and the stops panel: the view becomes a stop, the panel
 * opens with the new stop's caption field focused (that is where the planner types its caption).
 */
import { createStore } from 'zustand/vanilla';
import { currentCameraView } from '../../scene/tour/camera-access';
import { stopTour } from '../../scene/tour/tour-state';
import { cellStore } from '../../store/app-store';
import { addCameraStop, DEFAULT_STOP_SECONDS } from '../../store/presentation-commands';
import { edit } from '../edit';
import { notify } from '../notices';

/** Whether the stops panel is open, and which stop's caption wants the focus. */
export const cameraStopsPanelStore = createStore<{ open: boolean; focusCaption: number | null }>(() => ({ open: false, focusCaption: null }));

/** Opens or closes the stops panel. */
export function toggleCameraStopsPanel(): void {
  cameraStopsPanelStore.setState((s) => ({ open: !s.open, focusCaption: null }));
}

/** Saves the current view as the tour's next stop and asks for its caption in the panel. */
export function addCameraStopFromView(): void {
  const view = currentCameraView();
  if (view === null) {
    notify('info', 'The 3D view is not ready yet', ['Wait until the cell is drawn, then add the stop.']);
    return;
  }
  stopTour();
  const count = cellStore.getState().cell.presentation?.stops.length ?? 0;
  if (edit(addCameraStop({ ...view, duration: DEFAULT_STOP_SECONDS, caption: '' }))) cameraStopsPanelStore.setState({ open: true, focusCaption: count });
}
