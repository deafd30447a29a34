/**
 * Align and distribute: footprints (world-axis boxes around turned footprints) line up on an
 * edge or centre line, or get equal gaps; locked items stay; each is one undo step.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell, type Cell, type CellItem } from '../../src/model';
import { alignItems, distributeItems, lockedAmong } from '../../src/store/arrange-commands';
import { createCellStore, EditError } from '../../src/store/cell-store';
import { footprint } from '../../src/tools/placement';
import { deepFreeze } from './store-fixtures';

const table = (id: string, x: number, y: number, sx: number, sy: number, yaw = 0, locked = false): CellItem => ({
  id,
  name: id,
  type: 'table',
  pose: { xyz: [x, y, 0], rpy: [0, 0, yaw] },
  size: [sx, sy, 0.75],
  ...(locked ? { locked: true } : {}),
});

/**
 * a: 1.2 × 0.8 at (1, 0) → x 0.4..1.6; b: 0.6 square at (−2, 1) → x −2.3..−1.7;
 * c: 2 × 0.5 conveyor-sized table turned 30° at (0.3, −1.5) → x half-width 0.9910 → −0.6910..1.2910.
 */
function cell(): Cell {
  return deepFreeze({
    ...emptyCell('Arrange'),
    items: [table('a', 1, 0, 1.2, 0.8), table('b', -2, 1, 0.6, 0.6), table('c', 0.3, -1.5, 2, 0.5, Math.PI / 6)],
  });
}
const fp = (c: Cell, id: string) => footprint(c.items.find((i) => i.id === id) as CellItem);

describe('align', () => {
  it('"align left" puts every footprint\'s min x on the leftmost one (−2.3 m), the turned table included', () => {
    const next = alignItems(['a', 'b', 'c'], 'left').apply(cell());
    for (const id of ['a', 'b', 'c']) expect(Math.abs(fp(next, id).minX - -2.3)).toBeLessThan(1e-9);
    // Only x moved: y and the turn are as they were.
    expect(next.items.map((i) => i.pose.xyz[1])).toEqual([0, 1, -1.5]);
    expect(next.items[2]?.pose.rpy[2]).toBe(Math.PI / 6);
    // The turned table's centre sits its world half-width (2·cos30°/2 + 0.5·sin30°/2 = 0.99103 m) right of the edge.
    expect(next.items[2]?.pose.xyz[0]).toBeCloseTo(-2.3 + 0.991025, 6);
  });

  it('"align right" and "align back" use the largest edge; the item already there keeps its very object', () => {
    const before = cell();
    const right = alignItems(['a', 'b', 'c'], 'right').apply(before);
    for (const id of ['a', 'b', 'c']) expect(Math.abs(fp(right, id).maxX - 1.6)).toBeLessThan(1e-9);
    expect(right.items[0]).toBe(before.items[0]);
    const back = alignItems(['a', 'b', 'c'], 'back').apply(before);
    for (const id of ['a', 'b', 'c']) expect(Math.abs(fp(back, id).maxY - 1.3)).toBeLessThan(1e-9);
  });

  it('"align front" uses the smallest y, and centre lines use the middle of the box around all', () => {
    const front = alignItems(['a', 'b'], 'front').apply(cell());
    expect(fp(front, 'a').minY).toBeCloseTo(-0.4, 9);
    expect(fp(front, 'b').minY).toBeCloseTo(-0.4, 9);
    const centred = alignItems(['a', 'b'], 'centre-x').apply(cell());
    // Box around a and b: x −2.3..1.6, centre −0.35.
    expect(centred.items.map((i) => i.pose.xyz[0]).slice(0, 2)).toEqual([-0.35, -0.35].map((v) => expect.closeTo(v, 9)));
    const centredY = alignItems(['a', 'b'], 'centre-y').apply(cell());
    expect(centredY.items[0]?.pose.xyz[1]).toBeCloseTo(0.45, 9); // y −0.4..1.3
  });

  it('leaves a locked item where it is but still lines the others up on it', () => {
    const c = deepFreeze({ ...cell(), items: [table('a', 1, 0, 1.2, 0.8), table('b', -2, 1, 0.6, 0.6, 0, true)] });
    const next = alignItems(['a', 'b'], 'left').apply(c);
    expect(next.items[1]).toBe(c.items[1]);
    expect(fp(next, 'a').minX).toBeCloseTo(-2.3, 9);
    expect(lockedAmong(c, ['a', 'b']).map((i) => i.id)).toEqual(['b']);
  });

  it('needs two items', () => {
    expect(() => alignItems(['a'], 'left').apply(cell())).toThrow(EditError);
  });
});

describe('distribute', () => {
  it('spreads four items along x with equal gaps between footprints; the outer two stay', () => {
    const c = deepFreeze({
      ...emptyCell(),
      items: [table('p', 0, 0, 1, 1), table('q', 0.9, 2, 0.4, 0.4), table('r', 6, 0, 2, 1), table('s', 2.5, -1, 1, 1, Math.PI / 2)],
    });
    const next = distributeItems(['p', 'q', 'r', 's'], 'x').apply(c);
    // Span −0.5..7, widths 1 + 0.4 + 1 + 2 = 4.4: three gaps of (7.5 − 4.4) / 3 = 1.0333 m.
    const order = ['p', 'q', 's', 'r'].map((id) => fp(next, id));
    const gaps = order.slice(1).map((f, i) => f.minX - (order[i] as typeof f).maxX);
    for (const g of gaps) expect(Math.abs(g - 3.1 / 3)).toBeLessThan(1e-9);
    expect(next.items[0]).toBe(c.items[0]);
    expect(next.items[2]).toBe(c.items[2]);
    expect(next.items.map((i) => i.pose.xyz[1])).toEqual([0, 2, 0, -1]);
  });

  it('spreads along y the same way, and needs three items', () => {
    const c = deepFreeze({ ...emptyCell(), items: [table('p', 0, 0, 1, 1), table('q', 1, 0.6, 1, 0.2), table('r', 2, 4, 1, 2)] });
    const next = distributeItems(['p', 'q', 'r'], 'y').apply(c);
    // Span −0.5..5, heights 1 + 0.2 + 2: two gaps of 1.15 m; q's min y at 0.5 + 1.15.
    expect(fp(next, 'q').minY).toBeCloseTo(1.65, 9);
    expect(fp(next, 'r').minY - fp(next, 'q').maxY).toBeCloseTo(1.15, 9);
    expect(() => distributeItems(['p', 'q'], 'y').apply(c)).toThrow(/three or more/);
  });
});

describe('arranging in the store', () => {
  it('is one undo step that restores every pose, and redo brings the arrangement back', () => {
    const store = createCellStore(cell());
    const start = store.getState().cell;
    store.getState().execute(alignItems(['a', 'b', 'c'], 'left'));
    const aligned = store.getState().cell;
    expect(store.getState().undoLabel).toBe('Align left');
    store.getState().undo();
    expect(store.getState().cell).toBe(start);
    expect(store.getState().canUndo).toBe(false);
    store.getState().redo();
    expect(store.getState().cell).toBe(aligned);
  });

  it('leaves no undo entry when everything is aligned already', () => {
    const store = createCellStore(cell());
    store.getState().execute(alignItems(['a', 'b', 'c'], 'left'));
    store.getState().execute(alignItems(['a', 'b', 'c'], 'left'));
    store.getState().undo();
    expect(store.getState().canUndo).toBe(false);
  });
});
