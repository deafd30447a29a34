/**
 * The A-vs-B table of the page, built on the rows `celltwin compare` prints (sim/kpi/compare.ts,
 * formatted by sim/kpi/text.ts) so that page and command line always agree. On top of them: rows
 * grouped under headings, resource ids shown by name, a verdict per row (better / worse) where a
 * direction is clear, the bottleneck rule "not enough data yet", and the plant density rows.
 */
import type { Cell } from '../../model';
import { bottleneckVerdict } from '../../sim/kpi/bottleneck';
import { compareKpis, type CompareRow } from '../../sim/kpi/compare';
import type { CellKpis } from '../../sim/kpi/compute';
import { plantDensity } from '../../sim/kpi/plant-density';
import { formatDelta, formatValue } from '../../sim/kpi/text';

/** How a difference reads. */
export type Verdict = 'better' | 'worse' | 'same' | 'changed' | null;

/** One line of the table, formatted. */
export interface CompareLine {
  metric: string;
  label: string;
  a: string;
  b: string;
  delta: string;
  verdict: Verdict;
}

/** Lines under one heading. */
export interface CompareGroup {
  title: string;
  lines: CompareLine[];
}

/** Figures where less is better, and where more is (by metric name, or its tail after "ID: "). */
const LOWER_IS_BETTER = new Set(['cell cycle time', 'cell breakdown: waiting', 'collisions', 'footprint', 'm² per robot', 'cycle time mean', 'cycle time p95', 'waiting', 'waiting per cycle', 'copies of this cell for 500']);
const HIGHER_IS_BETTER = new Set(['throughput', 'robot density', 'UPH per m²', 'plant density']);

/** better / worse / same for a row (null when the direction is not a matter of better). */
export function verdictOf(row: CompareRow): Verdict {
  if (row.unit === 'text') return row.a === row.b ? 'same' : 'changed';
  if (row.delta === null) return null;
  const scale = Math.max(Math.abs(Number(row.a)), Math.abs(Number(row.b)), 1e-12);
  if (Math.abs(row.delta) <= 1e-9 * scale) return 'same';
  const tail = row.metric.includes(': ') && !row.metric.startsWith('cell breakdown') ? row.metric.slice(row.metric.indexOf(': ') + 2) : row.metric;
  if (LOWER_IS_BETTER.has(tail)) return row.delta < 0 ? 'better' : 'worse';
  if (HIGHER_IS_BETTER.has(tail)) return row.delta > 0 ? 'better' : 'worse';
  return null;
}

const bottleneckText = (k: CellKpis, names: ReadonlyMap<string, string>): string => {
  const v = bottleneckVerdict(k.partsFinished, k.bottleneck);
  if (v.kind === 'not-enough-data') return 'not enough data yet';
  if (v.kind === 'none') return 'none';
  return names.get(v.bottleneck.id) ?? v.bottleneck.id;
};

/** The plant rows: the roll-up of each side's own cell, when both sides have a plant section. */
function plantRows(a: { cell: Cell; kpis: CellKpis }, b: { cell: Cell; kpis: CellKpis }): CompareRow[] {
  if (!a.cell.plant || !b.cell.plant) return [];
  const roll = (x: { cell: Cell; kpis: CellKpis }, plant: NonNullable<Cell['plant']>) =>
    plantDensity(plant, { name: x.cell.name, robots: x.kpis.density.robots, workersPerShift: x.kpis.density.workers });
  const pa = roll(a, a.cell.plant);
  const pb = roll(b, b.cell.plant);
  const row = (metric: string, unit: CompareRow['unit'], x: number | null, y: number | null): CompareRow => {
    const delta = x !== null && y !== null ? y - x : null;
    return { metric, unit, a: x, b: y, delta, change: delta !== null && x ? delta / x : null };
  };
  return [row('plant density', 'per10k', pa.withCells.density, pb.withCells.density), row('copies of this cell for 500', 'count', pa.copiesForTarget, pb.copiesForTarget)];
}

/** The grouped, formatted A-vs-B table. `names`: item id → name, for resource rows. */
export function compareLines(a: { cell: Cell; kpis: CellKpis }, b: { cell: Cell; kpis: CellKpis }, names: ReadonlyMap<string, string>): CompareGroup[] {
  const groups: CompareGroup[] = [];
  const push = (title: string, line: CompareLine) => {
    const g = groups.find((x) => x.title === title) ?? (groups.push({ title, lines: [] }), groups[groups.length - 1]!);
    g.lines.push(line);
  };
  const rows = [...compareKpis(a.kpis, b.kpis), ...plantRows(a, b)];
  for (const r of rows) {
    let title = 'Cell';
    let label = r.metric;
    const line = (): CompareLine => {
      const verdict = verdictOf(r);
      // Float noise (a difference of 1e-16 s) reads "same", not "+0.000 s (+0.0%)".
      return { metric: r.metric, label, a: formatValue(r.a, r.unit), b: formatValue(r.b, r.unit), delta: verdict === 'same' ? 'same' : formatDelta(r), verdict };
    };
    if (r.metric === 'bottleneck') {
      const ta = bottleneckText(a.kpis, names);
      const tb = bottleneckText(b.kpis, names);
      push(title, { metric: r.metric, label, a: ta, b: tb, delta: ta === tb ? 'same' : 'changed', verdict: ta === tb ? 'same' : 'changed' });
      continue;
    }
    if (r.metric.startsWith('cell breakdown: ')) {
      title = 'Cell cycle per robot';
      label = r.metric.slice('cell breakdown: '.length);
    } else if (['robots', 'workers per shift', 'robot density', 'footprint', 'm² per robot', 'robots per 100 m²', 'UPH per m²', 'plant density', 'copies of this cell for 500'].includes(r.metric)) {
      title = 'Density and floor';
    } else if (r.metric.includes(': ')) {
      const id = r.metric.slice(0, r.metric.indexOf(': '));
      title = names.get(id) ?? id;
      label = r.metric.slice(id.length + 2);
    }
    push(title, line());
  }
  return groups;
}
