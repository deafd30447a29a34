/**
 * A run's KPIs as one flat record of named numbers — a row of a replication table or a sweep's
 * results — so any figure can be averaged, compared and written as a CSV column. Names are
 * stable and readable: `throughputUph`, `robot.robot-1.cycleTime`, `machine.cnc-1.busy`.
 *
 * Figures that could not be measured are null (never NaN). Values are taken from the KPIs as
 * `celltwin run --json` prints them (rounded to 1e-6), so a row is byte-identical wherever the
 * run happened.
 */
import type { Cell } from '../model/cell';
import type { CellKpis, ResourceKpis } from '../sim/kpi';
import { isWaiting } from '../sim/kpi';

/** A run's figures by name (see the module comment). */
export type KpiRecord = Record<string, number | null>;

/** Share of a resource's window spent waiting (starved, blocked, interlock, an operator waiting). */
function waitingShare(r: ResourceKpis): number | null {
  if (!r.utilization) return null;
  let s = 0;
  for (const [state, share] of Object.entries(r.utilization)) if (isWaiting(state)) s += share;
  return s;
}

/**
 * The figures of one run: cell (cycle time, UPH, parts, stalls, collisions, floor), each robot's
 * mean cycle time, busy and waiting shares, and the busy share of every machine, operator and
 * part source. `collisions` is the run's collision count.
 */
export function kpiRecord(k: Pick<CellKpis, 'cellCycleTime' | 'throughputUph' | 'partsFinished' | 'stalls' | 'robots' | 'machines' | 'operators' | 'sources' | 'density'>, collisions: number): KpiRecord {
  const out: KpiRecord = {
    cellCycleTime: k.cellCycleTime,
    throughputUph: k.throughputUph,
    partsFinished: k.partsFinished,
    stalls: k.stalls.length,
    collisions,
    footprintM2: k.density.footprintM2,
    uphPerM2: k.density.uphPerM2,
  };
  for (const r of k.robots) {
    out[`robot.${r.id}.cycleTime`] = r.cycleTime?.mean ?? null;
    out[`robot.${r.id}.busy`] = r.utilization ? r.busyShare : null;
    out[`robot.${r.id}.waiting`] = waitingShare(r);
  }
  for (const r of [...k.machines, ...k.operators, ...k.sources]) out[`${r.kind}.${r.id}.busy`] = r.utilization ? r.busyShare : null;
  return out;
}

/**
 * The fields of `record` a list of names asks for: exact names, or prefixes ending in `*`
 * (`robot.*` for every robot figure). No list: all of them. Order: the record's.
 */
export function pickFields(record: KpiRecord, names: readonly string[] | undefined): KpiRecord {
  if (!names || names.length === 0) return { ...record };
  const out: KpiRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (names.some((n) => (n.endsWith('*') ? key.startsWith(n.slice(0, -1)) : key === n))) out[key] = value;
  }
  return out;
}

/** The figure names a run of `cell` gives (see {@link kpiRecord}), in the same order. */
export function kpiFieldNames(cell: Cell): string[] {
  const names = ['cellCycleTime', 'throughputUph', 'partsFinished', 'stalls', 'collisions', 'footprintM2', 'uphPerM2'];
  for (const i of cell.items) if (i.type === 'robot') names.push(`robot.${i.id}.cycleTime`, `robot.${i.id}.busy`, `robot.${i.id}.waiting`);
  for (const i of cell.items) if (i.type === 'machine' || i.type === 'operator') names.push(`${i.type}.${i.id}.busy`);
  for (const i of cell.items) if (i.type === 'conveyor' && i.source) names.push(`source.${i.id}/source.busy`);
  return names;
}

/** The entries of `wanted` (exact names or `prefix*`) that match none of `names`, with their index. */
export function unknownFields(wanted: readonly string[], names: readonly string[]): Array<{ index: number; name: string }> {
  return wanted.flatMap((w, index) => (names.some((n) => (w.endsWith('*') ? n.startsWith(w.slice(0, -1)) : n === w)) ? [] : [{ index, name: w }]));
}
