/**
 * Stalls (issue 11 item 5): robots that stopped making progress before the run ended. A KPI
 * window that ends at the last completed loop hides them — a robot stuck for the last half hour
 * still reads 100 % busy — so they are found from the activity log alone and reported, and their
 * stuck time counts as waiting.
 *
 * Rules, per robot whose last state is not `idle` (a program that ended or faulted is idle,
 * and is reported elsewhere):
 * - its mean cycle c is the time of its last loop completion divided by its loops (the whole
 *   run up to then, waits included, so a robot paced by a slow supply is not called stalled);
 * - **no progress**: it completed loops, and the run went on for more than 3·c after the last;
 * - **deadlock**: two or more such robots, all in a waiting state at the end, have all been
 *   waiting together for at least 3·c of the slowest of them — or, when none of them ever
 *   completed a loop, for at least 1 s and at least as long as the run went before they did.
 * `since` is when the robot's trailing stretch of waiting began (its last completion when it is
 * not waiting at the end); from then to the end of the run is stuck time.
 */
import type { ActivityInterval } from '../activity';
import type { ResourceTimeline } from './timeline';
import { isWaiting } from './states';

/** A stalled robot, as `celltwin run` lists it. Times in seconds. */
export interface Stall {
  robot: string;
  /** When it stopped making progress. */
  since: number;
  /** `no-progress`: no loop for 3× its mean cycle; `deadlock`: every robot waiting at once. */
  kind: 'no-progress' | 'deadlock';
  /** The state it is stuck in at the end of the run (a waiting state, normally). */
  state: string;
  /** The program step it is on, as a path in the cell file (`programs[0].steps[3]`), when known. */
  step: string | null;
  /** What it waits for (`signal cnc-1.done`, `zone Z1 (held by robot-2)`…), when known. */
  waitsFor: string | null;
}

/** Where a robot's program stands at the end of the run: what the engine can tell (stall-where.ts). */
export interface StallWhere {
  step: string | null;
  waitsFor: string | null;
}

/** Looks up where a robot is stuck; engines that cannot tell return null. */
export type StallLocator = (robot: string) => StallWhere | null;

/** No-progress threshold, in mean cycles. */
export const STALL_CYCLES = 3;
/** Least time all robots must wait together to call it a deadlock when no loop was ever completed (s). */
export const DEADLOCK_MIN_SECONDS = 1;

interface RobotEnd {
  id: string;
  state: string;
  waiting: boolean;
  /** Start of the trailing stretch of waiting states (the end when not waiting). */
  waitStart: number;
  lastCompletion: number | null;
  meanCycle: number | null;
}

/** How a robot's timeline ends (see the module comment). */
function robotEnd(t: ResourceTimeline, end: number): RobotEnd | null {
  const ivs = t.intervals;
  const last = ivs[ivs.length - 1];
  // A robot never logged, or idle at the end (program done, faulted, none): not a stall.
  if (!last || last.state === 'idle' || last.end < end) return null;
  let waitStart = end;
  for (let i = ivs.length - 1; i >= 0 && isWaiting(ivs[i]!.state) && ivs[i]!.end >= waitStart - 1e-12; i--) waitStart = ivs[i]!.start;
  const n = t.completions.length;
  const lastCompletion = n > 0 ? t.completions[n - 1]! : null;
  return {
    id: t.id,
    state: last.state,
    waiting: isWaiting(last.state),
    waitStart,
    lastCompletion,
    meanCycle: lastCompletion !== null && lastCompletion > 0 ? lastCompletion / n : null,
  };
}

/**
 * The stalls among `robots` (timelines of kind robot) in a log that ends at `end`, in the order
 * given; `where` adds the step and what the robot waits for.
 */
export function findStalls(robots: readonly ResourceTimeline[], end: number, where: StallLocator = () => null): Stall[] {
  const ends = robots.map((t) => robotEnd(t, end)).filter((r): r is RobotEnd => r !== null);
  const kinds = new Map<string, Stall['kind']>();
  for (const r of ends) {
    if (r.meanCycle !== null && r.lastCompletion !== null && end - r.lastCompletion > STALL_CYCLES * r.meanCycle) kinds.set(r.id, 'no-progress');
  }
  if (ends.length > 1 && ends.every((r) => r.waiting)) {
    const together = Math.max(...ends.map((r) => r.waitStart));
    const cycles = ends.flatMap((r) => (r.meanCycle === null ? [] : [r.meanCycle]));
    const needed = cycles.length > 0 ? STALL_CYCLES * Math.max(...cycles) : Math.max(DEADLOCK_MIN_SECONDS, together);
    if (end - together >= needed) for (const r of ends) kinds.set(r.id, 'deadlock');
  }
  return ends
    .filter((r) => kinds.has(r.id))
    .map((r) => {
      const w = where(r.id);
      const since = r.waiting ? r.waitStart : (r.lastCompletion ?? 0);
      return { robot: r.id, since, kind: kinds.get(r.id)!, state: r.state, step: w?.step ?? null, waitsFor: w?.waitsFor ?? null };
    });
}

/**
 * A stalled robot's intervals with its stuck time counted as waiting: every working interval
 * after `since` becomes the stall's state when that is a waiting state, else `waiting-blocked`.
 */
export function stalledIntervals(intervals: readonly ActivityInterval[], stall: Stall): ActivityInterval[] {
  const as = isWaiting(stall.state) ? stall.state : 'waiting-blocked';
  const out: ActivityInterval[] = [];
  for (const iv of intervals) {
    if (iv.end <= stall.since || isWaiting(iv.state)) out.push(iv);
    else if (iv.start >= stall.since) out.push({ ...iv, state: as });
    else out.push({ ...iv, end: stall.since }, { ...iv, start: stall.since, state: as });
  }
  return out;
}
