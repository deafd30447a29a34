/**
 * Every label over the 3D view as one list for the shared layout (label-layout.ts): the cell's
 * targets (target-labels.ts) and the kinematics view's ghosts and frames (kinematics-labels.ts).
 * Which label wins a crowded spot, and where each kind sits beside its point, is decided here.
 */
import type { LabelRequest } from './label-layout';
import type { KinematicsLabelKind, ProjectedKinematicsLabel } from './kinematics/kinematics-labels';
import type { PlacedLabel } from './target-labels';

/** A label of any kind, anchored on the canvas. */
export interface SceneLabel {
  /** Unique across kinds: `target:…`, `ghost:…`, `frame:…`. */
  key: string;
  kind: 'target' | KinematicsLabelKind;
  text: string;
  /** The tooltip (a target's: who reaches it). */
  title: string;
  x: number;
  y: number;
  depth: number;
  /** A target no robot reaches. */
  bad: boolean;
  /** The target's id, for clicks. */
  target?: string;
}

/**
 * Who gets a spot first: targets the user points at (selected or hovered), targets no robot
 * reaches (a problem to see), other targets, ghosts within their limits, ghosts outside them,
 * then the joint frames' names.
 */
export function labelRank(label: SceneLabel, pinned: ReadonlySet<string>): number {
  if (label.kind === 'target') return label.target !== undefined && pinned.has(label.target) ? 0 : label.bad ? 1 : 2;
  return label.kind === 'ghost' ? 3 : label.kind === 'ghost-out' ? 4 : 5;
}

/** The on-screen targets and kinematics labels as one list. */
export function sceneLabels(targets: readonly PlacedLabel[], kinematics: readonly ProjectedKinematicsLabel[]): SceneLabel[] {
  const out: SceneLabel[] = [];
  for (const t of targets) {
    if (t.onScreen) out.push({ key: `target:${t.id}`, kind: 'target', text: t.name, title: t.title, x: t.x, y: t.y, depth: t.depth, bad: t.bad, target: t.id });
  }
  for (const k of kinematics) {
    if (k.onScreen) out.push({ key: k.id, kind: k.kind, text: k.text, title: k.text, x: k.x, y: k.y, depth: k.depth, bad: false });
  }
  return out;
}

/**
 * The layout request of one label of `size` px: a target's name sits centred 14 px above its
 * marker and stays there or gives way (pallet slots crowd by nature: moving them would stack
 * a column of names); a ghost's is centred on its point (above the ghost's elbow); a frame's
 * starts just right of the frame's z axis. Ghosts and frames move aside when crowded, and so do
 * targets when `spreadTargets` (the program editor picking a target: every name must be clickable).
 */
export function labelRequest(label: SceneLabel, size: { width: number; height: number }, pinned: ReadonlySet<string>, spreadTargets = false): LabelRequest {
  const { width, height } = size;
  const base = { id: label.key, x: label.x, y: label.y, width, height, rank: labelRank(label, pinned), depth: label.depth };
  if (label.kind === 'target') return spreadTargets ? { ...base, offsetX: 0, offsetY: -14 - height / 2 } : { ...base, offsetX: 0, offsetY: -14 - height / 2, rings: 0 };
  if (label.kind === 'frame') return { ...base, offsetX: width / 2 + 4, offsetY: 0 };
  return { ...base, offsetX: 0, offsetY: 0 };
}
