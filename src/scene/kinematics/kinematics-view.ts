/**
 * What the kinematics view shows in the scene: which robot it is open for, which joint frames
 * are drawn, and whether the IK branches appear as ghost robots, the manipulability ellipsoid and heat map. UI state only, never saved.
 */
import { createStore } from 'zustand/vanilla';

export interface KinematicsViewState {
  /** The robot item the kinematics section is open for, or null when it is closed. */
  robot: string | null;
  /** Draw the joint frames (base, each joint, flange, TCP). */
  showFrames: boolean;
  /** Joints whose frame is hidden (by name). */
  hiddenFrames: string[];
  /** Draw every IK branch of the current tool pose as a translucent robot. */
  showGhosts: boolean;
  /** Draw the translational manipulability ellipsoid at the tool. */
  showEllipsoid: boolean;
  /** Draw the manipulability heat map over a horizontal plane. */
  showHeatMap: boolean;
  /** Height of the heat map's plane in the base frame (m); null: the tool's current height. */
  heatMapHeight: number | null;
}

export const kinematicsViewStore = createStore<KinematicsViewState>(() => ({
  robot: null,
  showFrames: true,
  hiddenFrames: [],
  showGhosts: false,
  showEllipsoid: false,
  showHeatMap: false,
  heatMapHeight: null,
}));

/** Shows or hides one joint's frame. */
export function toggleFrame(joint: string): void {
  const hidden = kinematicsViewStore.getState().hiddenFrames;
  kinematicsViewStore.setState({ hiddenFrames: hidden.includes(joint) ? hidden.filter((j) => j !== joint) : [...hidden, joint] });
}
