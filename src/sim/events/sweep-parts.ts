/**
 * The parts a robot's move is checked against (collision-sweep.ts): the live parts whose place
 * over the move comes into the box the robot's links sweep — parts lying on tables, pallets,
 * fixtures and the floor (from the rest grid), and parts riding belts (from the lanes near the
 * box). Parts held by a gripper are the robot-against-robot check's (robot-pair-sweep.ts);
 * parts in the air land within a fraction of a second and are left out.
 *
 * A belt part moves at belt speed from its place at the move's start — on an accumulating belt
 * until the lane's next event (it may stop at the curtain there), on any other belt until it
 * reaches the belt's end — and then stays: the lane's future is not known when the move starts.
 */
import type { BodyPlan } from '../body-plan';
import { partPlan } from '../parts';
import { POSE_FLOATS } from '../pose';
import { laneSpeed, laneX, nextLaneEvent } from './lanes';
import type { PartWorld } from './part-world';
import type { Box } from './sweep-geometry';

/** A part as the collision check sees it. */
export interface SweepPart {
  id: number;
  /** Its body (a box or cylinder), for the check's physics world. */
  plan: BodyPlan;
  /** Radius (m) of a sphere about its centre that holds it. */
  radius: number;
  /** Its shape and place over the move, as text (not its name): the same key, the same contacts. */
  key: string;
  /** False while it moves during the move (its key then never repeats). */
  still: boolean;
  /** Writes its world pose (7 numbers) at `tau` s after the move's start into `out` at `offset`. */
  pose(tau: number, out: Float64Array, offset: number): void;
}

const fixed = (v: number) => v.toFixed(6);

/** True when a sphere of radius r swept from a to b (a segment) may meet the box. */
function segmentNearBox(box: Box, a: ArrayLike<number>, b: ArrayLike<number>, r: number): boolean {
  for (let i = 0; i < 3; i++) {
    if (Math.max(a[i]!, b[i]!) + r < box[i]! || Math.min(a[i]!, b[i]!) - r > box[i + 3]!) return false;
  }
  return true;
}

/** The parts near a move over `[t0, t0 + duration]` that lies inside `box` (see the module comment). */
export function partsNear(world: PartWorld, box: Box, t0: number, duration: number): SweepPart[] {
  const out: SweepPart[] = [];
  const pose = new Float64Array(POSE_FLOATS);
  const consider = (id: number, velocity: readonly [number, number, number], until: number) => {
    const p = world.part(id);
    if (!world.poseAt(id, t0, pose)) return;
    const r = Math.hypot(...p.half);
    const span = Math.min(until, duration);
    const end = [pose[0]! + velocity[0] * span, pose[1]! + velocity[1] * span, pose[2]! + velocity[2] * span];
    if (!segmentNearBox(box, pose, end, r)) return;
    const start = Float64Array.from(pose);
    const still = span <= 0 || (velocity[0] === 0 && velocity[1] === 0 && velocity[2] === 0);
    out.push({
      id,
      plan: partPlan(id, p.name, p.spec, start),
      radius: r,
      key: `${JSON.stringify(p.spec.shape)}:${Array.from(start, fixed).join(',')}${still ? '' : `>${velocity.map(fixed).join(',')}@${fixed(span)}`}`,
      still,
      pose: (tau, o, at) => {
        o.set(start, at);
        if (still) return;
        const s = Math.min(Math.max(0, tau), span);
        o[at] = start[0]! + velocity[0] * s;
        o[at + 1] = start[1]! + velocity[1] * s;
        o[at + 2] = start[2]! + velocity[2] * s;
      },
    });
  };
  world.laneModels.forEach((model, k) => {
    const s = world.lanes[k]!;
    if (s.parts.length === 0) return;
    // The belt's bounding sphere, with a metre above it for what it carries.
    const w = model.world;
    const r = Math.hypot(model.length / 2, model.width / 2, model.height) + 1;
    if (!segmentNearBox(box, [w[12]!, w[13]!, w[14]!], [w[12]!, w[13]!, w[14]!], r)) return;
    const v = laneSpeed(model, s);
    const velocity = [w[0]! * v, w[1]! * v, w[2]! * v] as const;
    const next = model.accumulate && v > 0 ? s.t0 + nextLaneEvent(model, s, world.lanePlace) - t0 : Infinity;
    for (const id of s.parts) {
      const place = world.lanePlace(id);
      const x = laneX(s, place) + v * (t0 - s.t0);
      const toEnd = v > 0 ? Math.max(0, (model.length / 2 - x) / v) : 0;
      consider(id, velocity, Math.max(0, Math.min(next, toEnd)));
    }
  });
  // Resting parts: centres within a metre of the box's footprint (no bundled part is larger).
  const still = [0, 0, 0] as const;
  world.restingIn(box[0]! - 1, box[1]! - 1, box[3]! + 1, box[4]! + 1, (id) => consider(id, still, 0));
  return out;
}
