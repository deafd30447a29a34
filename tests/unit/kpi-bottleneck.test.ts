/**
 * The bottleneck and the cell breakdown on a hand-built line: robot r1 loads a CNC machine, the
 * machine runs, robot r2 unloads it and sends the part out. Per 12 s period the machine loads
 * 1 s, processes 10 s and unloads 1 s; r1 moves 2 s then waits blocked 10 s (the machine is
 * full); r2 waits starved 10 s then moves 2 s. A part leaves every 12 s.
 */
import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { ActivityRecorder, type ActivityLog } from '../../src/sim/activity';
import { computeKpis, findBottleneck } from '../../src/sim/kpi';

const at = (x: number, y: number) => ({ xyz: [x, y, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] });
const robot = (id: string, x: number): RobotItem => ({ id, name: id, type: 'robot', pose: at(x, 0), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cell: Cell = { ...emptyCell('Tending line'), items: [robot('r1', -2), createItem('machine', 'cnc', at(0, 0)), robot('r2', 2)] as CellItem[], workersPerShift: 1 };
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

function lineLog(periods: number, machineProcess = 10): ActivityLog {
  const rec = new ActivityRecorder();
  const period = machineProcess + 2;
  for (let i = 0; i < periods; i++) {
    const t = i * period;
    rec.enter('cnc', 'machine', 'loading', t);
    rec.enter('cnc', 'machine', 'processing', t + 1);
    rec.enter('cnc', 'machine', 'unloading', t + 1 + machineProcess);
    rec.enter('r1', 'robot', 'moving-loaded', t);
    rec.enter('r1', 'robot', 'waiting-blocked', t + 2);
    rec.enter('r2', 'robot', 'waiting-starved', t);
    rec.enter('r2', 'robot', 'moving-loaded', t + machineProcess);
    rec.cycleComplete('r1', t + period);
    rec.cycleComplete('r2', t + period);
    rec.partFinished(`p${i}`, t + period);
  }
  return rec.log(periods * period);
}

describe('bottleneck', () => {
  const k = computeKpis(lineLog(8), cell);

  it('is the machine that starves the unloader and blocks the loader', () => {
    expect(k.bottleneck).toEqual({
      id: 'cnc',
      kind: 'machine',
      busyShare: 1,
      starved: [{ id: 'r2', share: expect.closeTo(10 / 12, 12) }],
      blocked: [{ id: 'r1', share: expect.closeTo(10 / 12, 12) }],
    });
  });

  it('moves to the robot when the robot is the slow one', () => {
    // r1 loads in 1 s and the machine runs 1 s, then both wait blocked: r2 needs the whole 5 s.
    const rec = new ActivityRecorder();
    for (let i = 0; i < 6; i++) {
      const t = i * 5;
      rec.enter('r1', 'robot', 'moving-loaded', t);
      rec.enter('r1', 'robot', 'waiting-blocked', t + 1);
      rec.enter('cnc', 'machine', 'processing', t);
      rec.enter('cnc', 'machine', 'blocked', t + 1);
      rec.enter('r2', 'robot', 'moving-loaded', t);
      rec.enter('r2', 'robot', 'processing', t + 3);
      rec.partFinished(`p${i}`, t + 5);
    }
    const b = computeKpis(rec.log(30), cell).bottleneck!;
    expect(b.id).toBe('r2');
    expect(b.kind).toBe('robot');
    expect(b.blocked.map((x) => x.id)).toEqual(['r1', 'cnc']);
    expect(b.starved).toEqual([]);
  });

  it('is none when resources only wait on an interlock', () => {
    const b = findBottleneck([
      { id: 'a', kind: 'robot', utilization: { 'moving-loaded': 0.6, 'waiting-interlock': 0.4 } },
      { id: 'b', kind: 'robot', utilization: { 'moving-loaded': 0.7, 'waiting-interlock': 0.3 } },
    ]);
    expect(b).toBeNull();
  });

  it('ignores starving below 1% of a window as noise at the edges', () => {
    const b = findBottleneck([
      { id: 'a', kind: 'robot', utilization: { 'moving-loaded': 0.995, 'waiting-starved': 0.005 } },
      { id: 'b', kind: 'machine', utilization: { processing: 1 } },
    ]);
    expect(b).toBeNull();
  });
});

describe('a two-robot line', () => {
  const k = computeKpis(lineLog(8), cell);

  it('has a cell cycle time of one period and 300 parts per hour', () => {
    expect(k.cellCycleTime).toBeCloseTo(12, 12);
    expect(k.throughputUph).toBeCloseTo(300, 9);
    expect(k.steadyState).toEqual({ start: 24, end: 96, parts: 6 });
  });

  it('measures the machine over the cell window: 1/12 loading, 10/12 processing, 1/12 unloading', () => {
    const m = k.machines[0]!;
    expect(m.window).toEqual({ start: 24, end: 96 });
    expect(m.utilization!['loading']).toBeCloseTo(1 / 12, 12);
    expect(m.utilization!['processing']).toBeCloseTo(10 / 12, 12);
    expect(m.utilization!['unloading']).toBeCloseTo(1 / 12, 12);
    expect(sum(m.utilization!)).toBeCloseTo(1, 12);
  });

  it('breaks the cell cycle down per average robot: 2 s motion and 10 s waiting, adding up to 12 s', () => {
    expect(k.breakdown).toEqual({ motion: 2, gripper: 0, io: 0, process: 0, waiting: 10, idle: 0 });
    expect(sum(k.breakdown!)).toBeCloseTo(k.cellCycleTime!, 12);
    for (const r of k.robots) expect(sum(r.breakdown!)).toBeCloseTo(r.cycleTime!.mean, 12);
  });

  it('shortens the cycle when the machine gets faster', () => {
    const fast = computeKpis(lineLog(8, 6), cell);
    expect(fast.cellCycleTime).toBeCloseTo(8, 12);
    expect(fast.throughputUph).toBeCloseTo(450, 9);
    expect(fast.bottleneck!.id).toBe('cnc');
  });
});
