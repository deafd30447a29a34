import { describe, expect, it } from 'vitest';
import { emptyCell, type FenceItem } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { addFenceRun } from '../../src/store/fence-run';
import { fenceRunPanels, runLength, segmentLengths, snapRunPoint, type Point2 } from '../../src/tools/fence-run';
import { checkLayout } from '../../src/tools/layout-checks';
import { sampleCell } from './store-fixtures';

/** An L: 3 m along +x, then 2 m along +y. */
const L: Point2[] = [
  [0, 0],
  [3, 0],
  [3, 2],
];

describe('fence run geometry', () => {
  it('cuts a 3 m + 2 m L into two 1.5 m panels along x and one 2 m panel along y', () => {
    const panels = fenceRunPanels(L);
    expect(panels).toHaveLength(3);
    const [p1, p2, p3] = panels;
    expect(p1?.centre).toEqual([0.75, 0]);
    expect(p1?.yaw).toBe(0);
    expect(p1?.length).toBeCloseTo(1.5, 12);
    expect(p2?.centre).toEqual([2.25, 0]);
    expect(p2?.length).toBeCloseTo(1.5, 12);
    expect(p3?.centre).toEqual([3, 1]);
    expect(p3?.yaw).toBeCloseTo(Math.PI / 2, 12);
    expect(p3?.length).toBeCloseTo(2, 12);
  });

  it('keeps the run length: the panels add up to the 5 m drawn', () => {
    expect(runLength(L)).toBeCloseTo(5, 12);
    expect(segmentLengths(L)).toEqual([3, 2]);
    expect(fenceRunPanels(L).reduce((s, p) => s + p.length, 0)).toBeCloseTo(5, 12);
  });

  it('cuts a 4.5 m diagonal at 45° into three equal 1.5 m panels facing 45°', () => {
    const d = 4.5 / Math.SQRT2;
    const panels = fenceRunPanels([
      [1, 1],
      [1 + d, 1 + d],
    ]);
    expect(panels.map((p) => p.length)).toEqual([1.5, 1.5, 1.5].map((v) => expect.closeTo(v, 9)));
    expect(panels[1]?.centre[0]).toBeCloseTo(1 + d / 2, 6);
    expect(panels[1]?.yaw).toBeCloseTo(Math.PI / 4, 12);
  });

  it('skips a segment shorter than 100 mm (two clicks on nearly the same spot)', () => {
    expect(
      fenceRunPanels([
        [0, 0],
        [0.05, 0],
        [1, 0],
      ]).map((p) => p.length),
    ).toEqual([expect.closeTo(0.95, 9)]);
  });

  it('snaps the first point to the 10 mm grid and the next to 15° steps and 10 mm lengths', () => {
    expect(snapRunPoint(null, [0.1234, -0.5678], false)).toEqual([0.12, -0.57]);
    // 2.0042 m at 0.86°: straight along x, 2000 mm.
    expect(snapRunPoint([0, 0], [2.004, 0.03], false)).toEqual([2, 0]);
    // 1.0358 m at 15.1°: 1040 mm at exactly 15°.
    const p = snapRunPoint([0, 0], [1, 0.27], false);
    expect(Math.hypot(p[0], p[1])).toBeCloseTo(1.04, 6);
    expect(Math.atan2(p[1], p[0])).toBeCloseTo(Math.PI / 12, 6);
  });

  it('takes the point as clicked when free (Shift)', () => {
    expect(snapRunPoint([0, 0], [1, 0.27], true)).toEqual([1, 0.27]);
  });
});

describe('adding a fence run to the cell', () => {
  it('adds the three panels of the L as fence items in one undo step, selected', () => {
    const store = createCellStore(sampleCell());
    const before = store.getState().cell.items.length;
    store.getState().execute(addFenceRun(fenceRunPanels(L)));
    const fences = store.getState().cell.items.filter((i): i is FenceItem => i.type === 'fence');
    expect(fences.map((f) => f.id)).toEqual(['fence-1', 'fence-2', 'fence-3']);
    expect(fences.reduce((s, f) => s + f.length, 0)).toBeCloseTo(5, 12);
    expect(fences[2]?.pose).toEqual({ xyz: [3, 1, 0], rpy: [0, 0, Math.PI / 2] });
    expect(fences.every((f) => f.height === 2)).toBe(true);
    expect(store.getState().selection).toEqual(['fence-1', 'fence-2', 'fence-3']);
    expect(store.getState().undoLabel).toBe('Add fence run (3 panels)');
    store.getState().undo();
    expect(store.getState().cell.items).toHaveLength(before);
  });

  it('numbers new panels after the fences already there, and names each run apart', () => {
    const store = createCellStore(emptyCell());
    store.getState().execute(addFenceRun(fenceRunPanels(L.slice(0, 2))));
    store.getState().execute(addFenceRun(fenceRunPanels(L.slice(1))));
    expect(store.getState().cell.items.map((i) => i.id)).toEqual(['fence-1', 'fence-2', 'fence-3']);
    expect(store.getState().cell.items.map((i) => i.name)).toEqual(['Fence run 1 · 1/2', 'Fence run 1 · 2/2', 'Fence run 2 · 1/1']);
  });

  it('refuses an empty run and leaves the cell as it was', () => {
    const store = createCellStore(sampleCell());
    const cell = store.getState().cell;
    store.getState().execute(addFenceRun([]));
    expect(store.getState().cell).toBe(cell);
    expect(store.getState().lastError?.message).toMatch(/at least one segment/);
  });

  it('does not flag the panels of a run as clashing where they meet at a corner post', () => {
    const store = createCellStore(emptyCell());
    store.getState().execute(addFenceRun(fenceRunPanels(L)));
    expect(checkLayout(store.getState().cell).intersections).toEqual([]);
  });
});
