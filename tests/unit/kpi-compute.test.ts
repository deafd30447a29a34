/**
 * KPIs from hand-built activity logs whose answers are known in closed form. Logs are written
 * through the real ActivityRecorder, so these tests also pin the contract the engine records to.
 */
import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { ActivityRecorder, type ActivityLog } from '../../src/sim/activity';
import { BREAKDOWN_CATEGORIES, computeKpis, summarize } from '../../src/sim/kpi';
import { checkLayout } from '../../src/tools/layout-checks';

const at = (x: number, y: number, yaw = 0) => ({ xyz: [x, y, 0] as [number, number, number], rpy: [0, 0, yaw] as [number, number, number] });
const robot = (id: string, x = 0, y = 0): RobotItem => ({ id, name: `Robot ${id}`, type: 'robot', pose: at(x, y), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cellOf = (items: CellItem[], workers = 1): Cell => ({ ...emptyCell('Test cell'), items, workersPerShift: workers });
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/**
 * One robot, ten loops: move empty 1.0 s, grip 0.2 s, move loaded 1.5 s, process 0.1·i s, release
 * 0.3 s, so loop i lasts 3.0 + 0.1·i s. A part leaves the cell at the end of each loop. The log
 * runs 1 s past the last loop (the robot is moving again).
 */
function singleRobotLog(): { log: ActivityLog; ends: number[] } {
  const rec = new ActivityRecorder();
  let t = 0;
  const ends: number[] = [];
  for (let i = 0; i < 10; i++) {
    rec.enter('r1', 'robot', 'moving-empty', t);
    rec.enter('r1', 'robot', 'gripper', (t += 1.0));
    rec.enter('r1', 'robot', 'moving-loaded', (t += 0.2));
    rec.enter('r1', 'robot', 'processing', (t += 1.5));
    rec.enter('r1', 'robot', 'gripper', (t += 0.1 * i));
    t += 0.3;
    rec.cycleComplete('r1', t);
    rec.partFinished(`p${i}`, t);
    ends.push(t);
  }
  rec.enter('r1', 'robot', 'moving-empty', t);
  return { log: rec.log(t + 1), ends };
}

describe('cycle-time statistics', () => {
  it('take percentiles by linear interpolation between closest ranks', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ mean: 2.5, p50: 2.5, p95: expect.closeTo(3.85, 12), min: 1, max: 4, count: 4 });
    expect(summarize([7])).toEqual({ mean: 7, p50: 7, p95: 7, min: 7, max: 7, count: 1 });
    expect(summarize([])).toBeNull();
  });
});

describe('a single robot with ten loops of 3.0 + 0.1·i s', () => {
  const { log, ends } = singleRobotLog();
  const k = computeKpis(log, cellOf([robot('r1')]));
  const r = k.robots[0]!;

  it('skips two warm-up loops and summarizes the other eight (3.2 … 3.9 s)', () => {
    expect(r.cycleTime!.count).toBe(8);
    expect(r.cycleTime!.mean).toBeCloseTo(3.55, 9);
    expect(r.cycleTime!.p50).toBeCloseTo(3.55, 9);
    // Rank (8 − 1)·0.95 = 6.65: between 3.8 and 3.9.
    expect(r.cycleTime!.p95).toBeCloseTo(3.865, 9);
    expect(r.cycleTime!.min).toBeCloseTo(3.2, 9);
    expect(r.cycleTime!.max).toBeCloseTo(3.9, 9);
    // The utilization window runs from the warm-up to the end of the run (1 s past the last loop).
    expect(r.window).toEqual({ start: ends[1], end: ends[9]! + 1 });
  });

  it('takes the cell cycle time between finished parts and UPH as 3600 over it', () => {
    expect(k.cellCycleTime).toBeCloseTo(3.55, 9);
    expect(k.throughputUph).toBeCloseTo(3600 / 3.55, 9);
    expect(k.throughputUph! * k.cellCycleTime!).toBeCloseTo(3600, 9);
    expect(k.partsFinished).toBe(10);
    expect(k.steadyState).toEqual({ start: ends[1], end: ends[9], parts: 8 });
  });

  it('breaks a cycle down into motion 2.5 s, gripper 0.5 s, process 0.55 s, adding up to the mean', () => {
    expect(r.breakdown!.motion).toBeCloseTo(2.5, 9);
    expect(r.breakdown!.gripper).toBeCloseTo(0.5, 9);
    expect(r.breakdown!.process).toBeCloseTo(0.55, 9);
    expect(r.breakdown!.io).toBe(0);
    expect(r.breakdown!.waiting).toBe(0);
    expect(sum(r.breakdown!)).toBeCloseTo(r.cycleTime!.mean, 9);
    // One robot making one part per loop: the cell's breakdown is the robot's.
    for (const c of BREAKDOWN_CATEGORIES) expect(k.breakdown![c]).toBeCloseTo(r.breakdown![c], 9);
    expect(sum(k.breakdown!)).toBeCloseTo(k.cellCycleTime!, 9);
  });

  it('gives utilization shares of every robot state that sum to 1, over the window to the end of the run', () => {
    const u = r.utilization!;
    expect(Object.keys(u)).toEqual(['moving-loaded', 'moving-empty', 'processing', 'gripper', 'io', 'waiting-starved', 'waiting-blocked', 'waiting-interlock', 'idle']);
    // Eight loops (28.4 s) plus the second of moving empty after the last one.
    expect(u['moving-empty']).toBeCloseTo(9 / 29.4, 9);
    expect(u['moving-loaded']).toBeCloseTo(12 / 29.4, 9);
    expect(u['processing']).toBeCloseTo(4.4 / 29.4, 9);
    expect(sum(u)).toBeCloseTo(1, 12);
    expect(r.busyShare).toBeCloseTo(1, 12);
  });

  it('has no bottleneck: nobody is starved or blocked', () => {
    expect(k.bottleneck).toBeNull();
  });

  it('measures from the start of the run with no warm-up', () => {
    const k0 = computeKpis(log, cellOf([robot('r1')]), { warmupCycles: 0 });
    expect(k0.robots[0]!.cycleTime!.count).toBe(10);
    expect(k0.robots[0]!.cycleTime!.min).toBeCloseTo(3.0, 9);
    expect(k0.cellCycleTime).toBeCloseTo(ends[9]! / 10, 9);
    expect(k0.steadyState!.start).toBe(0);
  });
});

describe('runs with nothing to measure', () => {
  it('give null figures, never NaN, when no loop and no part finished', () => {
    const rec = new ActivityRecorder();
    rec.enter('r1', 'robot', 'waiting-starved', 0);
    const k = computeKpis(rec.log(5), cellOf([robot('r1'), createItem('machine', 'm1', at(3, 0))]));
    expect(k.cellCycleTime).toBeNull();
    expect(k.throughputUph).toBeNull();
    expect(k.steadyState).toBeNull();
    expect(k.breakdown).toBeNull();
    expect(k.robots[0]!.cycleTime).toBeNull();
    expect(k.robots[0]!.breakdown).toBeNull();
    // Without cycles or parts the whole run is the window: starved all along.
    expect(k.robots[0]!.utilization!['waiting-starved']).toBe(1);
    expect(k.machines[0]!.utilization!['idle']).toBe(1);
    expect(k.density.uphPerM2).toBeNull();
    expect(JSON.stringify(k)).not.toMatch(/NaN|Infinity/);
  });

  it('give a null utilization for a run of zero seconds', () => {
    const k = computeKpis(new ActivityRecorder().log(0), cellOf([robot('r1')]));
    expect(k.robots[0]!.utilization).toBeNull();
    expect(k.robots[0]!.window).toBeNull();
    expect(k.robots[0]!.busyShare).toBe(0);
    expect(JSON.stringify(k)).not.toMatch(/NaN|Infinity/);
  });

  it('need one more part than the warm-up for a cell cycle time', () => {
    const rec = new ActivityRecorder();
    rec.partFinished('a', 4);
    rec.partFinished('b', 9);
    expect(computeKpis(rec.log(10), cellOf([])).cellCycleTime).toBeNull();
    rec.partFinished('c', 15);
    expect(computeKpis(rec.log(20), cellOf([])).cellCycleTime).toBe(6);
  });
});

describe('utilization', () => {
  it('counts what the log leaves uncovered as idle, so shares still sum to 1', () => {
    const rec = new ActivityRecorder();
    rec.enter('r1', 'robot', 'moving-empty', 1);
    rec.enter('r1', 'robot', 'io', 3);
    rec.enter('r1', 'robot', 'idle', 4);
    const u = computeKpis(rec.log(10), cellOf([robot('r1')])).robots[0]!.utilization!;
    expect(u['moving-empty']).toBeCloseTo(0.2, 12);
    expect(u['io']).toBeCloseTo(0.1, 12);
    expect(u['idle']).toBeCloseTo(0.7, 12);
    expect(sum(u)).toBeCloseTo(1, 12);
  });

  it('lists robots of the cell in document order, idle when the log never names them, then robots only the log names', () => {
    const rec = new ActivityRecorder();
    rec.enter('zz', 'robot', 'processing', 0);
    const k = computeKpis(rec.log(2), cellOf([robot('b'), robot('a')]));
    expect(k.robots.map((r) => [r.id, r.name])).toEqual([['b', 'Robot b'], ['a', 'Robot a'], ['zz', 'zz']]);
    expect(k.robots[0]!.utilization!['idle']).toBe(1);
    expect(k.robots[2]!.utilization!['processing']).toBe(1);
  });

  it('keeps states the contract does not name, after the known ones', () => {
    const rec = new ActivityRecorder();
    rec.enter('r1', 'robot', 'homing', 0);
    const u = computeKpis(rec.log(1), cellOf([robot('r1')])).robots[0]!.utilization!;
    expect(Object.keys(u).at(-1)).toBe('homing');
    expect(u['homing']).toBe(1);
  });
});

describe('density and floor', () => {
  it('agree with the layout checks the editor shows', () => {
    const items = [robot('r1', -1, 0), robot('r2', 1, 0), createItem('table', 't1', at(-2, -1)), createItem('table', 't2', at(2, 1, 0.3)), createItem('fence', 'f', at(0, 2.5))];
    const cell = cellOf(items, 4);
    const { figures } = checkLayout(cell);
    const { density } = computeKpis(new ActivityRecorder().log(1), cell);
    expect(density.footprintM2).toBe(figures.footprintM2);
    expect(density.perTenThousandWorkers).toBe(figures.density);
    expect(density.perTenThousandWorkers).toBe(5000);
    expect(density.m2PerRobot).toBe(figures.m2PerRobot);
    expect(density.robotsPer100M2).toBe(figures.robotsPer100M2);
    expect(density.references).toEqual({ shanghaiTarget: 500, world: 162, china: 470, germany: 429, korea: 1012 });
  });

  it('divide throughput by the footprint for UPH per m²', () => {
    const { log } = singleRobotLog();
    // One 1.2 × 0.8 m table and the robot on it: 0.96 m² is the table, the UR5e's base fits inside.
    const cell = cellOf([createItem('table', 't', at(0, 0)), robot('r1')]);
    const k = computeKpis(log, cell);
    expect(k.density.footprintM2).toBeCloseTo(0.96, 9);
    expect(k.density.uphPerM2).toBeCloseTo(3600 / 3.55 / 0.96, 6);
  });
});
