/**
 * The KPIs as a flat CSV table (RFC 4180: comma-separated, fields with a comma, quote or line
 * break quoted, lines ending in \n), for spreadsheets. One row for the cell, then one per robot,
 * machine, operator station and conveyor. Empty field = not applicable or not measurable.
 *
 * Columns:
 * - `kind` (cell, robot, machine, operator, conveyor), `id`, `name`;
 * - `cycles`: whole cycles in the steady-state window (for the cell: finished parts in it);
 * - `cycle_mean_s … cycle_max_s`: cycle time statistics (for the cell: spans between finished
 *   parts, so `cycle_mean_s` is the cell cycle time); `throughput_uph` (cell only);
 * - `busy_share`, `window_start_s`, `window_end_s`: share of the window in working states and
 *   the window itself;
 * - `util_<state>`: share of the window per state (dashes become underscores): the robot states,
 *   the machine, operator and conveyor states not named before, `idle`, then any other state
 *   the log used; empty for a state the resource's kind does not have; a row's shares sum to 1;
 * - `breakdown_<category>_s`: seconds per cycle (robots) or per cell cycle (cell row);
 * - cell row only: `bottleneck`, `robots`, `workers`, `robots_per_10k_workers`, `footprint_m2`,
 *   `m2_per_robot`, `robots_per_100m2`, `uph_per_m2`, `collisions` (count).
 */
import type { CellKpis, ResourceKpis, RobotKpis } from './compute';
import { BREAKDOWN_CATEGORIES, CONVEYOR_STATES, MACHINE_STATES, OPERATOR_STATES, ROBOT_STATES } from './states';
import { roundTo, type Summary } from './stats';

type Field = string | number | null;

const FIXED_STATES: readonly string[] = [...new Set<string>([...ROBOT_STATES, ...MACHINE_STATES, ...OPERATOR_STATES, ...CONVEYOR_STATES].filter((s) => s !== 'idle')), 'idle'];

/** One field, quoted when it must be. Numbers are rounded to the output precision. */
function field(v: Field): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(roundTo(v)) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const cycleFields = (s: Summary | null): Field[] => (s ? [s.count, s.mean, s.p50, s.p95, s.min, s.max] : [null, null, null, null, null, null]);

/** The CSV text of `kpis` (see the module comment for the columns). */
export function kpisToCsv(kpis: CellKpis): string {
  const resources: Array<ResourceKpis | RobotKpis> = [...kpis.robots, ...kpis.machines, ...kpis.operators, ...kpis.conveyors, ...kpis.sources];
  const extra = [...new Set(resources.flatMap((r) => Object.keys(r.utilization ?? {})).filter((s) => !FIXED_STATES.includes(s)))].sort();
  const states = [...FIXED_STATES, ...extra];
  const header = [
    'kind', 'id', 'name', 'cycles', 'cycle_mean_s', 'cycle_p50_s', 'cycle_p95_s', 'cycle_min_s', 'cycle_max_s', 'throughput_uph',
    'busy_share', 'window_start_s', 'window_end_s',
    ...states.map((s) => `util_${s.replace(/-/g, '_')}`),
    ...BREAKDOWN_CATEGORIES.map((c) => `breakdown_${c}_s`),
    'bottleneck', 'robots', 'workers', 'robots_per_10k_workers', 'footprint_m2', 'm2_per_robot', 'robots_per_100m2', 'uph_per_m2', 'collisions',
  ];
  const d = kpis.density;
  const cellRow: Field[] = [
    'cell', 'cell', kpis.cell, ...cycleFields(kpis.partInterval), kpis.throughputUph,
    null, kpis.steadyState?.start ?? null, kpis.steadyState?.end ?? null,
    ...states.map(() => null),
    ...BREAKDOWN_CATEGORIES.map((c) => kpis.breakdown?.[c] ?? null),
    kpis.bottleneck?.id ?? null, d.robots, d.workers, d.perTenThousandWorkers, d.footprintM2, d.m2PerRobot, d.robotsPer100M2, d.uphPerM2, kpis.collisions.length,
  ];
  const rows = resources.map((r): Field[] => [
    r.kind, r.id, r.name, ...cycleFields(r.cycleTime), null,
    r.utilization ? r.busyShare : null, r.window?.start ?? null, r.window?.end ?? null,
    ...states.map((s) => r.utilization?.[s] ?? null),
    ...BREAKDOWN_CATEGORIES.map((c) => ('breakdown' in r && r.breakdown ? r.breakdown[c] : null)),
    ...Array.from({ length: 9 }, () => null),
  ]);
  return [header, cellRow, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}
