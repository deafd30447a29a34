/** The B key and the toolbar's Box button: arm box selection for one drag (or disarm it). */
import { boxSelectStore, toggleArmed } from '../tools/box-select-state';

/**
 * Arms box selection or disarms it. Arming ends the point-picking tools (their clicks would fight
 * it): the active-tool machine sees to that (active-tool-bridge.ts).
 */
export function toggleBoxSelect(): void {
  boxSelectStore.setState(toggleArmed(boxSelectStore.getState()));
}
