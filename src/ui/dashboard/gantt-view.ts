/**
 * The Gantt chart's visible time range and its axis, as plain functions: zoom about a time, pan,
 * clamp to the run, "nice" ticks, and names shortened in the middle so that two names that differ
 * only at the end ("Infeed conveyor" / "Infeed conveyor source") stay apart.
 */

/** A time range in simulated seconds. */
export interface TimeRange {
  start: number;
  end: number;
}

/** The least span the chart zooms in to (s). */
export const MIN_SPAN = 0.5;

/** `r` moved (not resized) into `bounds`, and no wider than it. */
export function clampRange(r: TimeRange, bounds: TimeRange): TimeRange {
  const span = Math.min(Math.max(r.end - r.start, Math.min(MIN_SPAN, bounds.end - bounds.start)), bounds.end - bounds.start);
  let start = Math.max(bounds.start, Math.min(r.start, bounds.end - span));
  if (!Number.isFinite(start)) start = bounds.start;
  return { start, end: start + span };
}

/** Zooms `r` by `factor` (< 1 zooms in) keeping time `t` where it is on screen. */
export function zoomAbout(r: TimeRange, t: number, factor: number, bounds: TimeRange): TimeRange {
  const span = r.end - r.start;
  const next = Math.max(MIN_SPAN, span * factor);
  const k = span > 0 ? (t - r.start) / span : 0.5;
  return clampRange({ start: t - k * next, end: t - k * next + next }, bounds);
}

/** Moves `r` by `dt` seconds. */
export function panBy(r: TimeRange, dt: number, bounds: TimeRange): TimeRange {
  return clampRange({ start: r.start + dt, end: r.end + dt }, bounds);
}

/** Tick times at a round step (1, 2, 5 × 10ⁿ s) giving about `count` ticks across `r`. */
export function timeTicks(r: TimeRange, count = 6): number[] {
  const span = r.end - r.start;
  if (!(span > 0)) return [r.start];
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = Math.ceil(r.start / step) * step; t <= r.end + 1e-9; t += step) out.push(Math.round(t * 1e6) / 1e6);
  return out;
}

/** `text` cut to `max` characters with an ellipsis in the middle (the end often tells rows apart). */
export function middleEllipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - 1) * 0.45);
  const head = max - 1 - tail;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}

/** A time as "42.5 s" or "12:03.5" (min:s) past a minute. */
export function formatTime(t: number): string {
  if (t < 60) return `${t.toFixed(t < 10 ? 1 : 0)} s`;
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  return `${m}:${s.toFixed(0).padStart(2, '0')}`;
}

/** A bar of the chart in pixels. */
export interface GanttBar {
  x: number;
  width: number;
  state: string;
  /** The first interval the bar stands for (its tooltip). */
  first: number;
  /** How many intervals it stands for. */
  count: number;
}

/**
 * The bars of one resource's intervals (sorted by start) inside `view`, at `pxPerS`. Intervals
 * narrower than a pixel are gathered into groups about a pixel wide, each drawn in the state
 * that takes most of its time; neighbouring bars of one state are joined. A long run thus draws
 * about one bar per pixel column instead of thousands of slivers, and its colours stay true.
 */
export function ganttBars(intervals: ReadonlyArray<{ start: number; end: number; state: string }>, view: TimeRange, left: number, pxPerS: number): GanttBar[] {
  const out: GanttBar[] = [];
  let group: { x0: number; x1: number; seconds: Map<string, number>; first: number; count: number } | null = null;
  const push = (bar: GanttBar) => {
    const last = out[out.length - 1];
    if (last && last.state === bar.state && bar.x - (last.x + last.width) < 0.5) {
      last.width = Math.max(last.width, bar.x + bar.width - last.x);
      last.count += bar.count;
    } else out.push(bar);
  };
  const flush = () => {
    if (!group) return;
    let state = '';
    let most = -1;
    for (const [st, sec] of group.seconds) if (sec > most) [state, most] = [st, sec];
    push({ x: group.x0, width: Math.max(0.5, group.x1 - group.x0), state, first: group.first, count: group.count });
    group = null;
  };
  intervals.forEach((i, k) => {
    if (i.end <= view.start || i.start >= view.end) return;
    const s = Math.max(i.start, view.start);
    const e = Math.min(i.end, view.end);
    const x0 = left + (s - view.start) * pxPerS;
    const x1 = left + (e - view.start) * pxPerS;
    if (x1 - x0 >= 1) {
      flush();
      push({ x: x0, width: x1 - x0, state: i.state, first: k, count: 1 });
      return;
    }
    if (group && x0 - group.x0 >= 1) flush();
    group ??= { x0, x1, seconds: new Map(), first: k, count: 0 };
    group.x1 = Math.max(group.x1, x1);
    group.seconds.set(i.state, (group.seconds.get(i.state) ?? 0) + (e - s));
    group.count++;
  });
  flush();
  return out;
}
