/**
 * Where the 3D view's target labels go on screen, and which of them show. Labels that would
 * cover each other are thinned out: the selected or hovered target first, then targets no robot
 * reaches (a problem to see), then the nearer ones; a label left out still has its marker, and
 * shows when its marker is hovered or the target selected. Plain DOM labels in one overlay,
 * positioned from the canvas's frame, instead of one React root per label (drei's Html), whose
 * teardown logged "synchronously unmount a root" errors.
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

/** A label's box (px), centred above its point: about 6.5 px per character at 11 px, plus padding. */
export function labelBox(label: Pick<PlacedLabel, 'name' | 'x' | 'y'>): { left: number; top: number; right: number; bottom: number } {
  const width = label.name.length * 6.5 + 12;
  const height = 18;
  return { left: label.x - width / 2, right: label.x + width / 2, top: label.y - 14 - height, bottom: label.y - 14 };
}

const overlap = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>, gap: number) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/**
 * The ids of the labels to show so that no two shown labels overlap (with `gap` px between them).
 * `first` (selected or hovered targets) always show, then unreachable ones, then by distance.
 */
export function visibleLabels(labels: readonly PlacedLabel[], first: ReadonlySet<string>, gap = 2): Set<string> {
  const candidates = labels.filter((l) => l.onScreen);
  const rank = (l: PlacedLabel) => (first.has(l.id) ? 0 : l.bad ? 1 : 2);
  candidates.sort((a, b) => rank(a) - rank(b) || a.depth - b.depth || a.id.localeCompare(b.id));
  const shown: Array<ReturnType<typeof labelBox>> = [];
  const ids = new Set<string>();
  for (const label of candidates) {
    const box = labelBox(label);
    if (!first.has(label.id) && shown.some((s) => overlap(s, box, gap))) continue;
    shown.push(box);
    ids.add(label.id);
  }
  return ids;
}
