/**
 * Robots on pedestals and tracks: settleMounts keeps a mounted robot's world pose on its mount
 * through any edit (mount moved or turned, robot dragged off, mount deleted, copies), the store
 * applies it to every command and gesture with exact undo, and the schema refuses bad mounts
 * with a message naming the path.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell, readCell, settleMounts, trackTravel, validateCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { duplicateItems, setItemPose, translateItems } from '../../src/store/commands';
import { cellPlanSvg } from '../../src/io/plan-svg';
import { isMountedOn } from '../../src/sim/collision-filter';
import { floorRect } from '../../src/tools/footprint';

const robot = (extra: Partial<RobotItem> = {}): RobotItem => ({
  id: 'robot-1',
  name: 'UR10e',
  type: 'robot',
  pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] },
  source: { type: 'bundled', id: 'ur10e' },
  tool: null,
  ...extra,
});

/** A 4 m track at the origin (travel ±1.65 m with its 0.7 m carriage), robot-1 on it at +0.5 m. */
function trackCell(): Cell {
  const track: CellItem = { id: 'track-1', name: 'Track', type: 'track', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, length: 4, width: 0.7, height: 0.45 };
  const r = robot({ pose: { xyz: [0.5, 0, 0.45], rpy: [0, 0, 0] }, mount: { item: 'track-1', position: 0.5 } });
  return { ...emptyCell(), items: [r, track] };
}

/** A 0.5 m pedestal at (2, 1), robot-1 on it turned 30° relative to it. */
function pedestalCell(): Cell {
  const pedestal: CellItem = { id: 'pedestal-1', name: 'Pedestal', type: 'pedestal', pose: { xyz: [2, 1, 0], rpy: [0, 0, 0] }, size: [0.6, 0.6, 0.5] };
  const r = robot({ pose: { xyz: [2, 1, 0.5], rpy: [0, 0, Math.PI / 6] }, mount: { item: 'pedestal-1' } });
  return { ...emptyCell(), items: [r, pedestal] };
}

const robotOf = (cell: Cell, id = 'robot-1'): RobotItem => {
  const r = cell.items.find((i) => i.id === id);
  if (r?.type !== 'robot') throw new Error(`no robot ${id}`);
  return r;
};

const withPose = (cell: Cell, id: string, xyz: [number, number, number], rpy: [number, number, number]): Cell => ({
  ...cell,
  items: cell.items.map((i) => (i.id === id ? { ...i, pose: { xyz, rpy } } : i)),
});

describe('settleMounts', () => {
  it('carries a robot along when its track moves by (1, 2, 0) and turns 90°', () => {
    const before = trackCell();
    const after = settleMounts(before, withPose(before, 'track-1', [1, 2, 0], [0, 0, Math.PI / 2]));
    const r = robotOf(after);
    // 0.5 m along the track's x axis, which now points along world +y; on the 0.45 m carriage.
    expect(r.pose.xyz[0]).toBeCloseTo(1, 9);
    expect(r.pose.xyz[1]).toBeCloseTo(2.5, 9);
    expect(r.pose.xyz[2]).toBeCloseTo(0.45, 9);
    expect(r.pose.rpy[2]).toBeCloseTo(Math.PI / 2, 9);
    expect(r.mount).toEqual({ item: 'track-1', position: 0.5 });
  });

  it('projects a robot dragged off the rail back onto it and updates its position', () => {
    const before = trackCell();
    const r = robotOf(settleMounts(before, withPose(before, 'robot-1', [1.2, 0.8, 1.5], [0, 0, 0.3])));
    expect(r.pose.xyz).toEqual([1.2, 0, 0.45]);
    expect(r.pose.rpy[2]).toBeCloseTo(0.3, 9); // the robot may turn on its carriage
    expect(r.mount?.position).toBeCloseTo(1.2, 9);
  });

  it('clamps a robot dragged past the end of the rail to the travel', () => {
    const before = trackCell();
    const r = robotOf(settleMounts(before, withPose(before, 'robot-1', [5, 0, 0.45], [0, 0, 0])));
    expect(trackTravel(before.items[1] as Extract<CellItem, { type: 'track' }>)).toBeCloseTo(1.65, 9);
    expect(r.mount?.position).toBeCloseTo(1.65, 9);
    expect(r.pose.xyz[0]).toBeCloseTo(1.65, 9);
  });

  it('keeps a robot on its pedestal top centre when dragged; only its yaw changes', () => {
    const before = pedestalCell();
    const r = robotOf(settleMounts(before, withPose(before, 'robot-1', [2.3, 0.6, 0], [0, 0, 1])));
    expect(r.pose.xyz).toEqual([2, 1, 0.5]);
    expect(r.pose.rpy[2]).toBeCloseTo(1, 9);
    expect(r.mount).toEqual({ item: 'pedestal-1' });
  });

  it('turns the robot with its pedestal, keeping its own 30° relative to it', () => {
    const before = pedestalCell();
    const r = robotOf(settleMounts(before, withPose(before, 'pedestal-1', [0, 0, 0], [0, 0, Math.PI / 2])));
    expect(r.pose.xyz[0]).toBeCloseTo(0, 9);
    expect(r.pose.xyz[1]).toBeCloseTo(0, 9);
    expect(r.pose.xyz[2]).toBeCloseTo(0.5, 9);
    expect(r.pose.rpy[2]).toBeCloseTo(Math.PI / 2 + Math.PI / 6, 9);
  });

  it('raises the robot when its pedestal is made 300 mm taller', () => {
    const before = pedestalCell();
    const taller = { ...before, items: before.items.map((i) => (i.type === 'pedestal' ? { ...i, size: [0.6, 0.6, 0.8] as [number, number, number] } : i)) };
    expect(robotOf(settleMounts(before, taller)).pose.xyz[2]).toBeCloseTo(0.8, 9);
  });

  it('puts a robot whose pedestal was deleted back on the floor, unmounted', () => {
    const before = pedestalCell();
    const r = robotOf(settleMounts(before, { ...before, items: before.items.filter((i) => i.type === 'robot') }));
    expect(r.mount).toBeUndefined();
    expect(r.pose.xyz).toEqual([2, 1, 0]);
    expect(r.pose.rpy[2]).toBeCloseTo(Math.PI / 6, 9);
  });

  it('returns the very same cell when every robot already stands where its mount says', () => {
    const cell = trackCell();
    expect(settleMounts(cell, cell)).toBe(cell);
    const moved = settleMounts(cell, withPose(cell, 'track-1', [1, 0, 0], [0, 0, 0]));
    expect(settleMounts(moved, moved)).toBe(moved);
  });
});

describe('the store keeps mounted robots on their mounts', () => {
  it('moves the robot with its track through a command, and undo restores the cell exactly', () => {
    const store = createCellStore(trackCell());
    const before = store.getState().cell;
    store.getState().execute(translateItems(['track-1'], [1, 2, 0]));
    expect(robotOf(store.getState().cell).pose.xyz).toEqual([1.5, 2, 0.45]);
    store.getState().undo();
    expect(store.getState().cell).toBe(before);
    store.getState().redo();
    expect(robotOf(store.getState().cell).pose.xyz).toEqual([1.5, 2, 0.45]);
  });

  it('slides a robot dragged with the handles along its rail, as one undo step', () => {
    const store = createCellStore(trackCell());
    store.getState().beginGesture('Move robot-1');
    store.getState().updateGesture(translateItems(['robot-1'], [0.4, 0.3, 0.2]));
    store.getState().updateGesture(translateItems(['robot-1'], [0.6, 0.5, 0.2]));
    store.getState().endGesture();
    const r = robotOf(store.getState().cell);
    expect(r.pose.xyz[0]).toBeCloseTo(1.1, 9);
    expect(r.pose.xyz.slice(1)).toEqual([0, 0.45]);
    expect(r.mount?.position).toBeCloseTo(1.1, 9);
    store.getState().undo();
    expect(robotOf(store.getState().cell).pose.xyz).toEqual([0.5, 0, 0.45]);
    expect(store.getState().canUndo).toBe(false);
  });

  it('puts a typed pose of a robot on a pedestal back on the pedestal', () => {
    const store = createCellStore(pedestalCell());
    store.getState().execute(setItemPose('robot-1', { xyz: [5, 5, 0], rpy: [0, 0, 0] }));
    expect(robotOf(store.getState().cell).pose.xyz).toEqual([2, 1, 0.5]);
  });

  it('mounts the copy of a robot on the copy of its pedestal when both are duplicated', () => {
    const store = createCellStore(pedestalCell());
    store.getState().execute(duplicateItems(['robot-1', 'pedestal-1']));
    const cell = store.getState().cell;
    const copy = robotOf(cell, 'robot-2');
    expect(copy.mount).toEqual({ item: 'pedestal-2' });
    expect(copy.pose.xyz).toEqual([2.5, 1, 0.5]);
    expect(robotOf(cell).mount).toEqual({ item: 'pedestal-1' });
    expect(validateCell(cell).ok).toBe(true);
  });

  it('puts a copy of a robot alone on the floor: its original keeps the pedestal', () => {
    const store = createCellStore(pedestalCell());
    store.getState().execute(duplicateItems(['robot-1']));
    const copy = robotOf(store.getState().cell, 'robot-2');
    expect(copy.mount).toBeUndefined();
    expect(copy.pose.xyz).toEqual([2.5, 1, 0]);
  });
});

describe('mounts in the cell file', () => {
  const problems = (cell: Cell) => {
    const result = validateCell(cell);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('refuses a robot mounted on a table, naming the path', () => {
    const table: CellItem = { id: 'table-1', name: 'Table', type: 'table', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, size: [1, 1, 0.75] };
    const cell = { ...emptyCell(), items: [robot({ mount: { item: 'table-1' } }), table] };
    expect(problems(cell)).toEqual(['items[0].mount.item: "table-1" is a table; a robot can stand on a pedestal or a track']);
  });

  it('refuses a missing mount, a position on a pedestal, one beyond the travel and two robots on one pedestal', () => {
    const base = pedestalCell();
    expect(problems({ ...base, items: [robot({ mount: { item: 'pedestal-9' } }), base.items[1]!] })).toEqual(['items[0].mount.item: no item "pedestal-9"']);
    expect(problems({ ...base, items: [robot({ mount: { item: 'pedestal-1', position: 0.2 } }), base.items[1]!] })).toEqual([
      'items[0].mount.position: a position is for a robot on a track; "pedestal-1" is a pedestal',
    ]);
    const track = trackCell();
    expect(problems({ ...track, items: [robot({ mount: { item: 'track-1', position: 2 } }), track.items[1]!] })).toEqual([
      'items[0].mount.position: expected a position within ±1.65 m (the travel of "track-1")',
    ]);
    const twice = { ...base, items: [...base.items, robot({ id: 'robot-2', mount: { item: 'pedestal-1' } })] };
    expect(problems(twice)).toEqual(['items[2].mount.item: "pedestal-1" already carries "robot-1"; a mount carries one robot']);
  });

  it('reads a hand-edited file with the robot beside its pedestal as standing on it', () => {
    const cell = withPose(pedestalCell(), 'robot-1', [0, 0, 0], [0, 0, Math.PI / 6]);
    const result = readCell(JSON.stringify(cell));
    expect(result.ok && robotOf(result.cell).pose.xyz).toEqual([2, 1, 0.5]);
  });
});

describe('mounts in the plan, the footprints and the simulation filter', () => {
  it('draws the pedestal before the robot standing on it, so the robot shows on top in the plan', () => {
    const svg = cellPlanSvg(pedestalCell());
    expect(svg.indexOf('<title>Robot pedestal pedestal-1')).toBeGreaterThan(0);
    expect(svg.indexOf('<title>Robot pedestal pedestal-1')).toBeLessThan(svg.indexOf('<title>Robot robot-1'));
  });

  it('gives a track its rail length and width as footprint', () => {
    const track = trackCell().items[1]!;
    expect(floorRect(track)).toEqual({ cx: 0, cy: 0, hx: 2, hy: 0.35, yaw: 0 });
  });

  it('counts a robot on a track carriage as standing on the track, so their contact is no collision', () => {
    const cell = settleMounts(trackCell(), withPose(trackCell(), 'robot-1', [1.2, 0, 0.45], [0, 0, 0]));
    expect(isMountedOn(robotOf(cell), cell.items[1]!)).toBe(true);
    expect(isMountedOn(robotOf(pedestalCell()), pedestalCell().items[1]!)).toBe(true);
  });
});

describe('a robot and its mount edited together', () => {
  it('keeps the robot on its carriage when both it and its track turn 90° about their own origins', () => {
    const before = trackCell();
    const both = withPose(withPose(before, 'track-1', [0, 0, 0], [0, 0, Math.PI / 2]), 'robot-1', [0.5, 0, 0.45], [0, 0, Math.PI / 2]);
    const r = robotOf(settleMounts(before, both));
    expect(r.pose.xyz[0]).toBeCloseTo(0, 9);
    expect(r.pose.xyz[1]).toBeCloseTo(0.5, 9);
    expect(r.pose.rpy[2]).toBeCloseTo(Math.PI / 2, 9);
    expect(r.mount?.position).toBe(0.5);
  });

  it('moves the robot with its pedestal when both are dragged by the same (1, -1, 0)', () => {
    const store = createCellStore(pedestalCell());
    store.getState().execute(translateItems(['robot-1', 'pedestal-1'], [1, -1, 0]));
    const r = robotOf(store.getState().cell);
    expect(r.pose.xyz).toEqual([3, 0, 0.5]);
    expect(r.pose.rpy[2]).toBeCloseTo(Math.PI / 6, 9);
  });
});
