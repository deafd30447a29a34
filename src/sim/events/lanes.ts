/**
 * Conveyors as 1-D lanes. A part on a belt has an arc position `x` along the conveyor's +x axis
 * (conveyor frame, 0 at the middle of the belt) and a fixed lateral place; all parts on a lane
 * move together at belt speed while the belt runs, so a lane stores one running `travel` and
 * each part its `x0` (x = x0 + travel): advancing a lane in time is O(1), whatever it carries.
 *
 * Events are computed, not detected: the time a part's leading edge reaches a sensor's light
 * curtain (2 mm thick, like the physics one), the time its trailing edge leaves it, the time it
 * reaches the outfeed end (a sink finishes it when its centre is within half its length of the
 * end, as the physics engine does; any other belt drops it off the end when its centre passes).
 * An accumulating conveyor stops its belt while a part is in the curtain, so the part waits at
 * the stop and the parts behind wait on the stopped belt; taking the front part restarts it and
 * never disturbs the others.
 */
import { mat4Create, mat4FromXyzRpy, mat4InvertRigid, type Mat4 } from '../../kinematics/mat4';
import type { ConveyorModel } from '../cell-model';

/** Half the thickness of a sensor's light curtain (m), as in fixtures.ts. */
export const CURTAIN_HALF = 0.001;
/** Positions closer than this (m) count as reached: event times are exact up to rounding. */
export const LANE_EPS = 1e-9;

/** What a lane is, built once from the conveyor item. */
export interface LaneModel {
  conveyor: string;
  /** The conveyor's body id. */
  body: number;
  /** Conveyor frame → world, and back. */
  world: Mat4;
  inverse: Mat4;
  length: number;
  width: number;
  /** Belt top above the conveyor's origin (m). */
  height: number;
  speed: number;
  /** The curtain's x in the conveyor frame, or null without a sensor. */
  sensorX: number | null;
  accumulate: boolean;
  sink: boolean;
}

/** Where a part sits on a lane (plain data). */
export interface LanePlace {
  kind: 'lane';
  lane: number;
  /** x = x0 + the lane's travel. */
  x0: number;
  y: number;
  /** Height of the part's centre in the conveyor frame. */
  z: number;
  /** The part's rotation in the conveyor frame (quaternion x, y, z, w). */
  q: [number, number, number, number];
  /** Half extents of the part's box along the lane's x and y. */
  hx: number;
  hy: number;
}

/** A lane's state (plain data). */
export interface LaneState {
  running: boolean;
  /** Belt travel (m) at time t0. */
  travel: number;
  t0: number;
  /** Parts on the belt, front (largest x) first. */
  parts: number[];
  /** Parts inside the sensor's curtain. */
  inside: number[];
  /** Bumped on every change: a scheduled lane event with an older version is stale. */
  version: number;
}

/** Builds the lane of a conveyor. */
export function laneModel(c: ConveyorModel): LaneModel {
  const item = c.item;
  const world = mat4FromXyzRpy(mat4Create(), item.pose.xyz, item.pose.rpy);
  return {
    conveyor: item.id,
    body: c.body,
    world,
    inverse: mat4InvertRigid(mat4Create(), world),
    length: item.length,
    width: item.width,
    height: item.height,
    speed: item.speed,
    sensorX: item.sensor ? -item.length / 2 + Math.min(item.sensor.position, item.length) : null,
    accumulate: item.sensor?.accumulate === true,
    sink: item.sink === true,
  };
}

/** The first state of a lane: empty, running. */
export function laneState(): LaneState {
  return { running: true, travel: 0, t0: 0, parts: [], inside: [], version: 0 };
}

/** Belt speed now (0 while stopped). */
export const laneSpeed = (m: LaneModel, s: LaneState): number => (s.running ? m.speed : 0);

/** Brings the lane's travel to time `t`. */
export function syncLane(m: LaneModel, s: LaneState, t: number): void {
  if (t > s.t0) s.travel += laneSpeed(m, s) * (t - s.t0);
  s.t0 = t;
}

/** A part's arc position at the lane's current time. */
export const laneX = (s: LaneState, p: LanePlace): number => p.x0 + s.travel;

/** Puts a part on the lane at arc position `x` (the lane synced to now), keeping front-first order. */
export function addToLane(s: LaneState, id: number, p: LanePlace, x: number, place: (id: number) => LanePlace): void {
  p.x0 = x - s.travel;
  let i = 0;
  while (i < s.parts.length && laneX(s, place(s.parts[i]!)) >= x) i++;
  s.parts.splice(i, 0, id);
  s.version++;
}

/** Takes a part off the lane. */
export function removeFromLane(s: LaneState, id: number): void {
  const i = s.parts.indexOf(id);
  if (i >= 0) s.parts.splice(i, 1);
  const k = s.inside.indexOf(id);
  if (k >= 0) s.inside.splice(k, 1);
  s.version++;
}

/** Where a part's end threshold is: a sink finishes it at L/2 − hx, another belt drops it at L/2. */
const endOf = (m: LaneModel, p: LanePlace): number => (m.sink ? m.length / 2 - p.hx : m.length / 2);

/** What happened on a lane at a settle. */
export interface LaneOutcome {
  /** Parts that reached a sink's end (finished). */
  finished: number[];
  /** Parts that went over a plain belt's end. */
  fallen: number[];
  /** Parts that entered the curtain. */
  entered: number[];
  /** Whether the belt started or stopped. */
  switched: boolean;
}

/**
 * Settles a lane at its current time: parts at the end leave it, the curtain is re-read, an
 * accumulating belt stops or runs by it. The caller finishes, drops and reports the parts.
 */
export function settleLane(m: LaneModel, s: LaneState, place: (id: number) => LanePlace): LaneOutcome {
  const out: LaneOutcome = { finished: [], fallen: [], entered: [], switched: false };
  for (let i = 0; i < s.parts.length; ) {
    const id = s.parts[i]!;
    const p = place(id);
    if (laneX(s, p) >= endOf(m, p) - LANE_EPS) {
      (m.sink ? out.finished : out.fallen).push(id);
      removeFromLane(s, id);
    } else i++;
  }
  if (m.sensorX !== null) {
    const xs = m.sensorX;
    const inside: number[] = [];
    for (const id of s.parts) {
      const p = place(id);
      const x = laneX(s, p);
      // Touching the curtain's face counts: the event time is when the edge reaches it.
      if (x + p.hx >= xs - CURTAIN_HALF - LANE_EPS && x - p.hx < xs + CURTAIN_HALF - LANE_EPS) inside.push(id);
    }
    for (const id of inside) if (!s.inside.includes(id)) out.entered.push(id);
    if (inside.length !== s.inside.length || out.entered.length > 0) s.version++;
    s.inside = inside;
  }
  const running = !(m.accumulate && s.inside.length > 0);
  if (running !== s.running) {
    s.running = running;
    out.switched = true;
    s.version++;
  }
  return out;
}

/** Time (s after the lane's current time) of its next own event; Infinity when none. */
export function nextLaneEvent(m: LaneModel, s: LaneState, place: (id: number) => LanePlace): number {
  const v = laneSpeed(m, s);
  if (!(v > 0) || s.parts.length === 0) return Infinity;
  let best = Infinity;
  const consider = (x: number, threshold: number) => {
    if (x < threshold - LANE_EPS) best = Math.min(best, (threshold - x) / v);
  };
  for (const id of s.parts) {
    const p = place(id);
    const x = laneX(s, p);
    consider(x, endOf(m, p));
    if (m.sensorX !== null) {
      consider(x, m.sensorX - CURTAIN_HALF - p.hx);
      consider(x, m.sensorX + CURTAIN_HALF + p.hx);
    }
  }
  return best;
}

/**
 * When the spot [x ± hx, y ± hy] (plus 2 mm all round, the physics source's margin) is clear of
 * lane parts: 0 when it is now, Infinity when a stopped belt keeps it taken, else the seconds
 * until the last part in the way has moved past it.
 */
export function spotClearIn(m: LaneModel, s: LaneState, x: number, hx: number, y: number, hy: number, place: (id: number) => LanePlace): number {
  let wait = 0;
  for (const id of s.parts) {
    const p = place(id);
    const px = laneX(s, p);
    if (Math.abs(px - x) < p.hx + hx + 0.002 && Math.abs(p.y - y) < p.hy + hy + 0.002) {
      const v = laneSpeed(m, s);
      if (!(v > 0)) return Infinity;
      wait = Math.max(wait, (x + hx + p.hx + 0.002 - px) / v);
    }
  }
  return wait;
}
