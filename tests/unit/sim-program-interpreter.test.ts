/**
 * The program interpreter and its scheduler on a fake simulation host (support/program-fixtures):
 * exact step times, signals and zones between robots, equipment stations, pallets, and what
 * happens on steps that cannot run. No physics: times are exactly what the interpreter computes.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, CellItem, ProgramStep, RobotItem } from '../../src/model/cell';
import { emptyCell } from '../../src/model/cell';
import type { ActivityLog } from '../../src/sim/activity';
import { BlendedSequence } from '../../src/motion/blend';
import { MoveJ } from '../../src/motion/move-j';
import { RobotMotion } from '../../src/sim/robot-motion';
import { fakeRun } from './support/program-fixtures';

const DOWN: [number, number, number] = [Math.PI, 0, 0];
const HOME = [-0.772654, -1.168604, 1.490254, -1.892446, -1.570796, 0];

function robot(id: string, x: number, yaw = 0): RobotItem {
  return {
    id,
    name: id,
    type: 'robot',
    pose: { xyz: [x, 0, 0.75], rpy: [0, 0, yaw] },
    source: { type: 'bundled', id: 'ur5e' },
    tool: { type: 'bundled', id: 'vacuum_gripper' },
    joints: [...HOME],
  };
}

function cellWith(items: CellItem[], programs: { robot: string; steps: ProgramStep[]; loop?: boolean }[], targets: Cell['targets'] = []): Cell {
  const cell = emptyCell('interpreter test');
  cell.items = items;
  cell.targets = targets;
  cell.programs = programs.map((p, i) => ({ id: `p${i}`, ...p }));
  return cell;
}

/** The intervals of one resource as [state, start, end]. */
const track = (log: ActivityLog, resource: string) => log.intervals.filter((i) => i.resource === resource).map((i) => [i.state, i.start, i.end] as const);

/** Expected intervals, times compared to 1e-12 s. */
const close = (rows: [string, number, number][]) => rows.map(([s, a, b]) => [s, expect.closeTo(a, 12), expect.closeTo(b, 12)]);

describe('the program interpreter', () => {
  it('starts each step when the previous one ends, so a loop lasts the sum of its steps', async () => {
    // Joint 1 at π rad/s: a quarter turn takes exactly 0.25 s; the vacuum cup acts in 0.15 s.
    const there = [HOME[0]! + Math.PI / 4, ...HOME.slice(1)];
    const cell = cellWith([robot('r', 0)], [
      { robot: 'r', steps: [{ type: 'moveJoints', q: there }, { type: 'grip' }, { type: 'wait', seconds: 0.0625 }, { type: 'moveJoints', q: HOME }, { type: 'release' }] },
    ]);
    const run = await fakeRun(cell);
    run.host.reachable[0] = 7;
    const log = run.runUntil(2);
    const loop = 0.25 + 0.15 + 0.0625 + 0.25 + 0.15;
    const cycles = log.cycleCompletions.map((c) => c.time);
    expect(cycles[0]).toBeCloseTo(loop, 12);
    expect(cycles[1]! - cycles[0]!).toBeCloseTo(loop, 12);
    expect(track(log, 'r').slice(0, 5)).toEqual(
      close([
        ['moving-empty', 0, 0.25],
        ['gripper', 0.25, 0.4],
        ['io', 0.4, 0.4625],
        ['moving-loaded', 0.4625, 0.7125],
        ['gripper', 0.7125, 0.8625],
      ]),
    );
  });

  it('wakes a robot waiting for a signal at the exact instant another robot sets it, between physics steps', async () => {
    const cell = cellWith([robot('a', -0.6), robot('b', 0.6, Math.PI)], [
      { robot: 'a', steps: [{ type: 'process', seconds: 0.3337, label: 'weld' }, { type: 'setSignal', signal: 'welded', dwell: 0.01 }, { type: 'process', seconds: 5 }], loop: false },
      { robot: 'b', steps: [{ type: 'waitSignal', signal: 'welded' }, { type: 'process', seconds: 0.5, label: 'inspect' }], loop: false },
    ]);
    const run = await fakeRun(cell);
    const log = run.runUntil(1);
    expect(track(log, 'a').slice(0, 2)).toEqual(close([
      ['processing', 0, 0.3337],
      ['io', 0.3337, 0.3437],
    ]));
    expect(track(log, 'b')).toEqual([
      ['waiting-starved', 0, 0.3337],
      ['processing', 0.3337, 0.8337],
      ['idle', 0.8337, 1],
    ]);
    expect(log.cycleCompletions).toEqual([{ resource: 'b', time: 0.8337 }]);
  });

  it('lets one robot at a time into a zone, the other waiting (interlock) until it is given back', async () => {
    const steps = (work: number): ProgramStep[] => [
      { type: 'zoneRequest', zone: 'fixture' },
      { type: 'process', seconds: work, label: 'glue' },
      { type: 'zoneRelease', zone: 'fixture' },
      { type: 'process', seconds: 0.1 },
    ];
    const cell = cellWith([robot('a', -0.6), robot('b', 0.6, Math.PI)], [
      { robot: 'a', steps: steps(0.5) },
      { robot: 'b', steps: steps(0.3) },
    ]);
    const run = await fakeRun(cell);
    const log = run.runUntil(2);
    // a asked first (document order at t = 0); b waits until a releases at 0.5, then a waits for b.
    expect(track(log, 'a').slice(0, 3)).toEqual(close([
      ['processing', 0, 0.5],
      ['processing', 0.5, 0.6],
      ['waiting-interlock', 0.6, 0.8],
    ]));
    expect(track(log, 'b').slice(0, 3)).toEqual(close([
      ['waiting-interlock', 0, 0.5],
      ['processing', 0.5, 0.8],
      ['processing', 0.8, 0.9],
    ]));
    // The glue intervals of the two robots never overlap.
    const glue = (r: string) => log.intervals.filter((i) => i.resource === r && i.state === 'processing' && i.end - i.start > 0.2);
    for (const x of glue('a')) for (const y of glue('b')) expect(x.end <= y.start || y.end <= x.start).toBe(true);
  });

  it('waits for a conveyor sensor (starved), then counts its settle time as I/O', async () => {
    const conveyor: CellItem = { id: 'belt', name: 'belt', type: 'conveyor', pose: { xyz: [0.5, 0, 0], rpy: [0, 0, 0] }, length: 1, width: 0.3, height: 0.75, speed: 0.2, sensor: { position: 0.5 } };
    const cell = cellWith([robot('r', 0), conveyor], [{ robot: 'r', steps: [{ type: 'waitSensor', conveyor: 'belt', settle: 0.05 }, { type: 'process', seconds: 1 }] }]);
    const run = await fakeRun(cell);
    run.runUntil(0.5);
    run.host.sensors.set('belt', true);
    const log = run.runUntil(1);
    expect(track(log, 'r').slice(0, 3)).toEqual(close([
      ['waiting-starved', 0, 0.5],
      ['io', 0.5, 0.55],
      ['processing', 0.55, 1],
    ]));
  });

  it('loads a machine, runs its door and process times exactly, and unloads it', async () => {
    const machine: CellItem = { id: 'cnc', name: 'CNC', type: 'machine', machineType: 'cnc', pose: { xyz: [0.6, 0, 0], rpy: [0, 0, 0] }, size: [0.4, 0.4, 0.7], processTime: 2.5, doorTime: 0.25 };
    const cell = cellWith(
      [robot('r', 0), machine],
      [{ robot: 'r', steps: [{ type: 'place', target: 'chuck' }, { type: 'waitSignal', signal: 'cnc.done' }, { type: 'pick', target: 'chuck' }], loop: false }],
      [{ id: 'chuck', name: 'chuck', parent: { item: 'cnc' }, pose: { xyz: [0, 0, 0.78], rpy: DOWN } }],
    );
    const run = await fakeRun(cell);
    run.host.reachable[0] = 3;
    run.host.grip(0, 0); // the robot starts with part 3 in the cup
    const log = run.runUntil(4);
    // No `blocked` stretch: the robot waited for cnc.done and unloads the instant it comes.
    expect(track(log, 'cnc')).toEqual(close([
      ['loading', 0, 0.15],
      ['door', 0.15, 0.4],
      ['processing', 0.4, 2.9],
      ['door', 2.9, 3.15],
      ['unloading', 3.15, 3.3],
      ['starved', 3.3, 4],
    ]));
    const processing = log.intervals.find((i) => i.resource === 'cnc' && i.state === 'processing')!;
    expect(processing.end - processing.start).toBeCloseTo(2.5, 12);
    expect(track(log, 'r')[1]).toEqual(close([['waiting-starved', 0.15, 3.15]])[0]);
    expect(run.host.held(0)).toBe(3);
  });

  it('runs blended moves as one motion: the loop is shorter by exactly the blend overlap', async () => {
    const j1 = [HOME[0]! + 0.8, ...HOME.slice(1)];
    const j2 = [HOME[0]! + 0.8, HOME[1]! + 0.4, ...HOME.slice(2)];
    const cell = cellWith([robot('r', 0)], [
      { robot: 'r', steps: [{ type: 'moveJ', joints: j1, blend: 0.2 }, { type: 'moveJ', joints: j2, speed: 0.5 }, { type: 'moveJ', joints: HOME }] },
    ]);
    const run = await fakeRun(cell);
    const log = run.runUntil(6);
    // The simulation's own limits: the bare arm's, slowed by the vacuum gripper's mass (payload model).
    const item = cell.items.find((i): i is RobotItem => i.id === 'r')!;
    const limits = new RobotMotion(run.model.rigs[0]!, item).limits;
    const a = new MoveJ(HOME, j1, limits), b = new MoveJ(j1, j2, limits, { speed: 0.5 }), back = new MoveJ(j2, HOME, limits);
    const blended = new BlendedSequence([a, b], [0.2], limits);
    expect(blended.overlaps[0]).toBeGreaterThan(0.05);
    const cycles = log.cycleCompletions.map((c) => c.time);
    expect(cycles[0]).toBeCloseTo(blended.duration + back.duration, 12);
    expect(cycles[1]! - cycles[0]!).toBeCloseTo(a.duration + b.duration + back.duration - blended.overlaps[0]!, 12);
    // Motion without a stop: the log holds only moving intervals (split where the program step
    // changes, so a timeline names the step), each starting where the one before ended.
    const stretches = track(log, 'r');
    expect(new Set(stretches.map((s) => s[0]))).toEqual(new Set(['moving-empty']));
    expect(stretches[0]![1]).toBe(0);
    expect(stretches.at(-1)![2]).toBe(6);
    stretches.slice(1).forEach((s, i) => expect(s[1]).toBeCloseTo(stretches[i]![2] as number, 12));
  });

  it('hands parts to an operator station: waiting, then working for the task time', async () => {
    const person: CellItem = { id: 'op-1', name: 'Assembler', type: 'operator', pose: { xyz: [0.8, 0, 0], rpy: [0, 0, 0] }, taskTime: 1.25 };
    const cell = cellWith(
      [robot('r', 0), person],
      [{ robot: 'r', steps: [{ type: 'process', seconds: 0.5 }, { type: 'place', target: 'bench' }, { type: 'pick', target: 'bench' }], loop: false }],
      [{ id: 'bench', name: 'bench', parent: { item: 'op-1' }, pose: { xyz: [-0.4, 0, 0.9], rpy: DOWN } }],
    );
    const run = await fakeRun(cell);
    run.host.reachable[0] = 11;
    run.host.grip(0, 0);
    const log = run.runUntil(3);
    expect(track(log, 'op-1')).toEqual(close([
      ['waiting', 0, 0.65],
      ['working', 0.65, 1.9],
      ['waiting', 1.9, 3],
    ]));
    expect(track(log, 'r')).toEqual(close([
      ['processing', 0, 0.5],
      ['gripper', 0.5, 0.65],
      ['waiting-starved', 0.65, 1.9],
      ['gripper', 1.9, 2.05],
      ['idle', 2.05, 3],
    ]));
  });

  it('stops a program on a step it cannot carry out, with the step path, the robot idle', async () => {
    const cell = cellWith(
      [robot('r', 0)],
      [{ robot: 'r', steps: [{ type: 'process', seconds: 0.2 }, { type: 'place', target: 'spot' }] }],
      [{ id: 'spot', name: 'spot', parent: 'world', pose: { xyz: [0.4, 0, 0.8], rpy: DOWN } }],
    );
    const run = await fakeRun(cell);
    const log = run.runUntil(1);
    expect(run.host.events).toContainEqual({ type: 'program-fault', time: 0.2, robot: 'r', step: 'programs[0].steps[1]', message: 'place with an empty gripper' });
    expect(track(log, 'r')).toEqual([
      ['processing', 0, 0.2],
      ['idle', 0.2, 1],
    ]);
  });

  it('labels process work in the log with what the step says it is, splitting two processes in a row', async () => {
    const steps = [
      { type: 'process' as const, seconds: 0.4, label: 'weld seam 1' },
      { type: 'process' as const, seconds: 0.3, label: 'weld seam 2' },
      { type: 'process' as const, seconds: 0.1 },
    ];
    const run = await fakeRun(cellWith([robot('r', 0)], [{ robot: 'r', steps, loop: false }]));
    const log = run.runUntil(1);
    const mine = log.intervals.filter((i) => i.resource === 'r').map((i) => [i.state, i.label ?? null, +i.start.toFixed(9), +i.end.toFixed(9)]);
    expect(mine).toEqual([
      ['processing', 'weld seam 1', 0, 0.4],
      ['processing', 'weld seam 2', 0.4, 0.7],
      ['processing', null, 0.7, 0.8],
      ['idle', null, 0.8, 1],
    ]);
  });

  it('stops a loop that takes no time at all instead of spinning forever', async () => {
    const cell = cellWith([robot('r', 0)], [{ robot: 'r', steps: [{ type: 'setSignal', signal: 'x' }, { type: 'waitSignal', signal: 'x' }] }]);
    const run = await fakeRun(cell);
    run.runUntil(0.1);
    expect(run.host.events).toContainEqual(expect.objectContaining({ type: 'program-fault', time: 0, message: 'the program loops without taking any time' }));
  });

  it('records robots without a program as idle, and unused machines and operators as idle', async () => {
    const machine: CellItem = { id: 'press', name: 'press', type: 'machine', machineType: 'press', pose: { xyz: [2, 0, 0], rpy: [0, 0, 0] }, size: [1, 1, 2], processTime: 5 };
    const person: CellItem = { id: 'op', name: 'op', type: 'operator', pose: { xyz: [3, 0, 0], rpy: [0, 0, 0] }, taskTime: 20 };
    const run = await fakeRun(cellWith([robot('r', 0), machine, person], []));
    const log = run.runUntil(1);
    expect(log.intervals.map((i) => [i.resource, i.kind, i.state, i.start, i.end])).toEqual([
      ['op', 'operator', 'idle', 0, 1],
      ['press', 'machine', 'idle', 0, 1],
      ['r', 'robot', 'idle', 0, 1],
    ]);
  });

  it('saves and loads its whole state as plain data', async () => {
    const cell = cellWith([robot('a', -0.6), robot('b', 0.6, Math.PI)], [
      { robot: 'a', steps: [{ type: 'zoneRequest', zone: 'z' }, { type: 'process', seconds: 0.37 }, { type: 'setSignal', signal: 's', value: true }, { type: 'zoneRelease', zone: 'z' }] },
      { robot: 'b', steps: [{ type: 'zoneRequest', zone: 'z' }, { type: 'waitSignal', signal: 's' }, { type: 'setSignal', signal: 's', value: false }, { type: 'zoneRelease', zone: 'z' }, { type: 'process', seconds: 0.2 }] },
    ]);
    const straight = await fakeRun(cell);
    const expected = straight.runUntil(3);
    const first = await fakeRun(cell);
    first.runUntil(1.3);
    const second = await fakeRun(cell);
    second.restore(structuredClone(first.controller.save()), 1.3);
    expect(second.runUntil(3)).toEqual(expected);
  });
});
