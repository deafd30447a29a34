/** The B key and the toolbar's Box button: arm box selection for one drag (or disarm it). */
import { boxSelectStore, toggleArmed } from '../tools/box-select-state';
import { cancelFenceDraw, fenceDrawStore } from '../tools/fence-draw-state';
import { measureStore, setMeasuring } from '../tools/measure-state';

/** Arms box selection, leaving the point-picking tools (their clicks would fight it); or disarms it. */
export function toggleBoxSelect(): void {
  const next = toggleArmed(boxSelectStore.getState());
  if (next.armed) {
    if (measureStore.getState().active) setMeasuring(false);
    if (fenceDrawStore.getState().active) cancelFenceDraw();
  }
  boxSelectStore.setState(next);
}
