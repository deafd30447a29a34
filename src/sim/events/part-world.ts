/**
 * Where every live part of the events engine is, as plain data, and the moves between places:
 * on a lane (a belt), at rest (a table, a pallet, a fixture, a station, the floor), held by a
 * robot (following its tool frame), or falling (dropped, landing at a computed time). Poses
 * are computed at any time from the place, never integrated. Finding the part at a tool looks
 * at the lanes near it, the resting parts in the grid cells around it and the falling parts;
 * never at every part ever made.
 */
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from '../../kinematics/mat4';
import { mat4QuaternionInto } from '../../kinematics/mat4';
import type { PartSpec } from '../parts';
import { mat4FromPose, poseFromMat4, POSE_FLOATS } from '../pose';
import { addToLane, laneSpeed, removeFromLane, settleLane, syncLane, type LaneModel, type LaneOutcome, type LanePlace, type LaneState } from './lanes';
import { distanceToPart, extentAlong } from './part-geometry';
import { RestGrid } from './rest-grid';
import { supportUnder, type Support } from './supports';

/** Gravity's magnitude (m/s²) for dropped parts. */
const G = 9.81;
/** Largest height difference (m) between two belts across which a part is handed over rather than dropped. */
export const HANDOVER_HEIGHT = 0.01;

/** Lying still: a table, a pallet slot, the floor; `fixed` when a station holds it (no drop). */
export interface RestPlace {
  kind: 'rest';
  pose: number[];
  fixed: boolean;
}
/** In a gripper: the part's pose in the robot's tool frame (column-major 4×4). */
export interface HeldPlace {
  kind: 'held';
  robot: number;
  offset: number[];
}
/** Let go above a surface: falls `drop` metres from `start`, lands at `land`, onto lane `lane` (−1: a still surface). */
export interface FallingPlace {
  kind: 'falling';
  pose: number[];
  start: number;
  land: number;
  drop: number;
  lane: number;
}
/** Out of the world (finished, removed). */
export interface GonePlace {
  kind: 'gone';
}
export type PartPlace = LanePlace | RestPlace | HeldPlace | FallingPlace | GonePlace;

/** A part of the events engine (plain data). */
export interface EnginePart {
  id: number;
  name: string;
  spec: PartSpec;
  half: [number, number, number];
  source: string | null;
  removed: boolean;
  at: PartPlace;
}

/** What the part world asks of the engine around it. */
export interface PartWorldHooks {
  /** World matrix of robot `robot`'s tool frame at time `t`. */
  tcp(robot: number, t: number, out: Mat4): Mat4;
  /** A lane changed at `t` (parts, belt, curtain): reschedule it, tell who waits on it. */
  laneChanged(lane: number, outcome: LaneOutcome | null, t: number): void;
  /** A falling part lands at `time`. */
  landAt(part: number, time: number): void;
}

/** The parts of a run and their places (see the module comment). */
export class PartWorld {
  parts: EnginePart[] = [];
  lanes: LaneState[];
  /** Parts in the air now (few: each lands within a fraction of a second). */
  readonly falling = new Set<number>();
  private readonly grid = new RestGrid();
  private readonly m = mat4Create();
  private readonly m2 = mat4Create();

  constructor(
    /** Body id of the first part. */
    readonly firstId: number,
    readonly laneModels: readonly LaneModel[],
    private readonly supports: readonly Support[],
    private readonly hooks: PartWorldHooks,
    lanes: LaneState[],
  ) {
    this.lanes = lanes;
  }

  /** The part with body id `id`. */
  part(id: number): EnginePart {
    const p = this.parts[id - this.firstId];
    if (!p) throw new Error(`no part with body id ${id}`);
    return p;
  }

  /** The lane place of a part on a lane. */
  readonly lanePlace = (id: number): LanePlace => this.part(id).at as LanePlace;

  /** Rebuilds the rest grid from the parts (after a restore). */
  reindex(): void {
    this.grid.clear();
    this.falling.clear();
    for (const p of this.parts) {
      if (p.at.kind === 'rest') this.grid.add(p.id, p.at.pose[0]!, p.at.pose[1]!);
      if (p.at.kind === 'falling') this.falling.add(p.id);
    }
  }

  /** World matrix of part `id` at time `t` (not before the last event); null when it is gone. */
  matrixAt(id: number, t: number, out: Mat4): Mat4 | null {
    const p = this.part(id);
    const at = p.at;
    switch (at.kind) {
      case 'gone':
        return null;
      case 'rest':
        return mat4FromPose(out, at.pose);
      case 'held':
        return mat4MultiplyRigid(out, this.hooks.tcp(at.robot, t, this.m2), Float64Array.from(at.offset));
      case 'falling': {
        mat4FromPose(out, at.pose);
        const tau = Math.min(Math.max(0, t - at.start), at.land - at.start);
        out[14] = out[14]! - Math.min(at.drop, 0.5 * G * tau * tau);
        return out;
      }
      case 'lane': {
        const model = this.laneModels[at.lane]!;
        const s = this.lanes[at.lane]!;
        const x = at.x0 + s.travel + laneSpeed(model, s) * Math.max(0, t - s.t0);
        const local = mat4FromPose(this.m2, [x, at.y, at.z, ...at.q]);
        return mat4MultiplyRigid(out, model.world, local);
      }
    }
  }

  /** The 7-number world pose of part `id` at `t` into `out`; false when it is gone. */
  poseAt(id: number, t: number, out: Float64Array, offset = 0): boolean {
    const m = this.matrixAt(id, t, this.m);
    if (!m) return false;
    poseFromMat4(m, out, offset);
    return true;
  }

  /**
   * The loose part (on a lane, at rest and not fixed by a station, or falling) nearest to world
   * point (x, y, z) at time `t` within `max` of its surface; null when none.
   */
  nearestLoose(x: number, y: number, z: number, max: number, t: number): { id: number; distance: number } | null {
    let best: { id: number; distance: number } | null = null;
    const consider = (id: number) => {
      const p = this.part(id);
      const m = this.matrixAt(id, t, this.m);
      if (!m) return;
      const d = distanceToPart(x, y, z, m, p.spec, p.half);
      if (d <= max && (!best || d < best.distance || (d === best.distance && id < best.id))) best = { id, distance: d };
    };
    this.laneModels.forEach((model, k) => {
      const inv = model.inverse;
      const ly = inv[1]! * x + inv[5]! * y + inv[9]! * z + inv[13]!;
      const lx = inv[0]! * x + inv[4]! * y + inv[8]! * z + inv[12]!;
      if (Math.abs(ly) > model.width / 2 + 0.5 || Math.abs(lx) > model.length / 2 + 0.5) return;
      for (const id of this.lanes[k]!.parts) consider(id);
    });
    this.grid.near(x, y, (id) => {
      const at = this.part(id).at;
      if (at.kind === 'rest' && !at.fixed) consider(id);
    });
    for (const id of this.falling) consider(id);
    return best;
  }

  /** Calls `visit` for each part at rest whose centre may lie in the rectangle [x0, x1] × [y0, y1] (a superset). */
  restingIn(x0: number, y0: number, x1: number, y1: number, visit: (id: number) => void): void {
    this.grid.inRect(x0, y0, x1, y1, visit);
  }

  /** Takes part `id` out of its place at `t` (to a gripper, or out of the world). */
  lift(id: number, t: number): void {
    const p = this.part(id);
    const at = p.at;
    if (at.kind === 'lane') {
      const model = this.laneModels[at.lane]!;
      const s = this.lanes[at.lane]!;
      syncLane(model, s, t);
      removeFromLane(s, id);
      this.hooks.laneChanged(at.lane, settleLane(model, s, this.lanePlace), t);
    } else if (at.kind === 'rest') {
      this.grid.remove(id, at.pose[0]!, at.pose[1]!);
    }
    this.falling.delete(id);
    p.at = { kind: 'gone' };
  }

  /** Holds part `id` (already lifted) in robot `robot`'s gripper with the given tool-frame offset. */
  hold(id: number, robot: number, offset: Mat4): void {
    this.part(id).at = { kind: 'held', robot, offset: Array.from(offset) };
  }

  /** A station's fixture holds part `id` where it was let go: no drop, and no longer loose. */
  fixWhereReleased(id: number): void {
    const p = this.part(id);
    const at = p.at;
    if (at.kind === 'rest') at.fixed = true;
    if (at.kind !== 'falling') return;
    this.falling.delete(id);
    p.at = { kind: 'rest', pose: at.pose, fixed: true };
    this.grid.add(id, at.pose[0]!, at.pose[1]!);
  }

  /**
   * Lets part `id` (lifted) go at world matrix `m` at time `t`: it drops onto the surface
   * under it (supports.ts, or a part lying there) and lands at once when it touches it already.
   */
  drop(id: number, m: Mat4, t: number): void {
    const p = this.part(id);
    const hz = extentAlong(m, p.half, 0, 0, 1);
    const x = m[12]!, y = m[13]!, bottom = m[14]! - hz;
    let top = 0;
    let lane = -1;
    const support = supportUnder(this.supports, x, y, bottom);
    if (support) {
      top = support.top;
      lane = support.lane;
    }
    // A part lying there may be higher (a pallet layer): it carries this one, still.
    this.grid.near(x, y, (other) => {
      const o = this.part(other);
      if (o.at.kind !== 'rest') return;
      const om = mat4FromPose(this.m, o.at.pose);
      const otop = om[14]! + extentAlong(om, o.half, 0, 0, 1);
      if (otop <= bottom + 0.005 && otop > top && distanceToPart(x, y, om[14]!, om, o.spec, [o.half[0], o.half[1], Infinity]) === 0) {
        top = otop;
        lane = -1;
      }
    });
    const drop = Math.max(0, bottom - top);
    const pose = Array.from(poseFromMat4(m, new Float64Array(POSE_FLOATS)));
    const land = t + Math.sqrt((2 * drop) / G);
    p.at = { kind: 'falling', pose, start: t, land, drop, lane };
    this.falling.add(id);
    if (land <= t) this.land(id, t);
    else this.hooks.landAt(id, land);
  }

  /** A falling part lands at `t`: on its lane's belt or at rest. */
  land(id: number, t: number): void {
    const p = this.part(id);
    const at = p.at;
    if (at.kind !== 'falling') return;
    const m = this.matrixAt(id, at.land, mat4Create())!;
    this.falling.delete(id);
    if (at.lane >= 0) {
      this.putOnLane(id, at.lane, m, t);
      return;
    }
    const pose = Array.from(poseFromMat4(m, new Float64Array(POSE_FLOATS)));
    p.at = { kind: 'rest', pose, fixed: false };
    this.grid.add(id, pose[0]!, pose[1]!);
  }

  /** Puts part `id` on lane `lane` at world matrix `m` (its bottom on the belt) at time `t`. */
  putOnLane(id: number, lane: number, m: Mat4, t: number): void {
    const p = this.part(id);
    const model = this.laneModels[lane]!;
    const s = this.lanes[lane]!;
    syncLane(model, s, t);
    const local = mat4MultiplyRigid(this.m, model.inverse, m);
    const q: [number, number, number, number] = [0, 0, 0, 1];
    mat4QuaternionInto(local, q);
    const place: LanePlace = {
      kind: 'lane',
      lane,
      x0: 0,
      y: local[13]!,
      z: model.height + extentAlong(local, p.half, 0, 0, 1),
      q,
      hx: extentAlong(local, p.half, 1, 0, 0),
      hy: extentAlong(local, p.half, 0, 1, 0),
    };
    p.at = place;
    addToLane(s, id, place, local[12]!, this.lanePlace);
    this.hooks.laneChanged(lane, settleLane(model, s, this.lanePlace), t);
  }

  /** Settles lane `lane` at its current time (lanes.ts settleLane). */
  settle(lane: number): LaneOutcome {
    return settleLane(this.laneModels[lane]!, this.lanes[lane]!, this.lanePlace);
  }

  /**
   * Part `id` went over the end of lane `lane` at `t` (already off the lane's list). When the
   * end meets another belt — its centre, at the end, lies over that belt's surface (within half
   * the part's length of the belt's start) at the same height within {@link HANDOVER_HEIGHT} —
   * the part is handed over to it there and then, as it is, and rides on at the new belt's
   * speed. Otherwise it drops from just past the end onto whatever is there (a lower belt, the
   * floor).
   */
  dropOffEnd(id: number, lane: number, t: number): void {
    const p = this.part(id);
    const at = p.at as LanePlace;
    const model = this.laneModels[lane]!;
    p.at = { kind: 'gone' };
    const end = mat4MultiplyRigid(mat4Create(), model.world, mat4FromPose(this.m2, [model.length / 2, at.y, at.z, ...at.q]));
    const next = this.laneAtEnd(lane, end, p.half);
    if (next >= 0) {
      this.putOnLane(id, next, end, t);
      return;
    }
    const local = mat4FromPose(this.m2, [model.length / 2 + at.hx + 0.001, at.y, at.z, ...at.q]);
    this.drop(id, mat4MultiplyRigid(mat4Create(), model.world, local), t);
  }

  /** The lane (other than `from`) whose belt carries a part at world matrix `m` (its bottom on the belt), or −1. */
  private laneAtEnd(from: number, m: Mat4, half: readonly [number, number, number]): number {
    const bottom = m[14]! - extentAlong(m, half, 0, 0, 1);
    let best = -1;
    let gap = HANDOVER_HEIGHT;
    this.laneModels.forEach((model, k) => {
      if (k === from) return;
      const inv = model.inverse;
      const x = m[12]!, y = m[13]!;
      const lx = inv[0]! * x + inv[4]! * y + inv[8]! * bottom + inv[12]!;
      const ly = inv[1]! * x + inv[5]! * y + inv[9]! * bottom + inv[13]!;
      const lz = inv[2]! * x + inv[6]! * y + inv[10]! * bottom + inv[14]!;
      const local = mat4MultiplyRigid(this.m, inv, m);
      const hx = extentAlong(local, half, 1, 0, 0);
      const over = Math.abs(ly) <= model.width / 2 && lx >= -model.length / 2 - hx && lx < model.length / 2;
      const dz = Math.abs(lz - model.height);
      if (over && (dz < gap || (best < 0 && dz <= gap))) {
        best = k;
        gap = dz;
      }
    });
    return best;
  }

  /** Takes part `id` out of the world at `t`; false when it was gone already. */
  remove(id: number, t: number): boolean {
    const p = this.part(id);
    if (p.removed) return false;
    if (p.at.kind !== 'gone') this.lift(id, t);
    p.removed = true;
    return true;
  }
}

/** The inverse of a rigid matrix, as a new matrix. */
export const inverseOf = (m: Mat4): Mat4 => mat4InvertRigid(mat4Create(), m);
