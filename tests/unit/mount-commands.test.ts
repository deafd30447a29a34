/**
 * The mount commands as the inspector uses them: "Put on pedestal" / "Put on track" under a
 * robot, "Take off mount", the track position, and deleting a mount, each one undo step. Also:
 * a robot on a 0.5 m pedestal simulates with its base link 0.5 m higher.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell, validateCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { putOnMount, removeItemsAndUnmount, setTrackPosition, takeOffMount } from '../../src/store/mount-commands';
import { position, useSimulations } from './support/sim-fixtures';

const ur10e: RobotItem = {
  id: 'robot-1',
  name: 'UR10e picker',
  type: 'robot',
  pose: { xyz: [1, -0.5, 0], rpy: [0, 0, Math.PI / 2] },
  source: { type: 'bundled', id: 'ur10e' },
  tool: null,
};

const floorCell = (): Cell => ({ ...emptyCell(), items: [structuredClone(ur10e)] });

const find = (cell: Cell, id: string): CellItem => {
  const item = cell.items.find((i) => i.id === id);
  if (item === undefined) throw new Error(`no ${id}`);
  return item;
};
const robotOf = (cell: Cell): RobotItem => find(cell, 'robot-1') as RobotItem;

describe('mount commands', () => {
  it('puts a robot on a new 500 mm pedestal under it, in one undo step', () => {
    const store = createCellStore(floorCell());
    const before = store.getState().cell;
    store.getState().execute(putOnMount('robot-1', 'pedestal'));
    const cell = store.getState().cell;
    const pedestal = find(cell, 'pedestal-1');
    expect(pedestal.type === 'pedestal' && pedestal.size).toEqual([0.6, 0.6, 0.5]);
    expect(pedestal.pose).toEqual({ xyz: [1, -0.5, 0], rpy: [0, 0, Math.PI / 2] });
    expect(robotOf(cell).pose.xyz).toEqual([1, -0.5, 0.5]);
    expect(robotOf(cell).mount).toEqual({ item: 'pedestal-1' });
    expect(validateCell(cell).ok).toBe(true);
    expect(store.getState().undoLabel).toBe('Put robot-1 on a pedestal');
    store.getState().undo();
    expect(store.getState().cell).toBe(before);
  });

  it('puts a robot on a track with the carriage in the middle, at 450 mm', () => {
    const cell = putOnMount('robot-1', 'track').apply(floorCell());
    expect(robotOf(cell).mount).toEqual({ item: 'track-1', position: 0 });
    expect(robotOf(cell).pose.xyz).toEqual([1, -0.5, 0.45]);
    expect(find(cell, 'track-1').pose.xyz).toEqual([1, -0.5, 0]);
  });

  it('refuses to put a robot that already stands on a mount on another one', () => {
    const store = createCellStore(floorCell());
    store.getState().execute(putOnMount('robot-1', 'pedestal'));
    store.getState().execute(putOnMount('robot-1', 'track'));
    expect(store.getState().lastError?.message).toBe('UR10e picker already stands on pedestal-1: take it off first');
    expect(store.getState().cell.items.map((i) => i.id)).toEqual(['robot-1', 'pedestal-1']);
  });

  it('moves the robot 1.2 m along its track (the track turned 90°, so along world y), clamped to the travel', () => {
    const store = createCellStore(floorCell());
    store.getState().execute(putOnMount('robot-1', 'track'));
    store.getState().execute(setTrackPosition('robot-1', 1.2));
    let r = robotOf(store.getState().cell);
    expect(r.pose.xyz[0]).toBeCloseTo(1, 9);
    expect(r.pose.xyz[1]).toBeCloseTo(0.7, 9);
    expect(r.mount?.position).toBe(1.2);
    store.getState().execute(setTrackPosition('robot-1', -9));
    r = robotOf(store.getState().cell);
    expect(r.mount?.position).toBeCloseTo(-1.65, 9);
    expect(r.pose.xyz[1]).toBeCloseTo(-0.5 - 1.65, 9);
    store.getState().undo();
    expect(robotOf(store.getState().cell).mount?.position).toBe(1.2);
  });

  it('takes a robot off its pedestal back to the floor and leaves the pedestal', () => {
    const store = createCellStore(floorCell());
    store.getState().execute(putOnMount('robot-1', 'pedestal'));
    store.getState().execute(takeOffMount('robot-1'));
    const cell = store.getState().cell;
    expect(robotOf(cell).mount).toBeUndefined();
    expect(robotOf(cell).pose).toEqual({ xyz: [1, -0.5, 0], rpy: [0, 0, Math.PI / 2] });
    expect(find(cell, 'pedestal-1').type).toBe('pedestal');
  });

  it('deleting a pedestal puts its robot on the floor and says so in the label', () => {
    const store = createCellStore(floorCell());
    store.getState().execute(putOnMount('robot-1', 'pedestal'));
    const cmd = removeItemsAndUnmount(store.getState().cell, ['pedestal-1']);
    expect(cmd.label).toBe('Delete pedestal-1 (robot-1 back on the floor)');
    store.getState().execute(cmd);
    const cell = store.getState().cell;
    expect(cell.items.map((i) => i.id)).toEqual(['robot-1']);
    expect(robotOf(cell).pose.xyz).toEqual([1, -0.5, 0]);
    expect(robotOf(cell).mount).toBeUndefined();
    expect(validateCell(cell).ok).toBe(true);
    store.getState().undo();
    expect(robotOf(store.getState().cell).mount).toEqual({ item: 'pedestal-1' });
  });

  it('deleting a robot together with its pedestal names no robot left behind', () => {
    const cell = putOnMount('robot-1', 'pedestal').apply(floorCell());
    expect(removeItemsAndUnmount(cell, ['pedestal-1', 'robot-1']).label).toBe('Delete 2 items');
  });
});

describe('a robot on a pedestal in the simulation', () => {
  const build = useSimulations();

  it('has its base link 0.5 m higher than the same robot on the floor', async () => {
    const onFloor = await build(floorCell());
    const onPedestal = await build(putOnMount('robot-1', 'pedestal').apply(floorCell()));
    const low = position(onFloor, 'robot-1/base_link');
    const high = position(onPedestal, 'robot-1/base_link');
    expect(high[0]).toBeCloseTo(low[0], 9);
    expect(high[1]).toBeCloseTo(low[1], 9);
    expect(high[2] - low[2]).toBeCloseTo(0.5, 9);
    expect(onPedestal.tcpPose('robot-1')[2]! - onFloor.tcpPose('robot-1')[2]!).toBeCloseTo(0.5, 9);
  });
});
