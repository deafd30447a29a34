/**
 * Equipment in the full simulation: a CNC machine tended by a robot, a pallet filled by pattern
 * until it is full (and exchanged), targets riding on a pallet, and two robots sharing a zone.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, CellItem, PalletItem, ProgramStep, RobotItem } from '../../src/model/cell';
import { cloneCell, position, readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();
const DOWN: [number, number, number] = [Math.PI, 0, 0];

describe('a CNC machine tended by a robot', () => {
  it('logs loading, door, processing, door, unloading with the process and door times exact', async () => {
    const sim = await build(readCellFile('tests/fixtures/sim-program-machine-tending.cell.json'));
    sim.runUntil(36);
    const log = sim.activityLog();
    const cnc = log.intervals.filter((i) => i.resource === 'cnc-1');
    expect(cnc.every((i) => i.kind === 'machine')).toBe(true);
    // The log closes the state the machine is still in at the end of the run; leave that one out.
    const processing = cnc.filter((i) => i.state === 'processing' && i.end < sim.time);
    expect(processing.length).toBeGreaterThanOrEqual(3);
    for (const p of processing) expect(p.end - p.start).toBeCloseTo(4, 9);
    for (const d of cnc.filter((i) => i.state === 'door' && i.end < sim.time)) expect(d.end - d.start).toBeCloseTo(0.5, 9);
    // One machine cycle, in order, from the first load on.
    const states = cnc.map((i) => i.state);
    const first = states.indexOf('loading');
    expect(states.slice(first, first + 7)).toEqual(['loading', 'door', 'processing', 'door', 'blocked', 'unloading', 'starved']);
    // Meanwhile the robot waits for cnc-1.done: starved, from its retreat until the door is open.
    const robotWaits = log.intervals.filter((i) => i.resource === 'robot-1' && i.state === 'waiting-starved' && i.start > processing[0]!.start - 1);
    expect(robotWaits[0]!.end).toBeCloseTo(processing[0]!.end + 0.5, 9);
    expect(log.partsFinished.length).toBeGreaterThanOrEqual(2);
    expect(log.partsFinished[0]!.part).toBe('infeed/part-1');
  }, 60_000);
});

/** The pick-and-place fixture placing onto a 2 × 2 pallet on a stand instead of the outfeed. */
function palletCell(shift: [number, number] = [0, 0], exchangeTime?: number): Cell {
  const cell = cloneCell(readCellFile('tests/fixtures/sim-program-pick-place.cell.json'));
  const [dx, dy] = shift;
  const stand: CellItem = { id: 'stand', name: 'Pallet stand', type: 'table', pose: { xyz: [0.45 + dx, 0.4 + dy, 0], rpy: [0, 0, 0] }, size: [0.5, 0.5, 0.6] };
  const pallet: PalletItem = {
    id: 'pallet-1',
    name: 'Pallet',
    type: 'pallet',
    pose: { xyz: [0.45 + dx, 0.4 + dy, 0.6], rpy: [0, 0, 0] },
    size: [0.4, 0.4, 0.144],
    pattern: { rows: 2, columns: 2, layers: 1, pitch: [0.1, 0.1, 0.08] },
    ...(exchangeTime !== undefined ? { exchangeTime } : {}),
  };
  cell.items = cell.items.filter((i) => i.id !== 'outfeed').concat(stand, pallet);
  cell.targets = [cell.targets[0]!, { id: 'slot', name: 'First slot', parent: { item: 'pallet-1' }, pose: { xyz: [-0.05, -0.05, 0.144 + 0.08 + 0.002], rpy: DOWN } }];
  cell.programs[0]!.steps = cell.programs[0]!.steps.map((s): ProgramStep => ('target' in s && s.target === 'drop' ? { ...s, target: 'slot' } : s));
  return cell;
}

/** Names of the parts released, in order. */
const released = (events: { type: string; part?: string }[]) => events.filter((e) => e.type === 'release').map((e) => e.part!);

describe('a patterned pallet', () => {
  it('fills row by row, then the robot waits blocked with the next part in the cup', async () => {
    const sim = await build(palletCell());
    sim.runUntil(26);
    const placed = released(sim.drainEvents());
    expect(placed).toHaveLength(4);
    // Slot k's target, and the part put there: along x first, then the next row along y.
    const slots = [0, 1, 2, 3].map((k) => sim.targetPose('slot', k)!);
    expect(slots.map((p) => [p[0]! - slots[0]![0]!, p[1]! - slots[0]![1]!].map((v) => Math.round(v * 1000) / 1000))).toEqual([
      [0, 0],
      [0.1, 0],
      [0, 0.1],
      [0.1, 0.1],
    ]);
    placed.forEach((part, k) => {
      const [x, y, z] = position(sim, part);
      expect(Math.hypot(x - slots[k]![0]!, y - slots[k]![1]!)).toBeLessThan(0.005);
      expect(z).toBeCloseTo(0.6 + 0.144 + 0.04, 2); // resting on the pallet deck
    });
    expect(sim.signal('pallet-1.full')).toBe(true);
    const robot = sim.activityLog().intervals.filter((i) => i.resource === 'robot-1');
    const last = robot[robot.length - 1]!;
    expect(last.state).toBe('waiting-blocked');
    expect(last.end).toBe(sim.time);
    expect(sim.held('robot-1')).toBe('infeed/part-5');
    expect(sim.programStatus('robot-1')).toEqual({ step: 5, phase: 'wait', cycles: 4 });
  }, 60_000);

  it('is swapped for an empty one exchangeTime after it is full, and the robot goes on', async () => {
    const sim = await build(palletCell([0, 0], 6));
    sim.runUntil(34);
    const events = sim.drainEvents();
    const fourth = events.filter((e) => e.type === 'release')[3]!;
    const gone = events.filter((e) => e.type === 'part-removed');
    expect(gone.map((e) => e.part)).toEqual(released(events).slice(0, 4));
    expect(gone[0]!.time).toBeCloseTo(fourth.time + 6, 9);
    expect(released(events).length).toBeGreaterThanOrEqual(5);
    // The robot waited, blocked, from the fifth part's approach until the exchange.
    const blocked = sim.activityLog().intervals.filter((i) => i.resource === 'robot-1' && i.state === 'waiting-blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.end).toBeCloseTo(gone[0]!.time, 9);
  }, 60_000);

  it('carries its targets: moving the pallet moves where the robot puts the parts', async () => {
    const shift: [number, number] = [0.05, -0.03];
    const here = await build(palletCell());
    const there = await build(palletCell(shift));
    for (const k of [0, 3]) {
      const a = here.targetPose('slot', k)!;
      const b = there.targetPose('slot', k)!;
      expect([b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!]).toEqual([expect.closeTo(0.05, 12), expect.closeTo(-0.03, 12), expect.closeTo(0, 12)]);
    }
    here.runUntil(12);
    there.runUntil(12);
    const placedHere = released(here.drainEvents());
    const placedThere = released(there.drainEvents());
    expect(placedHere.length).toBeGreaterThanOrEqual(2);
    expect(placedThere).toEqual(placedHere);
    for (const part of placedHere) {
      const [x0, y0] = position(here, part);
      const [x1, y1] = position(there, part);
      expect(x1 - x0).toBeCloseTo(0.05, 2);
      expect(y1 - y0).toBeCloseTo(-0.03, 2);
    }
  }, 60_000);
});

describe('two robots sharing a zone', () => {
  // Shoulders turned away from the shared fixture (along −y and +y), so both start outside the zone.
  const robot = (id: string, x: number, yaw: number): RobotItem => ({
    id,
    name: id,
    type: 'robot',
    pose: { xyz: [x, 0, 0.75], rpy: [0, 0, yaw] },
    source: { type: 'bundled', id: 'ur5e' },
    tool: { type: 'bundled', id: 'vacuum_gripper' },
    joints: [-1.57, -1.2, 1.5, -1.87, -1.57, 0],
  });
  const shared: [number, number, number] = [0, 0, 0.85];
  const program = (home: string, work: number): ProgramStep[] => [
    { type: 'moveJ', target: home },
    { type: 'zoneRequest', zone: 'fixture' },
    { type: 'moveJ', target: 'shared' },
    { type: 'process', seconds: work, label: 'screw' },
    { type: 'moveJ', target: home },
    { type: 'zoneRelease', zone: 'fixture' },
    { type: 'process', seconds: 0.2, label: 'inspect' },
  ];

  it('never has both robots inside the zone, checked at every step', async () => {
    const cell = cloneCell(readCellFile('tests/fixtures/sim-program-pick-place.cell.json'));
    cell.items = [robot('left', -0.5, 0), robot('right', 0.5, Math.PI)];
    cell.parts = [];
    cell.targets = [
      { id: 'shared', name: 'Shared fixture', parent: 'world', pose: { xyz: shared, rpy: DOWN } },
      { id: 'home-left', name: 'Left home', parent: 'world', pose: { xyz: [-0.45, -0.45, 1.0], rpy: DOWN } },
      { id: 'home-right', name: 'Right home', parent: 'world', pose: { xyz: [0.45, 0.45, 1.0], rpy: DOWN } },
    ];
    cell.programs = [
      { id: 'left', robot: 'left', steps: program('home-left', 0.3) },
      { id: 'right', robot: 'right', steps: program('home-right', 0.5) },
    ];
    const sim = await build(cell);
    const inside = (r: string) => {
      const p = sim.tcpPose(r);
      return Math.hypot(p[0]! - shared[0], p[1]! - shared[1], p[2]! - shared[2]) < 0.2;
    };
    const visits = { left: 0, right: 0 };
    while (sim.time < 20) {
      sim.step();
      const l = inside('left'), r = inside('right');
      expect(l && r).toBe(false);
      if (l) expect(sim.zoneHolder('fixture')).toBe('left');
      if (r) expect(sim.zoneHolder('fixture')).toBe('right');
      visits.left += Number(l);
      visits.right += Number(r);
    }
    expect(visits.left).toBeGreaterThan(100);
    expect(visits.right).toBeGreaterThan(100);
    const log = sim.activityLog();
    for (const r of ['left', 'right']) {
      expect(log.intervals.some((i) => i.resource === r && i.state === 'waiting-interlock')).toBe(true);
      expect(log.cycleCompletions.filter((c) => c.resource === r).length).toBeGreaterThanOrEqual(3);
    }
  }, 60_000);
});
