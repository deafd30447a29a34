import { describe, expect, it } from 'vitest';
import type { ProjectedKinematicsLabel } from '../../src/scene/kinematics/kinematics-labels';
import { boxesOverlap, layoutLabels } from '../../src/scene/label-layout';
import { labelRequest, sceneLabels } from '../../src/scene/scene-labels';
import type { PlacedLabel } from '../../src/scene/target-labels';

const label = (id: string, x: number, y: number, extra: Partial<PlacedLabel> = {}): PlacedLabel => ({
  id,
  name: id,
  x,
  y,
  depth: 5,
  bad: false,
  title: '',
  onScreen: true,
  ...extra,
});
const ghost = (id: string, x: number, y: number, extra: Partial<ProjectedKinematicsLabel> = {}): ProjectedKinematicsLabel => ({
  id, text: id, kind: 'ghost', x, y, depth: 3, onScreen: true, ...extra,
});

/** The ids of the labels placed at a 1000 × 800 view, each label 60 × 18 px. */
function placed(targets: PlacedLabel[], kinematics: ProjectedKinematicsLabel[] = [], pinned: string[] = [], picking = false) {
  const labels = sceneLabels(targets, kinematics);
  const requests = labels.map((l) => labelRequest(l, { width: 60, height: 18 }, new Set(pinned), picking));
  return layoutLabels(requests, 1000, 800).filter((p) => p.placed);
}
const ids = (ps: ReturnType<typeof placed>) => ps.map((p) => p.id).sort();

describe('target labels in the shared layout', () => {
  it('shows every label when none overlap, a name centred 14 px above its marker', () => {
    const shown = placed([label('a', 100, 100), label('b', 300, 100), label('c', 100, 200)]);
    expect(ids(shown)).toEqual(['target:a', 'target:b', 'target:c']);
    expect(shown[0]).toMatchObject({ left: 70, top: 100 - 14 - 18, leader: false });
  });

  it('keeps the nearer of two target labels that would cover each other, and does not move the other aside', () => {
    expect(ids(placed([label('far', 100, 100, { depth: 8 }), label('near', 110, 104, { depth: 3 })]))).toEqual(['target:near']);
  });

  it('puts unreachable targets before nearer reachable ones, and the selected or hovered before all', () => {
    const stack = [label('ok', 100, 100, { depth: 1 }), label('bad', 104, 100, { depth: 9, bad: true }), label('picked', 96, 102, { depth: 9 })];
    expect(ids(placed(stack))).toEqual(['target:bad']);
    expect(ids(placed(stack, [], ['picked']))).toEqual(['target:picked']);
  });

  it('moves every target name aside while the program editor picks a target, so each can be clicked', () => {
    const pile = Array.from({ length: 6 }, (_, i) => label(`t${i}`, 400 + i * 4, 300));
    expect(placed(pile)).toHaveLength(1);
    expect(placed(pile, [], [], true)).toHaveLength(6);
  });

  it('gives a target its own place before an IK ghost there, and moves the ghost one row (18 + 2 px) down instead (up would still touch the target name)', () => {
    const shown = placed([label('target', 400, 314)], [ghost('ghost:0', 400, 300)]);
    const target = shown.find((p) => p.id === 'target:target')!;
    const moved = shown.find((p) => p.id === 'ghost:0')!;
    expect(target).toMatchObject({ top: 314 - 14 - 18, leader: false });
    expect(moved).toMatchObject({ top: 300 - 9 + 20, left: 370, leader: true });
  });

  it('never shows two overlapping labels out of a pile of twenty targets, ghosts and frames', () => {
    const targets = Array.from({ length: 8 }, (_, i) => label(`t${i}`, 200 + (i % 4) * 12, 150 + Math.floor(i / 4) * 9, { depth: i }));
    const kinematics = Array.from({ length: 12 }, (_, i) => ghost(i % 2 ? `ghost:${i}` : `frame:${i}`, 210 + (i % 3) * 10, 160 + i * 4, { kind: i % 2 ? 'ghost' : 'frame' }));
    const shown = placed(targets, kinematics).map((p) => ({ left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + p.height }));
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) expect(boxesOverlap(shown[i]!, shown[j]!)).toBe(false);
    }
    // The targets thin out (four rows of names at 9 px spacing fit one in two), the rest move aside.
    expect(shown.length).toBeGreaterThanOrEqual(12);
  });

  it('leaves out labels behind the camera or off the canvas', () => {
    expect(placed([label('behind', 100, 100, { onScreen: false })], [ghost('ghost:1', 5, 5, { onScreen: false })])).toEqual([]);
  });
});
