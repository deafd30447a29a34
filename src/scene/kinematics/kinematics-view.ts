/**
 * What the kinematics view shows in the scene: which robot it is open for, which joint frames
 * are drawn, and whether the IK branches appear as ghost robots. UI state only, never saved.
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
}

export const kinematicsViewStore = createStore<KinematicsViewState>(() => ({
  robot: null,
  showFrames: true,
  hiddenFrames: [],
  showGhosts: false,
}));

/** Shows or hides one joint's frame. */
export function toggleFrame(joint: string): void {
  const hidden = kinematicsViewStore.getState().hiddenFrames;
  kinematicsViewStore.setState({ hiddenFrames: hidden.includes(joint) ? hidden.filter((j) => j !== joint) : [...hidden, joint] });
}
