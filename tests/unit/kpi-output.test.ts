/**
 * The KPI object as the CLI writes it: rounding, the CSV table and the compared rows, on the
 * hand-built line of kpi-bottleneck (robot r1 loads a CNC machine, r2 unloads it, 12 s a part).
 */
import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { ActivityRecorder, type ActivityLog } from '../../src/sim/activity';
import { compareKpis, compareText, computeKpis, kpisToCsv, roundDeep, roundTo } from '../../src/sim/kpi';

const at = (x: number, y: number) => ({ xyz: [x, y, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] });
const robot = (id: string, x: number, name = id): RobotItem => ({ id, name, type: 'robot', pose: at(x, 0), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cellOf = (items: CellItem[], name = 'Line, "tending"'): Cell => ({ ...emptyCell(name), items, workersPerShift: 2 });
const cell = cellOf([robot('r1', -2, 'Loader, left'), createItem('machine', 'cnc', at(0, 0)), robot('r2', 2)]);

function lineLog(periods: number, process = 10): ActivityLog {
  const rec = new ActivityRecorder();
  const period = process + 2;
  for (let i = 0; i < periods; i++) {
    const t = i * period;
    rec.enter('cnc', 'machine', 'loading', t);
    rec.enter('cnc', 'machine', 'processing', t + 1);
    rec.enter('cnc', 'machine', 'unloading', t + 1 + process);
    rec.enter('r1', 'robot', 'moving-loaded', t);
    rec.enter('r1', 'robot', 'waiting-blocked', t + 2);
    rec.enter('r2', 'robot', 'waiting-starved', t);
    rec.enter('r2', 'robot', 'moving-loaded', t + process);
    rec.cycleComplete('r1', t + period);
    rec.cycleComplete('r2', t + period);
    rec.partFinished(`p${i}`, t + period);
  }
  return rec.log(periods * period);
}

/** Splits one CSV line into its raw fields (quotes kept), commas inside quotes included. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

describe('rounding for output', () => {
  it('keeps six decimals, turns −0 into 0 and leaves integers and text alone', () => {
    expect(roundTo(1 / 3)).toBe(0.333333);
    expect(roundTo(-1e-9)).toBe(0);
    expect(Object.is(roundTo(-1e-9), 0)).toBe(true);
    expect(roundDeep({ a: [2 / 3, 7, 'x', null], b: { c: 0.1 + 0.2 } })).toEqual({ a: [0.666667, 7, 'x', null], b: { c: 0.3 } });
  });
});

describe('the KPI CSV', () => {
  const csv = kpisToCsv(computeKpis(lineLog(8), cell));
  const lines = csv.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map(splitCsv);
  const col = (row: string[], name: string) => row[header.indexOf(name)];

  it('has a cell row, then one row per robot and machine, all as wide as the header', () => {
    expect(csv.endsWith('\n')).toBe(true);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['cell', 'cell'], ['robot', 'r1'], ['robot', 'r2'], ['machine', 'cnc']]);
    for (const r of rows) expect(r).toHaveLength(header.length);
  });

  it('names its columns as documented', () => {
    expect(header.slice(0, 13)).toEqual(['kind', 'id', 'name', 'cycles', 'cycle_mean_s', 'cycle_p50_s', 'cycle_p95_s', 'cycle_min_s', 'cycle_max_s', 'throughput_uph', 'busy_share', 'window_start_s', 'window_end_s']);
    expect(header).toContain('util_moving_loaded');
    expect(header).toContain('util_waiting_starved');
    expect(header).toContain('util_loading');
    expect(header.slice(-15)).toEqual([
      'breakdown_motion_s', 'breakdown_gripper_s', 'breakdown_io_s', 'breakdown_process_s', 'breakdown_waiting_s', 'breakdown_idle_s',
      'bottleneck', 'robots', 'workers', 'robots_per_10k_workers', 'footprint_m2', 'm2_per_robot', 'robots_per_100m2', 'uph_per_m2', 'collisions',
    ]);
  });

  it('carries the figures: 12 s a part, 300 UPH, the machine as bottleneck, 10,000 robots per 10,000 workers', () => {
    const [cellRow, r1, r2, cnc] = rows as [string[], string[], string[], string[]];
    expect(col(cellRow, 'name')).toBe('"Line, ""tending"""');
    expect(col(cellRow, 'cycles')).toBe('6');
    expect(col(cellRow, 'cycle_mean_s')).toBe('12');
    expect(col(cellRow, 'throughput_uph')).toBe('300');
    expect(col(cellRow, 'bottleneck')).toBe('cnc');
    expect(col(cellRow, 'robots_per_10k_workers')).toBe('10000');
    expect(col(cellRow, 'util_idle')).toBe('');
    expect(col(r1, 'name')).toBe('"Loader, left"');
    expect(col(r1, 'util_waiting_blocked')).toBe('0.833333');
    expect(col(r1, 'util_loading')).toBe('');
    expect(col(r1, 'breakdown_waiting_s')).toBe('10');
    expect(col(r2, 'util_waiting_starved')).toBe('0.833333');
    expect(col(cnc, 'util_processing')).toBe('0.833333');
    expect(col(cnc, 'util_moving_loaded')).toBe('');
    expect(col(cnc, 'breakdown_motion_s')).toBe('');
  });
});

describe('comparing two variants', () => {
  const slow = computeKpis(lineLog(8), cell);
  const fast = computeKpis(lineLog(8, 6), cell);
  const rows = compareKpis(slow, fast);
  const find = (metric: string) => rows.find((r) => r.metric === metric)!;

  it('gives each figure of A and B with the difference B − A and the relative change', () => {
    expect(find('cell cycle time')).toEqual({ metric: 'cell cycle time', unit: 's', a: 12, b: 8, delta: -4, change: expect.closeTo(-1 / 3, 12) });
    expect(find('throughput')).toMatchObject({ a: expect.closeTo(300, 9), b: expect.closeTo(450, 9), change: expect.closeTo(0.5, 9) });
    expect(find('bottleneck')).toEqual({ metric: 'bottleneck', unit: 'text', a: 'cnc', b: 'cnc', delta: null, change: null });
    expect(find('r1: waiting')).toMatchObject({ a: expect.closeTo(10 / 12, 12), b: expect.closeTo(6 / 8, 12) });
    expect(find('cnc: busy')).toMatchObject({ a: 1, b: 1, delta: 0 });
  });

  it('shows a robot only one variant has as missing on the other side', () => {
    const lone = computeKpis(lineLog(8), cellOf([robot('r1', 0), robot('r3', 1)]));
    const r3 = compareKpis(slow, lone).find((r) => r.metric === 'r3: busy')!;
    expect(r3.a).toBeNull();
    expect(r3.delta).toBeNull();
  });

  it('prints a table with one line per figure', () => {
    const text = compareText('A', 'B', rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines[0]).toMatch(/^figure\s+A\s+B\s+B − A$/);
    expect(text).toMatch(/cell cycle time\s+12\.000 s\s+8\.000 s\s+−4\.000 s \(−33\.3%\)/);
    expect(text).toMatch(/throughput\s+300\.0\s+450\.0\s+\+150\.0 \(\+50\.0%\)/);
    expect(text).toMatch(/r1: waiting\s+83\.3%\s+75\.0%\s+−8\.3 pt/);
    expect(text).toMatch(/bottleneck\s+cnc\s+cnc\s+same/);
  });
});
