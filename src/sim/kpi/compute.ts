/**
 * `computeKpis`: the KPI object of a run (docs/ARCHITECTURE.md "KPI definitions", issue 6 item 5), built
 * from the activity log alone so that it does not depend on how the engine runs programs and
 * equipment. Every figure that cannot be measured (no finished parts, no whole cycle after the
 * warm-up, an empty window) is null, never NaN or Infinity.
 *
 * Definitions (steady-state windows: timeline.ts; bottleneck: bottleneck.ts):
 * - robot cycle time: the spans between consecutive loop completions after `warmupCycles`;
 * - cell cycle time: the mean span between consecutive finished parts after `warmupCycles`
 *   parts, i.e. (last − w-th part time) / (parts − w); UPH = 3600 / cell cycle time;
 * - utilization: shares of the resource's window per state, summing to 1 (gaps in the log are
 *   idle). The window starts after the warm-up — the resource's own (its `warmupCycles`-th
 *   completion) when it has cycles, else the cell's (the warm-up parts), else 0 — and always
 *   runs to the end of the run, not to the last completion, so a robot stuck since its last
 *   loop reads as waiting, not busy (issue 11 item 5);
 * - stalls (stalls.ts): robots that made no progress for 3 mean cycles, or all waiting at once
 *   (a deadlock); their stuck time counts as waiting;
 * - robot breakdown: seconds per cycle in each category = time in the category inside the
 *   robot's cycle window / its cycles: the categories add up to the mean cycle time;
 * - cell breakdown: how the average robot spends one cell cycle = time in each category, summed
 *   over robots inside the cell window, / robots / parts in the window: it adds up to the cell
 *   cycle time.
 */
import type { Cell } from '../../model/cell';
import { sourceResourceId, type ActivityLog, type ResourceKind } from '../activity';
import { collisionsWithSteps, type CollisionAt, type CollisionWithSteps } from './collision-steps';
import { busyShare, findBottleneck, type Bottleneck } from './bottleneck';
import { cellRobotMotionSource, type MotionSource } from '../../motion/motion-data';
import { sourceCandidate } from './source-pace';
import { DENSITY_LABEL, DENSITY_REFERENCES, floorFigures, type FloorFigures } from './floor';
import { BREAKDOWN_CATEGORIES, categoryOf, type BreakdownCategory } from './states';
import { summarize, type Summary } from './stats';
import { findStalls, stalledIntervals, type Stall, type StallLocator } from './stalls';
import { cycleWindow, stateSeconds, timelines, utilizationOf, type ResourceTimeline, type TimeWindow } from './timeline';

/** A collision to list with the KPIs: time, bodies and the program steps the robots were on (collision-steps.ts). */
export type CollisionRecord = CollisionWithSteps;

/** Options of {@link computeKpis}. */
export interface KpiOptions {
  /** Completions (robot loops, finished parts) left out at the start as warm-up; default 2. */
  warmupCycles?: number;
  /** Collisions of the run, listed as given with the program steps added from the log. */
  collisions?: readonly CollisionAt[];
  /** How many collisions the run had, when `collisions` keeps only some of them (the page's worker keeps the latest); default their number. */
  collisionCount?: number;
  /** Where a stalled robot is stuck (step and what it waits for): see stall-where.ts. */
  stallWhere?: StallLocator;
}

/** Seconds per cycle in each breakdown category. */
export type Breakdown = Record<BreakdownCategory, number>;

/** KPIs of one resource (robot, machine, operator station, conveyor). */
export interface ResourceKpis {
  id: string;
  /** The item's name in the cell (the id when the log names a resource the cell does not have). */
  name: string;
  kind: ResourceKind;
  /** Spans between completions after the warm-up; null with no whole cycle. */
  cycleTime: Summary | null;
  /** The steady-state window the shares are taken over; null when it is empty. */
  window: TimeWindow | null;
  /** Share of the window per state, summing to 1; null with no window. */
  utilization: Record<string, number> | null;
  /** Share of the window in working states (not waiting, not idle). */
  busyShare: number;
}

/** A robot's KPIs: a resource's plus the per-cycle breakdown. */
export interface RobotKpis extends ResourceKpis {
  /** Mean seconds per cycle by category, adding up to cycleTime.mean; null with no whole cycle. */
  breakdown: Breakdown | null;
  /** Where the robot's motion data come from: vendor-fitted, calibrated from measurements, or assumed (docs/FIDELITY.md). */
  motionSource: MotionSource;
}

/** Density and floor figures, with the reference lines to show them against. */
export interface DensityKpis extends FloorFigures {
  /** Throughput per m² of footprint; null when either is unknown or zero. */
  uphPerM2: number | null;
  references: typeof DENSITY_REFERENCES;
  label: string;
}

/** Everything `celltwin run --json` reports about a run's performance. */
export interface CellKpis {
  cell: string;
  simulatedSeconds: number;
  warmupCycles: number;
  /** Parts that left the cell during the whole run. */
  partsFinished: number;
  /** The cell's steady-state window and the parts finished in it; null with too few parts. */
  steadyState: { start: number; end: number; parts: number } | null;
  cellCycleTime: number | null;
  throughputUph: number | null;
  /** Spans between finished parts in steady state (mean = cellCycleTime). */
  partInterval: Summary | null;
  bottleneck: Bottleneck | null;
  /** Robots stuck at the end of the run (stalls.ts); their stuck time counts as waiting. */
  stalls: Stall[];
  /** How the average robot spends one cell cycle; adds up to cellCycleTime. */
  breakdown: Breakdown | null;
  robots: RobotKpis[];
  machines: ResourceKpis[];
  operators: ResourceKpis[];
  conveyors: ResourceKpis[];
  /**
   * Part sources (one per conveyor with a source, id `CONVEYOR/source`): supplying (busy: the
   * arrival pace), blocked (a part due but its spot taken), idle. A bottleneck candidate: a cell
   * whose robots starve while its source never waits is paced by its supply.
   */
  sources: ResourceKpis[];
  density: DensityKpis;
  /** The run's collisions (all of them, or the latest ones the page's worker keeps), each with the robots' program steps. */
  collisions: CollisionRecord[];
  /** How many collisions the run had in all. */
  collisionCount: number;
}

const emptyBreakdown = (): Breakdown => Object.fromEntries(BREAKDOWN_CATEGORIES.map((c) => [c, 0])) as Breakdown;

/** Seconds per category inside `span`, from a robot's state seconds. */
function categorySeconds(timeline: ResourceTimeline | undefined, span: TimeWindow): Breakdown {
  const out = emptyBreakdown();
  const seconds = stateSeconds(timeline?.intervals ?? [], span);
  for (const [state, s] of seconds) out[categoryOf(state)] += s;
  return out;
}

/** The resources of one kind: the cell's items in document order, then any others the log names. */
function resourcesOf(kind: ResourceKind, cell: Cell, byId: Map<string, ResourceTimeline>): Array<{ id: string; name: string }> {
  const fromCell = cell.items.filter((i) => i.type === kind).map((i) => ({ id: i.id, name: i.name || i.id }));
  const known = new Set(fromCell.map((r) => r.id));
  const fromLog = [...byId.values()]
    .filter((t) => t.kind === kind && !known.has(t.id))
    .map((t) => t.id)
    .sort()
    .map((id) => ({ id, name: id }));
  return [...fromCell, ...fromLog];
}

/** The KPIs of a run from its activity log and its cell document (see the module comment). */
export function computeKpis(log: ActivityLog, cell: Cell, options: KpiOptions = {}): CellKpis {
  const warmup = Math.max(0, Math.floor(options.warmupCycles ?? 2));
  const byId = timelines(log);

  const partTimes = log.partsFinished.map((p) => p.time).sort((a, b) => a - b);
  const parts = cycleWindow(partTimes, warmup);
  const partInterval = parts ? summarize(parts.durations) : null;
  const cellCycleTime = partInterval ? partInterval.mean : null;
  const throughputUph = cellCycleTime !== null && cellCycleTime > 0 ? 3600 / cellCycleTime : null;
  // Where a resource without cycles of its own is measured: the parts' steady state, else the run.
  // Windows run to the end of the run (see the module comment).
  const end = log.duration;
  const cellWindow: TimeWindow = parts && end > parts.start ? { start: parts.start, end } : { start: 0, end };

  const robotTimelines = resourcesOf('robot', cell, byId).flatMap((r) => {
    const t = byId.get(r.id);
    return t ? [t] : [];
  });
  const stalls = findStalls(robotTimelines, end, options.stallWhere);
  const stallOf = new Map(stalls.map((s) => [s.robot, s]));

  const resource = (kind: ResourceKind, r: { id: string; name: string }): ResourceKpis & { own: ReturnType<typeof cycleWindow> } => {
    const timeline = byId.get(r.id);
    const own = cycleWindow(timeline?.completions ?? [], warmup);
    const span = own && end > own.start ? { start: own.start, end } : cellWindow;
    const stall = kind === 'robot' ? stallOf.get(r.id) : undefined;
    const intervals = timeline?.intervals ?? [];
    const utilization = utilizationOf(kind, stall ? stalledIntervals(intervals, stall) : intervals, span);
    return {
      id: r.id,
      name: r.name,
      kind,
      cycleTime: own ? summarize(own.durations) : null,
      window: utilization ? span : null,
      utilization,
      busyShare: busyShare(utilization),
      own,
    };
  };
  const strip = ({ own: _own, ...rest }: ResourceKpis & { own: unknown }): ResourceKpis => rest;

  const robots: RobotKpis[] = resourcesOf('robot', cell, byId).map((r) => {
    const { own, ...k } = resource('robot', r);
    let breakdown: Breakdown | null = null;
    if (own && own.durations.length > 0) {
      breakdown = categorySeconds(byId.get(r.id), own);
      for (const c of BREAKDOWN_CATEGORIES) breakdown[c] /= own.durations.length;
    }
    return { ...k, breakdown, motionSource: cellRobotMotionSource(cell, r.id) };
  });
  const machines = resourcesOf('machine', cell, byId).map((r) => strip(resource('machine', r)));
  const operators = resourcesOf('operator', cell, byId).map((r) => strip(resource('operator', r)));
  // Only the conveyors the log names (accumulating ones): a plain belt just runs.
  const conveyors = resourcesOf('conveyor', cell, byId)
    .filter((r) => byId.get(r.id)?.kind === 'conveyor')
    .map((r) => strip(resource('conveyor', r)));

  const fed = cell.items.flatMap((i) => (i.type === 'conveyor' && i.source ? [{ id: sourceResourceId(i.id), name: `${i.name || i.id} source`, interval: i.source.interval }] : []));
  const sources = fed.map((r) => strip(resource('source', r)));
  const sourceCandidates = sources.map((r, k) => sourceCandidate(r, fed[k]!.interval, cellCycleTime));

  let breakdown: Breakdown | null = null;
  if (parts && parts.durations.length > 0 && robots.length > 0) {
    breakdown = emptyBreakdown();
    for (const r of robots) {
      const s = categorySeconds(byId.get(r.id), parts);
      for (const c of BREAKDOWN_CATEGORIES) breakdown[c] += s[c];
    }
    for (const c of BREAKDOWN_CATEGORIES) breakdown[c] /= robots.length * parts.durations.length;
  }

  const floor = floorFigures(cell);
  return {
    cell: cell.name,
    simulatedSeconds: log.duration,
    warmupCycles: warmup,
    partsFinished: partTimes.length,
    steadyState: parts ? { start: parts.start, end: parts.end, parts: parts.durations.length } : null,
    cellCycleTime,
    throughputUph,
    partInterval,
    bottleneck: findBottleneck([...robots, ...machines, ...operators, ...sourceCandidates]),
    stalls,
    breakdown,
    robots,
    machines,
    operators,
    conveyors,
    sources,
    density: {
      ...floor,
      uphPerM2: throughputUph !== null && floor.footprintM2 > 0 ? throughputUph / floor.footprintM2 : null,
      references: DENSITY_REFERENCES,
      label: DENSITY_LABEL,
    },
    collisions: collisionsWithSteps(log, options.collisions ?? []),
    collisionCount: options.collisionCount ?? options.collisions?.length ?? 0,
  };
}
