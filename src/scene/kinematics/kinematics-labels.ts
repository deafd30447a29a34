/**
 * The kinematics view's labels (IK ghost branches, joint frames) as projected on screen, for the
 * one DOM label overlay (SceneLabels.tsx) that lays them out with the targets' labels, so
 * that no two labels of any kind cover each other. The canvas side (KinematicsLabelAnchors)
 * writes here; the overlay reads.
 */
import { createStore } from 'zustand/vanilla';

/** What a kinematics label names: a ghost robot (within its joint limits or not) or a frame. */
export type KinematicsLabelKind = 'ghost' | 'ghost-out' | 'frame';

/** A label to draw, with its point in the frame of the group it is drawn in (m). */
export interface KinematicsLabelSource {
  id: string;
  text: string;
  kind: KinematicsLabelKind;
  position: readonly [number, number, number];
}

/** A label's anchor on the canvas (px from its top left), after the last rendered frame. */
export interface ProjectedKinematicsLabel {
  id: string;
  text: string;
  kind: KinematicsLabelKind;
  x: number;
  y: number;
  /** Distance from the camera (m). */
  depth: number;
  /** In front of the camera and inside the canvas. */
  onScreen: boolean;
}

export const kinematicsLabelStore = createStore<{ labels: ProjectedKinematicsLabel[] }>(() => ({ labels: [] }));

/** True when two projections would draw the same: same labels, same whole-pixel anchors. */
export function sameProjection(a: readonly ProjectedKinematicsLabel[], b: readonly ProjectedKinematicsLabel[]): boolean {
  return (
    a.length === b.length &&
    a.every((l, i) => {
      const m = b[i]!;
      return l.id === m.id && l.text === m.text && l.kind === m.kind && l.x === m.x && l.y === m.y && l.onScreen === m.onScreen;
    })
  );
}
