/** What the last IK drag found, for the jog panel's readout (view state, not the document). */
import { createStore } from 'zustand/vanilla';

export interface IkStatus {
  reachable: boolean;
  /** Manipulability relative to the robot's typical value: near 0 means near a singularity. */
  manipulability: number | null;
  positionError: number;
}

export const ikStatusStore = createStore<IkStatus>(() => ({ reachable: true, manipulability: null, positionError: 0 }));
