/**
 * The KPIs as plain text for a terminal (`celltwin run` without --json, `celltwin compare`):
 * seconds with millisecond digits, shares in percent, "—" for what could not be measured.
 */
import { bottleneckVerdict } from './bottleneck';
import type { CompareRow, RowUnit } from './compare';
import type { CellKpis, ResourceKpis, RobotKpis } from './compute';
import { DENSITY_REFERENCES } from './floor';
import { BREAKDOWN_CATEGORIES } from './states';
import type { Stall } from './stalls';

/** A number in a row's unit, or "—". */
export function formatValue(v: number | string | null, unit: RowUnit): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  switch (unit) {
    case 's':
      return `${v.toFixed(3)} s`;
    case 'share':
      return `${(v * 100).toFixed(1)}%`;
    case 'count':
      return String(v);
    case 'm2':
      return `${v.toFixed(2)} m²`;
    case 'text':
      return String(v);
    default:
      return v.toFixed(1);
  }
}

/** A signed difference in a row's unit ("+0.250 s", "−3.1 pt" for shares). */
export function formatDelta(r: CompareRow): string {
  if (r.delta === null) return r.unit === 'text' ? (r.a === r.b ? 'same' : 'changed') : '';
  if (r.delta === 0) return 'same';
  const sign = r.delta > 0 ? '+' : '−';
  const abs = Math.abs(r.delta);
  const body = r.unit === 'share' ? `${(abs * 100).toFixed(1)} pt` : formatValue(abs, r.unit);
  const pct = r.change === null || r.unit === 'share' ? '' : ` (${r.change >= 0 ? '+' : '−'}${Math.abs(r.change * 100).toFixed(1)}%)`;
  return `${sign}${body}${pct}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const s3 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${x.toFixed(3)} s`);

function utilizationLine(r: ResourceKpis): string {
  if (!r.utilization) return '  utilization: — (empty window)';
  const parts = Object.entries(r.utilization)
    .filter(([, share]) => share > 0)
    .map(([state, share]) => `${state} ${pct(share)}`);
  return `  utilization (${s3(r.window?.start)}–${s3(r.window?.end)}): ${parts.join(' · ') || 'none'}`;
}

function robotLines(r: RobotKpis): string[] {
  const c = r.cycleTime;
  const head = c
    ? `${r.id} (${r.name}): cycle mean ${s3(c.mean)}, p50 ${s3(c.p50)}, p95 ${s3(c.p95)}, min ${s3(c.min)}, max ${s3(c.max)} over ${c.count} cycles`
    : `${r.id} (${r.name}): no whole cycle after the warm-up`;
  const lines = [head, utilizationLine(r), `  motion data: ${r.motionSource}`];
  if (r.breakdown) lines.push(`  per cycle: ${BREAKDOWN_CATEGORIES.map((k) => `${k} ${s3(r.breakdown![k])}`).join(' · ')}`);
  return lines;
}

/** One stall as a line: who, since when, where and what it waits for. */
export function stallLine(st: Stall): string {
  const what = st.kind === 'deadlock' ? 'deadlock' : 'stalled';
  const where = st.step === null ? '' : ` at ${st.step}`;
  const waits = st.waitsFor === null ? '' : `, waiting for ${st.waitsFor}`;
  return `${what}: ${st.robot} since ${s3(st.since)} (${st.state})${where}${waits}`;
}

/** The bottleneck line: the same verdict the dashboard gives (nothing named before the first part is out). */
function bottleneckLine(k: CellKpis): string {
  const v = bottleneckVerdict(k.partsFinished, k.bottleneck);
  if (v.kind === 'not-enough-data') return 'bottleneck: not enough data yet (no part finished)';
  if (v.kind === 'none') return 'bottleneck: none (no resource starved or blocked)';
  const b = v.bottleneck;
  const held = [...b.starved.map((x) => `${x.id} starved ${pct(x.share)}`), ...b.blocked.map((x) => `${x.id} blocked ${pct(x.share)}`)].join(', ');
  return `bottleneck: ${b.id} (busy ${pct(b.busyShare)}; ${held})`;
}

/** The KPI section of `celltwin run`'s text output. */
export function kpisText(k: CellKpis): string {
  const ss = k.steadyState;
  const lines = [
    ss
      ? `cell cycle time: ${s3(k.cellCycleTime)} (${ss.parts} parts finished from ${s3(ss.start)} to ${s3(ss.end)}, after ${k.warmupCycles} warm-up), throughput ${k.throughputUph === null ? '—' : k.throughputUph.toFixed(1)} UPH`
      : `cell cycle time: — (${k.partsFinished} parts finished; more than ${k.warmupCycles} warm-up parts needed)`,
  ];
  lines.push(bottleneckLine(k));
  for (const st of k.stalls) lines.push(stallLine(st));
  if (k.breakdown) lines.push(`cell cycle per robot: ${BREAKDOWN_CATEGORIES.map((c) => `${c} ${s3(k.breakdown![c])}`).join(' · ')}`);
  for (const r of k.robots) lines.push(...robotLines(r));
  for (const m of [...k.machines, ...k.operators, ...k.conveyors, ...k.sources]) lines.push(`${m.id} (${m.kind}):`, utilizationLine(m));
  const d = k.density;
  const R = DENSITY_REFERENCES;
  lines.push(
    `robot density: ${d.perTenThousandWorkers === null ? '—' : d.perTenThousandWorkers.toFixed(0)} per 10,000 workers (${d.robots} robots, ${d.workers} workers; cell-level equivalent, not the IFR statistic; target ${R.shanghaiTarget}, world ${R.world}, China ${R.china}, Germany ${R.germany}, Korea ${R.korea})`,
    `floor: footprint ${d.footprintM2.toFixed(2)} m², ${d.m2PerRobot === null ? '—' : d.m2PerRobot.toFixed(2)} m² per robot, ${d.robotsPer100M2 === null ? '—' : d.robotsPer100M2.toFixed(1)} robots per 100 m², ${d.uphPerM2 === null ? '—' : d.uphPerM2.toFixed(2)} UPH per m²`,
  );
  return lines.join('\n');
}

/** The side-by-side table of `celltwin compare`. */
export function compareText(labelA: string, labelB: string, rows: readonly CompareRow[]): string {
  const table = [['figure', labelA, labelB, 'B − A'], ...rows.map((r) => [r.metric, formatValue(r.a, r.unit), formatValue(r.b, r.unit), formatDelta(r)])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}
