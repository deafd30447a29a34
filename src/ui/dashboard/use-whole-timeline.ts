/**
 * The Gantt's intervals over the whole run. With each KPI update the worker sends only the
 * newest few thousand intervals (enough for a live view); once the run is paused and older ones
 * are missing, the page asks the worker for the whole timeline (the "Timeline JSON" export's
 * request) and draws that instead, so that a long run's chart starts at 0 s.
 */
import { useEffect, useState } from 'react';
import { simClient } from '../../bridge/sim-client';
import type { SimPhase } from '../../bridge/sim-status';
import type { ActivityInterval, ResourceKind } from '../../sim/activity';
import type { CellKpis } from '../../sim/kpi/compute';
import type { TimelineInterval } from '../../sim/kpi/timeline-file';

/** Resource id → kind, from the intervals at hand and the KPI lists (the timeline file has no kinds). */
export function resourceKinds(intervals: readonly ActivityInterval[], kpis: CellKpis | null): Map<string, ResourceKind> {
  const kinds = new Map<string, ResourceKind>();
  for (const i of intervals) kinds.set(i.resource, i.kind);
  if (kpis) for (const r of [...kpis.robots, ...kpis.machines, ...kpis.operators, ...kpis.conveyors, ...kpis.sources]) kinds.set(r.id, r.kind);
  return kinds;
}

/** The timeline file's intervals as the Gantt takes them (a resource of unknown kind counts as a robot). */
export function timelineIntervals(intervals: readonly TimelineInterval[], kinds: ReadonlyMap<string, ResourceKind>): ActivityInterval[] {
  return intervals.map((i) => ({
    resource: i.resource,
    kind: kinds.get(i.resource) ?? 'robot',
    state: i.state,
    start: i.start,
    end: i.end,
    ...(i.label === null ? {} : { label: i.label }),
    ...(i.step === null ? {} : { step: i.step }),
  }));
}

/** True when the intervals at hand do not reach back to the start of the run. */
export function isTruncated(intervals: readonly ActivityInterval[]): boolean {
  return intervals.length > 0 && intervals.reduce((m, i) => Math.min(m, i.start), Infinity) > 0.01;
}

/** The intervals to draw: the whole run's while paused on a truncated list, else those at hand. */
export function useWholeTimeline(intervals: ActivityInterval[], kpis: CellKpis | null, phase: SimPhase): ActivityInterval[] {
  const [whole, setWhole] = useState<{ at: number; intervals: ActivityInterval[] } | null>(null);
  const truncated = isTruncated(intervals);
  const at = kpis?.simulatedSeconds ?? -1;
  useEffect(() => {
    if (phase !== 'paused' || !truncated || !kpis) return;
    let live = true;
    const kinds = resourceKinds(intervals, kpis);
    simClient
      .timeline()
      .then((t) => live && setWhole({ at, intervals: timelineIntervals(t.intervals, kinds) }))
      // Without the whole timeline the chart keeps the newest states and says so.
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Asked once per paused clock: the intervals and KPIs of that moment go with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase, truncated, at]);
  return whole !== null && whole.at === at ? whole.intervals : intervals;
}
