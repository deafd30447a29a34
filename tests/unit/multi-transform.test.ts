/**
 * Moving and turning a multi-selection: the gizmo's centre, the same shift for every item, a
 * turn about the vertical axis through the centre, snapping, and one undo step per drag.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell, type Cell, type CellItem } from '../../src/model';
import { transformItems } from '../../src/store/arrange-commands';
import { createCellStore } from '../../src/store/cell-store';
import { selectionCentre, snapAngle, snapDelta, transformPose, wrapAngle } from '../../src/tools/multi-transform';
import { deepFreeze } from './store-fixtures';

const table = (id: string, x: number, y: number, z = 0, yaw = 0): CellItem => ({
  id,
  name: id,
  type: 'table',
  pose: { xyz: [x, y, z], rpy: [0.1, 0, yaw] },
  size: [1, 0.5, 0.75],
});

// a: x 0.5..1.5, y −0.25..0.25; b: 1 × 0.5 turned 90° at (−1, 2): x −1.25..−0.75, y 1.5..2.5, standing at z 0.2.
const cell = (): Cell => deepFreeze({ ...emptyCell(), items: [table('a', 1, 0), table('b', -1, 2, 0.2, Math.PI / 2), table('c', 5, 5)] });

describe('the multi-selection gizmo maths', () => {
  it('puts the gizmo at the centre of the box around the footprints, at the lowest base', () => {
    const [a, b] = cell().items as [CellItem, CellItem];
    const [x, y, z] = selectionCentre([a, b]);
    expect(x).toBeCloseTo(0.125, 12); // (−1.25 + 1.5) / 2
    expect(y).toBeCloseTo(1.125, 12); // (−0.25 + 2.5) / 2
    expect(z).toBe(0);
  });

  it('a move shifts position only, by the delta', () => {
    expect(transformPose({ xyz: [1, 2, 0.5], rpy: [0.1, 0.2, 0.3] }, { kind: 'translate', delta: [0.25, -1, 0] })).toEqual({
      xyz: [1.25, 1, 0.5],
      rpy: [0.1, 0.2, 0.3],
    });
  });

  it('a quarter turn about (0, 1) swings (1, 1) to (0, 2) and adds 90° to the yaw, keeping roll and pitch', () => {
    const p = transformPose({ xyz: [1, 1, 0.3], rpy: [0.1, 0.2, 0] }, { kind: 'rotate', angle: Math.PI / 2, centre: [0, 1] });
    expect(p.xyz).toEqual([0, 2, 0.3]);
    expect(p.rpy[0]).toBe(0.1);
    expect(p.rpy[1]).toBe(0.2);
    expect(p.rpy[2]).toBeCloseTo(Math.PI / 2, 9);
  });

  it('wraps yaw into (−180°, 180°]: 170° + 30° is −160°', () => {
    const deg = Math.PI / 180;
    const p = transformPose({ xyz: [0, 0, 0], rpy: [0, 0, 170 * deg] }, { kind: 'rotate', angle: 30 * deg, centre: [0, 0] });
    expect(p.rpy[2]).toBeCloseTo(-160 * deg, 9);
    expect(wrapAngle(-Math.PI)).toBe(Math.PI);
    expect(wrapAngle(3 * Math.PI)).toBeCloseTo(Math.PI, 12);
  });

  it('snaps a drag to whole 10 mm steps and a turn to whole 15° steps', () => {
    expect(snapDelta([0.123, -0.456, 0.004], 0.01).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.12, -0.46, 0]);
    expect(snapDelta([0.123, 0, 0], null)).toEqual([0.123, 0, 0]);
    expect(snapAngle((22 * Math.PI) / 180, Math.PI / 12)).toBeCloseTo((15 * Math.PI) / 180, 12);
    expect(snapAngle((23 * Math.PI) / 180, Math.PI / 12)).toBeCloseTo((30 * Math.PI) / 180, 12);
  });
});

describe('moving a multi-selection in the store', () => {
  it('a drag of many pointer moves is one undo step, each move taken from where the drag began', () => {
    const store = createCellStore(cell());
    const start = store.getState().cell;
    store.getState().beginGesture('Move 2 items');
    for (const dx of [0.1, 0.2, 0.3]) store.getState().updateGesture(transformItems(['a', 'b'], { kind: 'translate', delta: [dx, 0, 0] }));
    store.getState().endGesture();
    expect(store.getState().cell.items.map((i) => i.pose.xyz[0])).toEqual([1.3, -0.7, 5]);
    expect(store.getState().undoLabel).toBe('Move 2 items');
    store.getState().undo();
    expect(store.getState().cell).toBe(start);
    expect(store.getState().canUndo).toBe(false);
  });

  it('a half turn about the centre swaps the two tables around it and turns each by 180°', () => {
    const store = createCellStore(cell());
    const [a, b] = store.getState().cell.items as [CellItem, CellItem];
    const [cx, cy] = selectionCentre([a, b]);
    store.getState().execute(transformItems(['a', 'b'], { kind: 'rotate', angle: Math.PI, centre: [cx, cy] }));
    const [a2, b2, c2] = store.getState().cell.items as [CellItem, CellItem, CellItem];
    expect(a2.pose.xyz[0]).toBeCloseTo(2 * cx - 1, 9);
    expect(a2.pose.xyz[1]).toBeCloseTo(2 * cy - 0, 9);
    expect(b2.pose.xyz).toEqual([expect.closeTo(2 * cx + 1, 9), expect.closeTo(2 * cy - 2, 9), 0.2]);
    expect(a2.pose.rpy[2]).toBeCloseTo(Math.PI, 9);
    expect(b2.pose.rpy[2]).toBeCloseTo(-Math.PI / 2, 9);
    expect(c2).toBe(store.getState().cell.items[2]);
    // The selection's footprint box is the same after half a turn: the gizmo stays put.
    const [nx, ny] = selectionCentre([a2, b2]);
    expect(nx).toBeCloseTo(cx, 9);
    expect(ny).toBeCloseTo(cy, 9);
    store.getState().undo();
    expect(store.getState().cell.items[0]).toBe(a);
  });

  it('a locked item blocks the move: the store keeps the cell and says which item', () => {
    const locked = deepFreeze({ ...cell(), items: cell().items.map((i) => (i.id === 'b' ? { ...i, locked: true } : i)) });
    const store = createCellStore(locked);
    store.getState().execute(transformItems(['a', 'b'], { kind: 'translate', delta: [1, 0, 0] }));
    expect(store.getState().cell).toBe(locked);
    expect(store.getState().lastError?.message).toBe('b is locked');
  });
});
