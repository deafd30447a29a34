/**
 * Two runs' KPIs side by side: the rows `celltwin compare` prints, each a figure of variant A,
 * the same figure of variant B, and the difference. Robots and machines are matched by id;
 * one present in only one variant shows null on the other side.
 */
import type { CellKpis, ResourceKpis, RobotKpis } from './compute';
import { BREAKDOWN_CATEGORIES } from './states';
import { isWaiting } from './states';

/** How a row's numbers read: seconds, units per hour, a share (0–1), m², a count, or text. */
export type RowUnit = 's' | 'UPH' | 'share' | 'm2' | 'count' | 'per10k' | 'UPH/m2' | 'per100m2' | 'text';

/** One compared figure. `delta` = b − a and `change` = delta / a, when both are numbers. */
export interface CompareRow {
  metric: string;
  unit: RowUnit;
  a: number | string | null;
  b: number | string | null;
  delta: number | null;
  /** Relative change (B − A) / A; null when A is 0 or either side is missing. */
  change: number | null;
}

function row(metric: string, unit: RowUnit, a: number | string | null | undefined, b: number | string | null | undefined): CompareRow {
  const av = a ?? null;
  const bv = b ?? null;
  const numbers = typeof av === 'number' && typeof bv === 'number';
  const delta = numbers ? bv - av : null;
  return { metric, unit, a: av, b: bv, delta, change: numbers && av !== 0 ? (bv - av) / av : null };
}

/** Ids of both lists, A's order first, then those only B has. */
function unionIds<T extends { id: string }>(a: readonly T[], b: readonly T[]): string[] {
  const ids = a.map((r) => r.id);
  for (const r of b) if (!ids.includes(r.id)) ids.push(r.id);
  return ids;
}

const waitingShare = (r: ResourceKpis | undefined): number | null => {
  if (!r?.utilization) return null;
  let sum = 0;
  for (const [state, share] of Object.entries(r.utilization)) if (isWaiting(state)) sum += share;
  return sum;
};

/** The rows comparing `a` with `b`: cell figures, density, then each robot and machine. */
export function compareKpis(a: CellKpis, b: CellKpis): CompareRow[] {
  const rows: CompareRow[] = [
    row('cell cycle time', 's', a.cellCycleTime, b.cellCycleTime),
    row('throughput', 'UPH', a.throughputUph, b.throughputUph),
    row('parts finished', 'count', a.partsFinished, b.partsFinished),
    row('bottleneck', 'text', a.bottleneck?.id ?? 'none', b.bottleneck?.id ?? 'none'),
    ...BREAKDOWN_CATEGORIES.map((c) => row(`cell breakdown: ${c}`, 's', a.breakdown?.[c], b.breakdown?.[c])),
    row('robots', 'count', a.density.robots, b.density.robots),
    row('workers per shift', 'count', a.density.workers, b.density.workers),
    row('robot density', 'per10k', a.density.perTenThousandWorkers, b.density.perTenThousandWorkers),
    row('footprint', 'm2', a.density.footprintM2, b.density.footprintM2),
    row('m² per robot', 'm2', a.density.m2PerRobot, b.density.m2PerRobot),
    row('robots per 100 m²', 'per100m2', a.density.robotsPer100M2, b.density.robotsPer100M2),
    row('UPH per m²', 'UPH/m2', a.density.uphPerM2, b.density.uphPerM2),
    row('collisions', 'count', a.collisionCount, b.collisionCount),
  ];
  for (const id of unionIds(a.robots, b.robots)) {
    const ra: RobotKpis | undefined = a.robots.find((r) => r.id === id);
    const rb: RobotKpis | undefined = b.robots.find((r) => r.id === id);
    rows.push(
      row(`${id}: cycle time mean`, 's', ra?.cycleTime?.mean, rb?.cycleTime?.mean),
      row(`${id}: cycle time p95`, 's', ra?.cycleTime?.p95, rb?.cycleTime?.p95),
      row(`${id}: busy`, 'share', ra?.utilization ? ra.busyShare : null, rb?.utilization ? rb.busyShare : null),
      row(`${id}: waiting`, 'share', waitingShare(ra), waitingShare(rb)),
      ...BREAKDOWN_CATEGORIES.map((c) => row(`${id}: ${c} per cycle`, 's', ra?.breakdown?.[c], rb?.breakdown?.[c])),
    );
  }
  for (const id of unionIds(a.machines, b.machines)) {
    const ma = a.machines.find((r) => r.id === id);
    const mb = b.machines.find((r) => r.id === id);
    rows.push(
      row(`${id}: busy`, 'share', ma?.utilization ? ma.busyShare : null, mb?.utilization ? mb.busyShare : null),
      row(`${id}: waiting`, 'share', waitingShare(ma), waitingShare(mb)),
    );
  }
  return rows;
}
