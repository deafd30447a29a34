/**
 * `celltwin run`'s text names a bottleneck only once a part has left the cell, as the dashboard
 * does: over the start-up alone every share is a guess.
 */
import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { ActivityRecorder } from '../../src/sim/activity';
import { computeKpis } from '../../src/sim/kpi';
import { kpisText } from '../../src/sim/kpi/text';

const at = (x: number, y: number) => ({ xyz: [x, y, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] });
const robot = (id: string): RobotItem => ({ id, name: `Robot ${id}`, type: 'robot', pose: at(0, 0), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cellOf = (items: CellItem[]): Cell => ({ ...emptyCell('Test cell'), items, workersPerShift: 1 });

/** A robot busy for 20 s while a machine waits starved, with `parts` parts out at 10 s and 20 s. */
function busyRobotStarvedMachine(parts: number) {
  const rec = new ActivityRecorder();
  rec.enter('r1', 'robot', 'moving-loaded', 0);
  rec.enter('m1', 'machine', 'waiting-starved', 0);
  for (let i = 0; i < parts; i++) rec.partFinished(`p${i}`, 10 * (i + 1));
  return computeKpis(rec.log(20), cellOf([robot('r1'), createItem('machine', 'm1', at(3, 0))]), { warmupCycles: 0 });
}

describe('the bottleneck line of the run text', () => {
  it('says "not enough data yet" before the first part leaves, though the shares point at the robot', () => {
    const k = busyRobotStarvedMachine(0);
    expect(k.bottleneck?.id).toBe('r1');
    expect(kpisText(k)).toContain('bottleneck: not enough data yet (no part finished)');
  });

  it('names the busy robot, and the machine it starves, once parts are out', () => {
    const text = kpisText(busyRobotStarvedMachine(2));
    expect(text).toContain('bottleneck: r1 (busy 100.0%; m1 starved 100.0%)');
  });
});
