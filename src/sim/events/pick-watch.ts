/**
 * When does a part come within reach of a waiting gripper? A robot waiting to pick from a belt
 * stands still, so its tool point is fixed while the parts on the belt move in a straight line
 * at belt speed: the distance from the point to a part's surface is then a convex function of
 * time (the distance to a convex body along a line), so its first drop below the reach is found
 * by a ternary search for the minimum and a bisection before it. Falling parts are woken for at
 * their landing. The result is the earliest such time, or Infinity.
 */
import { GRIP_REACH } from '../grippers';
import type { Mat4 } from '../../kinematics/mat4';
import { laneSpeed, laneX } from './lanes';
import { distanceToPart } from './part-geometry';
import type { PartWorld } from './part-world';

/** Inside the reach by this much (m), so the woken pick surely finds the part. */
const MARGIN = 1e-7;
const ITERATIONS = 60;

/** The earliest time after `t` a loose part comes within reach of the tool point of `tcp`; Infinity when none will. */
export function watchTime(tcp: Mat4, world: PartWorld, t: number): number {
  const x = tcp[12]!, y = tcp[13]!, z = tcp[14]!;
  const reach = GRIP_REACH - MARGIN;
  const m = new Float64Array(16);
  let best = Infinity;
  world.laneModels.forEach((model, k) => {
    const s = world.lanes[k]!;
    const v = laneSpeed(model, s);
    if (!(v > 0) || s.parts.length === 0) return;
    const inv = model.inverse;
    const lx = inv[0]! * x + inv[4]! * y + inv[8]! * z + inv[12]!;
    const ly = inv[1]! * x + inv[5]! * y + inv[9]! * z + inv[13]!;
    if (Math.abs(ly) > model.width / 2 + 0.5) return;
    for (const id of s.parts) {
      const part = world.part(id);
      const place = world.lanePlace(id);
      const px = laneX(s, place) + v * Math.max(0, t - s.t0);
      const r = Math.hypot(...part.half) + GRIP_REACH;
      // Only while the part's centre is within r of the tool point along the belt can it be in reach.
      const a = Math.max(0, (lx - r - px) / v);
      const b = (lx + r - px) / v;
      if (b < a || t + a >= best) continue;
      const d = (tau: number) => distanceToPart(x, y, z, world.matrixAt(id, t + tau, m)!, part.spec, part.half);
      let lo = a, hi = b;
      for (let i = 0; i < ITERATIONS; i++) {
        const m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
        if (d(m1) <= d(m2)) hi = m2;
        else lo = m1;
      }
      const tMin = (lo + hi) / 2;
      if (d(tMin) > reach) continue;
      if (d(a) <= reach) {
        best = Math.min(best, t + a);
        continue;
      }
      lo = a;
      hi = tMin;
      for (let i = 0; i < ITERATIONS; i++) {
        const mid = (lo + hi) / 2;
        if (d(mid) <= reach) hi = mid;
        else lo = mid;
      }
      best = Math.min(best, t + hi);
    }
  });
  for (const id of world.falling) {
    const at = world.part(id).at;
    if (at.kind === 'falling' && at.land > t) best = Math.min(best, at.land);
  }
  return best;
}
