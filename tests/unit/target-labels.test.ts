import { describe, expect, it } from 'vitest';
import { labelBox, visibleLabels, type PlacedLabel } from '../../src/scene/target-labels';

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

describe('decluttering target labels', () => {
  it('sizes a label from its text: 6.5 px a character plus 12 px, 18 px tall, above its point', () => {
    expect(labelBox({ name: 'Slot 1', x: 100, y: 50 })).toEqual({ left: 100 - 25.5, right: 100 + 25.5, top: 18, bottom: 36 });
  });

  it('shows every label when none overlap', () => {
    const labels = [label('a', 100, 100), label('b', 300, 100), label('c', 100, 200)];
    expect([...visibleLabels(labels, new Set())].sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps the nearer of two labels that would cover each other', () => {
    const labels = [label('far', 100, 100, { depth: 8 }), label('near', 110, 104, { depth: 3 })];
    expect([...visibleLabels(labels, new Set())]).toEqual(['near']);
  });

  it('puts unreachable targets before nearer reachable ones, and the selected or hovered before all', () => {
    const stack = [label('ok', 100, 100, { depth: 1 }), label('bad', 104, 100, { depth: 9, bad: true }), label('picked', 96, 102, { depth: 9 })];
    expect([...visibleLabels(stack, new Set())]).toEqual(['bad']);
    expect([...visibleLabels(stack, new Set(['picked']))]).toEqual(['picked']);
  });

  it('never shows two overlapping labels out of a pile of twenty', () => {
    const pile = Array.from({ length: 20 }, (_, i) => label(`t${i}`, 200 + (i % 5) * 12, 150 + Math.floor(i / 5) * 9, { depth: i }));
    const shown = pile.filter((l) => visibleLabels(pile, new Set()).has(l.id)).map(labelBox);
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i]!, shown[j]!];
        expect(a.left >= b.right || b.left >= a.right || a.top >= b.bottom || b.top >= a.bottom).toBe(true);
      }
    }
    expect(shown.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves out labels behind the camera or off the canvas', () => {
    expect([...visibleLabels([label('behind', 100, 100, { onScreen: false })], new Set())]).toEqual([]);
  });
});
