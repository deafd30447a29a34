/**
 * The camera tour: where the camera is at time t of a looping tour through the cell's camera
 * stops (model/presentation-schema.ts). Pure: the embed, Present mode and the WebM recorder call
 * it with their own clock.
 *
 * Timing. Stop i owns `duration_i` seconds of the loop, starting at the sum of the durations
 * before it. The first {@link HOLD_SHARE} of that slot the camera holds still on stop i; the rest
 * it travels to stop i+1 (after the last stop, back to the first), so one loop lasts the sum of
 * the durations. A tour of one stop holds on it for ever.
 *
 * Travel. Position and look-at target move on straight lines, both with the same quintic
 * smootherstep ease (6s⁵ − 15s⁴ + 10s³): zero speed and zero acceleration where a travel starts
 * and ends, so holds and travels join without a jerk, and exactly half way at mid-travel.
 *
 * Caption. The stop's own caption during its hold and the first half of its travel, the next
 * stop's from mid-travel on (the view is then closer to the next stop than to this one).
 */
import type { Vec3 } from '../model/geometry';
import type { CameraStop } from '../model/presentation-schema';

/** Share of each stop's duration spent holding still on it; the rest is travel to the next stop. */
export const HOLD_SHARE = 0.6;

/** The camera at one moment of the tour. */
export interface TourPose {
  /** Camera position, world frame (Z up), metres. */
  position: Vec3;
  /** Look-at point, world frame, metres. */
  target: Vec3;
  /** The caption to show now. */
  caption: string;
  /** Index of the stop whose slot this is. */
  stop: number;
  /** 0 while holding; 0…1 through the travel to the next stop (before easing). */
  travel: number;
}

/** One loop of the tour, in seconds: the sum of the stops' durations (0 for no stops). */
export function tourPeriod(stops: readonly CameraStop[]): number {
  return stops.reduce((sum, s) => sum + s.duration, 0);
}

/** Quintic smootherstep on [0, 1]: 0 → 0, ½ → ½, 1 → 1, with zero slope and curvature at both ends. */
export function smootherstep(s: number): number {
  const x = Math.min(1, Math.max(0, s));
  return x * x * x * (x * (6 * x - 15) + 10);
}

const lerp3 = (a: Vec3, b: Vec3, k: number): Vec3 => [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];

/**
 * The camera pose at `t` seconds into the tour (any t: the tour loops, negative t counts back
 * from the end). Null when there are no stops.
 */
export function tour(stops: readonly CameraStop[], t: number): TourPose | null {
  const first = stops[0];
  if (first === undefined) return null;
  if (stops.length === 1) return { position: [...first.position], target: [...first.target], caption: first.caption, stop: 0, travel: 0 };
  const period = tourPeriod(stops);
  let local = ((t % period) + period) % period;
  let index = 0;
  // Walk the slots; the last one takes what rounding leaves over.
  while (index < stops.length - 1 && local >= stops[index]!.duration) {
    local -= stops[index]!.duration;
    index += 1;
  }
  const here = stops[index]!;
  const next = stops[(index + 1) % stops.length]!;
  const hold = HOLD_SHARE * here.duration;
  if (local <= hold) return { position: [...here.position], target: [...here.target], caption: here.caption, stop: index, travel: 0 };
  const travel = Math.min(1, (local - hold) / (here.duration - hold));
  const k = smootherstep(travel);
  return { position: lerp3(here.position, next.position, k), target: lerp3(here.target, next.target, k), caption: travel < 0.5 ? here.caption : next.caption, stop: index, travel };
}

/** When stop `index` begins in the loop (its hold starts), in seconds. */
export function stopStartTime(stops: readonly CameraStop[], index: number): number {
  return stops.slice(0, index).reduce((sum, s) => sum + s.duration, 0);
}
