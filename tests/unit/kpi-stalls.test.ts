/**
 * Stalls and honest windows (issue 11 item 5): a robot stuck since its last loop reads as
 * waiting, not busy, and is listed with when it stopped, where and what it waits for. Hand-built
 * logs with answers in closed form, then a cell file that really deadlocks, run by the CLI.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { emptyCell, type Cell, type RobotItem } from '../../src/model';
import { ActivityRecorder } from '../../src/sim/activity';
import { computeKpis, findStalls, timelines } from '../../src/sim/kpi';
import { REPO_ROOT } from './corpus-helpers';

const robot = (id: string): RobotItem => ({ id, name: id, type: 'robot', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cellOf = (...ids: string[]): Cell => ({ ...emptyCell('Stall test'), items: ids.map(robot) });

/** Five loops of 4 s (3 s moving, 1 s gripper) ending at 20 s, moving 0.5 s more, then starved until `end`. */
function stuckAfterFiveLoops(end: number) {
  const rec = new ActivityRecorder();
  for (let i = 0; i < 5; i++) {
    rec.enter('r1', 'robot', 'moving-empty', 4 * i);
    rec.enter('r1', 'robot', 'gripper', 4 * i + 3);
    rec.cycleComplete('r1', 4 * i + 4);
  }
  rec.enter('r1', 'robot', 'moving-empty', 20);
  rec.enter('r1', 'robot', 'waiting-starved', 20.5);
  return rec.log(end);
}

describe('a robot that stops looping', () => {
  const log = stuckAfterFiveLoops(60);
  const k = computeKpis(log, cellOf('r1'));
  const r = k.robots[0]!;

  it('is measured to the end of the run, so its stuck time counts as waiting, not busy', () => {
    // Window: the 2nd completion (8 s) to the end (60 s). Busy 8 → 20.5 s, starved 20.5 → 60 s.
    expect(r.window).toEqual({ start: 8, end: 60 });
    expect(r.busyShare).toBeCloseTo(12.5 / 52, 12);
    expect(r.utilization!['waiting-starved']).toBeCloseTo(39.5 / 52, 12);
    // The per-cycle figures still come from whole loops: 4 s, 3 s of it moving.
    expect(r.cycleTime!.mean).toBeCloseTo(4, 12);
    expect(r.breakdown!.motion).toBeCloseTo(3, 12);
  });

  it('is a stall once the run goes on for more than three mean cycles after its last loop', () => {
    expect(k.stalls).toEqual([{ robot: 'r1', since: 20.5, kind: 'no-progress', state: 'waiting-starved', step: null, waitsFor: null }]);
    // Mean cycle 20 s / 5 loops = 4 s: 12 s after the last loop is not yet a stall, 12.5 s is.
    expect(computeKpis(stuckAfterFiveLoops(32), cellOf('r1')).stalls).toEqual([]);
    expect(computeKpis(stuckAfterFiveLoops(32.5), cellOf('r1')).stalls).toHaveLength(1);
  });

  it('says where it is stuck when the engine can tell', () => {
    const where = () => ({ step: 'programs[0].steps[1]', waitsFor: 'the sensor of infeed to be occupied' });
    expect(computeKpis(log, cellOf('r1'), { stallWhere: where }).stalls[0]).toMatchObject(where());
  });

  it('counts busy time after the last loop as waiting when it never gets back to a loop', () => {
    const rec = new ActivityRecorder();
    for (let i = 1; i <= 4; i++) {
      rec.enter('r1', 'robot', 'moving-empty', 5 * (i - 1));
      rec.cycleComplete('r1', 5 * i);
    }
    rec.enter('r1', 'robot', 'processing', 20);
    const stuck = computeKpis(rec.log(100), cellOf('r1'), { warmupCycles: 0 });
    expect(stuck.stalls).toMatchObject([{ robot: 'r1', since: 20, kind: 'no-progress', state: 'processing' }]);
    expect(stuck.robots[0]!.utilization!['waiting-blocked']).toBeCloseTo(0.8, 12);
    expect(stuck.robots[0]!.busyShare).toBeCloseTo(0.2, 12);
  });
});

describe('deadlocks: every robot waiting at once', () => {
  it('are reported when the robots wait together for as long as the run went before', () => {
    const rec = new ActivityRecorder();
    rec.enter('a', 'robot', 'moving-empty', 0);
    rec.enter('a', 'robot', 'waiting-interlock', 0.5);
    rec.enter('b', 'robot', 'moving-empty', 0);
    rec.enter('b', 'robot', 'waiting-interlock', 0.7);
    const stalls = findStalls([...timelines(rec.log(10)).values()], 10);
    expect(stalls.map((s) => [s.robot, s.kind, s.since])).toEqual([
      ['a', 'deadlock', 0.5],
      ['b', 'deadlock', 0.7],
    ]);
  });

  it('are not called for two robots that just happen to wait at the end of a short run', () => {
    const rec = new ActivityRecorder();
    rec.enter('a', 'robot', 'moving-empty', 0);
    rec.enter('a', 'robot', 'waiting-starved', 9.5);
    rec.enter('b', 'robot', 'moving-empty', 0);
    rec.enter('b', 'robot', 'waiting-starved', 9.6);
    expect(findStalls([...timelines(rec.log(10)).values()], 10)).toEqual([]);
  });

  it('are not stalls for a robot whose program ended (idle)', () => {
    const rec = new ActivityRecorder();
    rec.enter('a', 'robot', 'moving-empty', 0);
    rec.enter('a', 'robot', 'idle', 1);
    expect(findStalls([...timelines(rec.log(50)).values()], 50)).toEqual([]);
  });
});

describe('celltwin run on a cell that deadlocks', () => {
  it('lists both robots as deadlocked, at the step that waits and on the zone the other holds, in JSON and text', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: REPO_ROOT };
    const args = ['run', 'tests/fixtures/deadlock.cell.json', '--until', '8'];
    expect(await main([...args, '--json'], io)).toBe(0);
    expect(err).toEqual([]);
    const report = JSON.parse(out.join('\n'));
    expect(report.stalls).toMatchObject([
      { robot: 'robot-l', kind: 'deadlock', state: 'waiting-interlock', step: 'programs[0].steps[2]', waitsFor: 'zone drop-zone (held by robot-r)' },
      { robot: 'robot-r', kind: 'deadlock', state: 'waiting-interlock', step: 'programs[1].steps[2]', waitsFor: 'zone nest-zone (held by robot-l)' },
    ]);
    // Each moved to its first target (well under a second), then waited to the end.
    for (const s of report.stalls) expect(s.since).toBeGreaterThan(0.1);
    for (const s of report.stalls) expect(s.since).toBeLessThan(1);
    for (const r of report.robots) {
      const since = report.stalls.find((s: { robot: string }) => s.robot === r.id).since;
      expect(r.utilization['waiting-interlock']).toBeCloseTo((8 - since) / 8, 6);
    }
    out.length = 0;
    expect(await main(args, io)).toBe(0);
    expect(out.join('\n')).toMatch(/deadlock: robot-l since 0\.\d{3} s \(waiting-interlock\) at programs\[0\]\.steps\[2\], waiting for zone drop-zone \(held by robot-r\)/);
  }, 120_000);
});
