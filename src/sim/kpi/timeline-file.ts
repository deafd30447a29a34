/**
 * The timeline file of a run (`celltwin run --timeline FILE.json`, the page's "Export timeline"):
 * every interval of every resource, who held which shared zone when, and each part's route, so
 * anyone can check interlocks or compute KPIs of their own. Times in seconds, rounded to the µs.
 *
 * ```json
 * {"intervals":[{"resource","state","start","end","step","label"}],
 *  "zones":[{"zone","robot","start","end"}],
 *  "parts":[{"id","created","finished","route":[{"time","event","at"}]}]}
 * ```
 * `step` (the program step's path in the cell file) and `label` (a process step's label) are null
 * where they do not apply; `finished` is null for a part still in the cell.
 */
import type { ActivityLog } from '../activity';
import type { PartRoute } from '../part-routes';
import { roundTo } from './stats';

/** One interval of the timeline file. */
export interface TimelineInterval {
  resource: string;
  state: string;
  start: number;
  end: number;
  step: string | null;
  label: string | null;
}

/** What `--timeline` writes (see the module comment). */
export interface TimelineFile {
  duration: number;
  intervals: TimelineInterval[];
  zones: Array<{ zone: string; robot: string; start: number; end: number }>;
  parts: PartRoute[];
}

const t = (x: number): number => roundTo(x, 6);

/** The timeline of a run from its activity log and its part routes (part-routes.ts). */
export function timelineFile(log: ActivityLog, parts: readonly PartRoute[]): TimelineFile {
  return {
    duration: t(log.duration),
    intervals: log.intervals.map((iv) => ({ resource: iv.resource, state: iv.state, start: t(iv.start), end: t(iv.end), step: iv.step ?? null, label: iv.label ?? null })),
    zones: (log.zones ?? []).map((z) => ({ zone: z.zone, robot: z.robot, start: t(z.start), end: t(z.end) })),
    parts: parts.map((p) => ({
      id: p.id,
      created: t(p.created),
      finished: p.finished === null ? null : t(p.finished),
      route: p.route.map((s) => ({ time: t(s.time), event: s.event, at: s.at })),
    })),
  };
}

/**
 * Pairs of holds of the same zone by two robots that overlap in time: empty when the interlock
 * worked. Holds touching end to start (one releases as the other takes) do not overlap.
 */
export function zoneOverlaps(zones: TimelineFile['zones']): Array<[TimelineFile['zones'][number], TimelineFile['zones'][number]]> {
  const out: Array<[TimelineFile['zones'][number], TimelineFile['zones'][number]]> = [];
  for (let i = 0; i < zones.length; i++) {
    for (let j = i + 1; j < zones.length; j++) {
      const a = zones[i]!;
      const b = zones[j]!;
      if (a.zone === b.zone && a.robot !== b.robot && a.start < b.end && b.start < a.end) out.push([a, b]);
    }
  }
  return out;
}
