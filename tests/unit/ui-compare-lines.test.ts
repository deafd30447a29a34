/**
 * The page's A-vs-B table on two hand-built runs of a tending line: a loader robot, a CNC and an
 * unloader, with a part out every 12 s in A (10 s machining + 2 s handling) and every 10 s in B
 * (8 s machining). Cycle 12 → 10 s, throughput 300 → 360 UPH.
 */
import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { ActivityRecorder } from '../../src/sim/activity';
import { computeKpis } from '../../src/sim/kpi';
import { compareKpis } from '../../src/sim/kpi/compare';
import { formatDelta, formatValue } from '../../src/sim/kpi/text';
import { compareLines, verdictOf } from '../../src/ui/compare/compare-lines';

const at = (x: number) => ({ xyz: [x, 0, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] });
const robot = (id: string, x: number): RobotItem => ({ id, name: id, type: 'robot', pose: at(x), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cell: Cell = { ...emptyCell('Tending line'), items: [robot('r1', -2), createItem('machine', 'cnc', at(0)), robot('r2', 2)] as CellItem[], workersPerShift: 2 };

function run(machining: number, until: number) {
  const rec = new ActivityRecorder();
  const period = machining + 2;
  for (let t = 0; t < until; t += period) {
    rec.enter('cnc', 'machine', 'loading', t);
    rec.enter('cnc', 'machine', 'processing', t + 1);
    rec.enter('cnc', 'machine', 'unloading', t + 1 + machining);
    rec.enter('r1', 'robot', 'moving-loaded', t);
    rec.enter('r1', 'robot', 'waiting-blocked', t + 2);
    rec.enter('r2', 'robot', 'waiting-starved', t);
    rec.enter('r2', 'robot', 'moving-loaded', t + machining);
    if (t + period > until) break;
    rec.cycleComplete('r1', t + period);
    rec.cycleComplete('r2', t + period);
    rec.partFinished(`p${t}`, t + period);
  }
  return computeKpis(rec.log(until), cell);
}

const names = new Map([
  ['cnc', 'CNC lathe'],
  ['r1', 'Loader'],
  ['r2', 'Unloader'],
]);

describe('the A vs B table', () => {
  const a = run(10, 120);
  const b = run(8, 120);
  const groups = compareLines({ cell, kpis: a }, { cell, kpis: b }, names);
  const line = (metric: string) => groups.flatMap((g) => g.lines).find((l) => l.metric === metric)!;

  it('reads 12 s against 10 s of cell cycle as 2 s (16.7 %) better, in celltwin compare’s words', () => {
    expect(line('cell cycle time')).toEqual({ metric: 'cell cycle time', label: 'cell cycle time', a: '12.000 s', b: '10.000 s', delta: '−2.000 s (−16.7%)', verdict: 'better' });
  });

  it('reads 300 against 360 UPH as better', () => {
    expect(line('throughput')).toMatchObject({ a: '300.0', b: '360.0', delta: '+60.0 (+20.0%)', verdict: 'better' });
  });

  it('has one line per row of compareKpis, formatted as the command line formats it', () => {
    const rows = compareKpis(a, b);
    expect(groups.flatMap((g) => g.lines).map((l) => l.metric).sort()).toEqual(rows.map((r) => r.metric).sort());
    for (const r of rows.filter((x) => x.metric !== 'bottleneck' && verdictOf(x) !== 'same')) {
      const l = line(r.metric);
      expect([l.a, l.b, l.delta]).toEqual([formatValue(r.a, r.unit), formatValue(r.b, r.unit), formatDelta(r)]);
    }
  });

  it('names resources, groups their rows under their names and the bottleneck by name', () => {
    expect(groups.map((g) => g.title)).toEqual(['Cell', 'Cell cycle per robot', 'Density and floor', 'Loader', 'Unloader', 'CNC lathe']);
    expect(line('bottleneck')).toMatchObject({ a: 'CNC lathe', b: 'CNC lathe', delta: 'same', verdict: 'same' });
    expect(groups.find((g) => g.title === 'Loader')!.lines[0]).toMatchObject({ label: 'cycle time mean', a: '12.000 s', b: '10.000 s', verdict: 'better' });
  });

  it('says "not enough data yet" for a side with no finished part', () => {
    const early = run(10, 11);
    expect(early.bottleneck?.id).toBe('cnc');
    expect(compareLines({ cell, kpis: early }, { cell, kpis: b }, names)[0]!.lines.find((l) => l.metric === 'bottleneck')).toMatchObject({ a: 'not enough data yet', b: 'CNC lathe', verdict: 'changed' });
  });

  it('adds the plant density rows when both cells are in a plant', () => {
    // 100 people, 4 robots; one copy of the cell: +2 robots, 2 operators, takes over 6 → 6 / 96 = 625.
    const planted: Cell = { ...cell, plant: { workersPerShift: 100, robots: 4, thisCell: { copies: 1, workersReplaced: 6 } } };
    const g = compareLines({ cell: planted, kpis: a }, { cell: planted, kpis: b }, names);
    const plant = g.find((x) => x.title === 'Density and floor')!.lines.find((l) => l.metric === 'plant density')!;
    expect(plant).toMatchObject({ a: '625.0', b: '625.0', delta: 'same' });
  });
});
