/**
 * No bottleneck is named before the first part leaves the cell. A loader robot feeds a CNC that
 * runs 10 s per part; an unloader takes the part out at 12 s. At 11 s the machine is busy and
 * both robots wait, which looks like a bottleneck, but no part has finished yet.
 */
import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { ActivityRecorder } from '../../src/sim/activity';
import { bottleneckVerdict } from '../../src/sim/kpi/bottleneck';
import { computeKpis } from '../../src/sim/kpi';

const at = (x: number) => ({ xyz: [x, 0, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] });
const robot = (id: string, x: number): RobotItem => ({ id, name: id, type: 'robot', pose: at(x), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cell: Cell = { ...emptyCell('Tending line'), items: [robot('r1', -2), createItem('machine', 'cnc', at(0)), robot('r2', 2)] as CellItem[], workersPerShift: 1 };

function run(until: number) {
  const rec = new ActivityRecorder();
  for (let t = 0; t < until; t += 12) {
    rec.enter('cnc', 'machine', 'loading', t);
    rec.enter('cnc', 'machine', 'processing', t + 1);
    rec.enter('cnc', 'machine', 'unloading', t + 11);
    rec.enter('r1', 'robot', 'moving-loaded', t);
    rec.enter('r1', 'robot', 'waiting-blocked', t + 2);
    rec.enter('r2', 'robot', 'waiting-starved', t);
    rec.enter('r2', 'robot', 'moving-loaded', t + 10);
    if (t + 12 <= until) rec.partFinished(`p${t}`, t + 12);
  }
  return computeKpis(rec.log(until), cell);
}

describe('the bottleneck verdict', () => {
  it('says "not enough data yet" at 11 s, with no part finished, even though the shares point at the machine', () => {
    const k = run(11);
    expect(k.partsFinished).toBe(0);
    expect(k.bottleneck?.id).toBe('cnc');
    expect(bottleneckVerdict(k.partsFinished, k.bottleneck)).toEqual({ kind: 'not-enough-data' });
  });

  it('names the machine once parts leave the cell', () => {
    const k = run(96);
    expect(k.partsFinished).toBe(8);
    const v = bottleneckVerdict(k.partsFinished, k.bottleneck);
    expect(v.kind === 'found' && v.bottleneck.id).toBe('cnc');
  });

  it('says "none" when parts finish and nothing is held up', () => {
    expect(bottleneckVerdict(3, null)).toEqual({ kind: 'none' });
  });
});
