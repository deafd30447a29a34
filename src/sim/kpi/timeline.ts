/**
 * The activity log (sim/activity.ts) read per resource: steady-state windows from completion
 * times, and the time spent in each state inside a window.
 *
 * Steady-state rule, the same for a robot's program loops and for the cell's finished parts: with
 * completion times t₀ < t₁ < … < tₙ₋₁ and a warm-up of w completions, the window runs from the
 * w-th completion, t_{w−1} (the run's start, 0, when w = 0), to the last one, tₙ₋₁. The cycles
 * inside it are the n − w spans between consecutive completions. Ending the window on a
 * completion (not at the end of the run) keeps whole cycles only, so the time per state inside
 * the window divided by the cycles is exactly a per-cycle breakdown that adds up to the mean
 * cycle time.
 */
import type { ActivityInterval, ActivityLog, ResourceKind } from '../activity';
import { knownStates } from './states';
import { gaps } from './stats';

/** A stretch of simulated time [start, end] (s). */
export interface TimeWindow {
  start: number;
  end: number;
}

/** A steady-state window and the cycles in it. */
export interface CycleWindow extends TimeWindow {
  /** Duration of each cycle inside the window, in order (s). */
  durations: number[];
}

/** The log grouped by resource: intervals and completion times, each sorted by time. */
export interface ResourceTimeline {
  id: string;
  /** The kind the log gave the resource (its first interval's), or null when it has none. */
  kind: ResourceKind | null;
  intervals: ActivityInterval[];
  completions: number[];
}

/** Groups `log` by resource, in a deterministic order (first appearance in the log). */
export function timelines(log: ActivityLog): Map<string, ResourceTimeline> {
  const out = new Map<string, ResourceTimeline>();
  const get = (id: string): ResourceTimeline => {
    let t = out.get(id);
    if (!t) out.set(id, (t = { id, kind: null, intervals: [], completions: [] }));
    return t;
  };
  for (const iv of log.intervals) {
    const t = get(iv.resource);
    t.kind ??= iv.kind;
    t.intervals.push(iv);
  }
  for (const c of log.cycleCompletions) get(c.resource).completions.push(c.time);
  for (const t of out.values()) {
    t.intervals.sort((a, b) => a.start - b.start);
    t.completions.sort((a, b) => a - b);
  }
  return out;
}

/**
 * The steady-state window of a list of completion times (sorted) after `warmup` of them (see the
 * module comment), or null when fewer than warmup + 1 completions happened (no whole cycle left).
 */
export function cycleWindow(times: readonly number[], warmup: number): CycleWindow | null {
  const n = times.length;
  if (n - warmup < 1) return null;
  const start = warmup === 0 ? 0 : times[warmup - 1]!;
  const bounds = [start, ...times.slice(warmup)];
  return { start, end: times[n - 1]!, durations: gaps(bounds) };
}

/**
 * Seconds spent in each state inside `span`. Intervals are clipped to the window; whatever
 * the log leaves uncovered counts as `idle` (a resource not recorded is doing nothing).
 */
export function stateSeconds(intervals: readonly ActivityInterval[], span: TimeWindow): Map<string, number> {
  const out = new Map<string, number>();
  let covered = 0;
  for (const iv of intervals) {
    const s = Math.max(iv.start, span.start);
    const e = Math.min(iv.end, span.end);
    if (e <= s) continue;
    out.set(iv.state, (out.get(iv.state) ?? 0) + (e - s));
    covered += e - s;
  }
  const gap = span.end - span.start - covered;
  // Rounding of the sums can leave ±1e-15 s of "gap"; only real gaps become idle time.
  if (gap > 1e-12) out.set('idle', (out.get('idle') ?? 0) + gap);
  return out;
}

/**
 * Share of `span` spent in each state, for a resource of `kind`: every state the kind knows
 * (zeros included, in the fixed order of states.ts), then any other state the log used. The
 * shares sum to 1. Null for an empty window, never NaN.
 */
export function utilizationOf(kind: ResourceKind, intervals: readonly ActivityInterval[], span: TimeWindow): Record<string, number> | null {
  const length = span.end - span.start;
  if (!(length > 0)) return null;
  const seconds = stateSeconds(intervals, span);
  const out: Record<string, number> = {};
  for (const state of knownStates(kind)) out[state] = (seconds.get(state) ?? 0) / length;
  const extra = [...seconds.keys()].filter((s) => !(s in out)).sort();
  for (const state of extra) out[state] = seconds.get(state)! / length;
  return out;
}
