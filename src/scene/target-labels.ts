/**
 * Where the 3D view's target labels' points are on screen, as the canvas last drew them
 * (TargetLabelLayout.tsx writes, SceneLabels.tsx reads). The overlay lays them out with the
 * kinematics view's labels in one layout (label-layout.ts, scene-labels.ts): labels that would
 * cover each other are thinned out, the selected or hovered target first, then targets no robot
 * reaches (a problem to see), then the nearer ones; a label left out still has its marker and a
 * dot with its name as the tooltip. Plain DOM labels in one overlay, positioned from the
 * canvas's frame, instead of one React root per label (drei's Html), whose teardown logged
 * "synchronously unmount a root" errors.
 */
import { createStore } from 'zustand/vanilla';

/** One label as laid out on screen (px from the canvas's top left). */
export interface PlacedLabel {
  id: string;
  name: string;
  x: number;
  y: number;
  /** Distance from the camera (m): nearer labels win a tie. */
  depth: number;
  bad: boolean;
  /** The tooltip: who reaches it. */
  title: string;
  /** In front of the camera and inside the canvas. */
  onScreen: boolean;
}

export interface TargetLabelState {
  labels: PlacedLabel[];
  /** The target whose marker the pointer is over. */
  hovered: string | null;
}

export const targetLabelStore = createStore<TargetLabelState>(() => ({ labels: [], hovered: null }));
