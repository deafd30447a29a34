/**
 * Robot against robot in the events engine: the links of two robots (and the parts their
 * grippers hold) checked against each other along their moves, only where the two robots' moves
 * come near each other in space and in time.
 *
 * When a robot starts a move at time t, each other robot's motion from t on is known: the move
 * it is in (to its end), then standing where that move ends. For every other robot the window
 * runs from t to the later of the two moves' ends; if the boxes the two robots sweep over that
 * window (sweep-geometry.ts: link spheres, held parts included) do not overlap, nothing can
 * touch and nothing is checked. Otherwise a world holding just the two robots' links is sampled
 * on the common dt grid from t, fine enough that no link origin of either robot (nor a held
 * part's centre) travels more than 5 mm between checks (sweep-loop.ts), and each contact change
 * is dated to the first grid time that shows it, as the physics engine reports it.
 *
 * What is found is pending until the clock reaches it: when either robot starts another move,
 * the pair's pending changes after that instant are dropped and the pair is checked anew from
 * there, since the motion they were found on no longer holds. A part held by one robot counts
 * against the other robot's links (not its tool's: a gripper touching a part is not a crash),
 * never against the robot that holds it — the physics engine's rules (collision-filter.ts).
 */
import { mat4Create, mat4MultiplyRigid, type Mat4 } from '../../kinematics/mat4';
import type { BodyInfo, BodyPlan } from '../body-plan';
import type { CollisionEndEvent, CollisionEvent } from '../events';
import type { JointTrajectory } from '../joint-motion';
import type { PhysicsFactory, PhysicsWorld } from '../physics-port';
import { POSE_FLOATS, poseFromMat4 } from '../pose';
import type { RobotRig } from '../robot-rig';
import { linkFirst, MAX_TRAVEL } from './collision-sweep';
import { bodySphere, boxesOverlap, nearSpan, sphereCenter, sweptBox, type Box, type Sphere } from './sweep-geometry';
import { sweepWindow } from './sweep-loop';

/** What a robot does from the instant of a check on, as the pair check needs it. */
export interface RobotMotionNow {
  /** The move it is in and the move's start time, or null when it stands at `q`. */
  trajectory: JointTrajectory | null;
  start: number;
  q: ArrayLike<number>;
  toolQ: ArrayLike<number>;
  /** The part it holds: its body, its pose in the tool frame and the radius of a sphere holding it. */
  held: { id: number; plan: BodyPlan; offset: Mat4; radius: number } | null;
}

type PairEvent = CollisionEvent | CollisionEndEvent;

/** A contact change between two robots found ahead of its time; `pair` names the two robots (lower × 1024 + higher). */
export interface PendingPairEvent {
  pair: number;
  event: PairEvent;
}

/** Robot-against-robot checks (see the module comment). */
export class RobotPairSweep {
  private readonly worlds = new Map<number, PhysicsWorld>();
  private readonly robotOf = new Map<number, number>();
  /** Per robot: a sphere holding each link's colliders, in slot order. */
  private readonly spheres: Sphere[][];
  private readonly poses: Float64Array;
  private readonly q: Float64Array[];
  private readonly m = mat4Create();
  /** Holder robot of each part in the world being checked. */
  private readonly holder = new Map<number, number>();
  /**
   * Per robot: the box it sweeps over its last move (held part included), which holds it from
   * that move's start until it moves again; null until first needed.
   */
  private boxes: (Box | null)[];
  /** Boxes of moves by move (robot, end joints, duration, tool, held part), the oldest dropped first. */
  private readonly moveBoxes = new Map<string, Box>();
  /** Changes found ahead of time, with the pair they belong to, oldest first. */
  private pending: PendingPairEvent[] = [];
  /** Pair windows checked and skipped (boxes apart), and samples taken, for the bench and the tests. */
  readonly stats = { checked: 0, skipped: 0, samples: 0 };

  constructor(
    private readonly factory: PhysicsFactory,
    private readonly staticBodies: readonly BodyPlan[],
    private readonly infos: readonly BodyInfo[],
    private readonly rigs: readonly RobotRig[],
    private readonly slots: readonly Int32Array[],
    private readonly reportable: (a: number, b: number) => boolean,
    private readonly dt: number,
  ) {
    slots.forEach((s, r) => s.forEach((id) => this.robotOf.set(id, r)));
    this.spheres = slots.map((s) => Array.from(s, (id) => bodySphere(staticBodies[id]!)));
    this.poses = new Float64Array(staticBodies.length * POSE_FLOATS);
    this.q = rigs.map((r) => new Float64Array(r.dof));
    this.boxes = rigs.map(() => null);
  }

  /** Robot `robot` started a move at `time`: checks it anew against every other robot from then on. */
  moved(robot: number, time: number, motions: readonly RobotMotionNow[]): void {
    const boxOf = (r: number) => {
      const m = motions[r]!;
      return sweptBox((tau) => this.centres(r, m, time + tau), this.sphereRadii(r, m), endOf(m, time) - time);
    };
    // The box of a move repeated with the same held part is the same: computed once.
    const m = motions[robot]!;
    const key = m.trajectory ? moveKey(robot, m) : null;
    let box = key === null ? undefined : this.moveBoxes.get(key);
    if (!box) {
      box = boxOf(robot);
      if (key !== null) {
        this.moveBoxes.set(key, box);
        if (this.moveBoxes.size > MOVE_BOXES) this.moveBoxes.delete(this.moveBoxes.keys().next().value!);
      }
    }
    this.boxes[robot] = box;
    for (let other = 0; other < motions.length; other++) {
      if (other === robot) continue;
      const a = Math.min(robot, other), b = Math.max(robot, other);
      const pair = a * 1024 + b;
      this.pending = this.pending.filter((p) => p.pair !== pair || p.event.time <= time);
      const end = Math.max(endOf(motions[a]!, time), endOf(motions[b]!, time));
      const duration = end - time;
      if (!(duration > 0)) continue;
      const centres = (r: number) => (tau: number) => this.centres(r, motions[r]!, time + tau);
      const otherBox = this.boxes[other] ?? (this.boxes[other] = boxOf(other));
      // Apart in space over the window, or never near at the same time: nothing to check.
      const span = boxesOverlap(this.boxes[robot]!, otherBox) ? nearSpan(centres(a), this.sphereRadii(a, motions[a]!), centres(b), this.sphereRadii(b, motions[b]!), duration, this.dt) : null;
      if (!span) {
        this.stats.skipped++;
        continue;
      }
      this.stats.checked++;
      for (const e of this.check(a, b, motions, time, duration, span)) this.pending.push({ pair, event: e });
    }
    this.pending.sort((x, y) => x.event.time - y.event.time);
  }

  /** The changes due by `t`, taken off the pending list. */
  due(t: number): PairEvent[] {
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.event.time <= t) n++;
    return n === 0 ? [] : this.pending.splice(0, n).map((p) => p.event);
  }

  /** Forgets what was found ahead of time (after a restore). */
  clear(): void {
    this.pending = [];
    this.boxes.fill(null);
  }

  /** What was found ahead of time and is not due yet, as plain data (for a snapshot). */
  savePending(): PendingPairEvent[] {
    return this.pending.map((p) => ({ pair: p.pair, event: { ...p.event } }));
  }

  /** Takes back {@link savePending}'s list (after {@link clear}, on a restore). */
  loadPending(saved: readonly PendingPairEvent[]): void {
    this.pending = saved.map((p) => ({ pair: p.pair, event: { ...p.event } }));
  }

  /** Frees the physics worlds. */
  free(): void {
    for (const w of this.worlds.values()) w.free();
    this.worlds.clear();
  }

  /** Radii of a robot's link spheres, then its held part's. */
  private sphereRadii(r: number, motion: RobotMotionNow): number[] {
    const radii = this.spheres[r]!.map((s) => s.radius);
    if (motion.held) radii.push(motion.held.radius);
    return radii;
  }

  /** Centres of robot `r`'s link spheres at absolute time `t`, then its held part's centre. */
  private centres(r: number, motion: RobotMotionNow, t: number): Float64Array {
    const held = motion.held ? new Float64Array(POSE_FLOATS) : null;
    this.pose(r, motion, t, held);
    const slots = this.slots[r]!;
    const spheres = this.spheres[r]!;
    const out = new Float64Array(slots.length * 3 + (held ? 3 : 0));
    slots.forEach((id, i) => sphereCenter(spheres[i]!, this.poses, id * POSE_FLOATS, out, i * 3));
    if (held) out.set(held.subarray(0, 3), slots.length * 3);
    return out;
  }

  /** Poses robot `r` at absolute time `t` into the pose table (its held part into `held`, if any). */
  private pose(r: number, motion: RobotMotionNow, t: number, held: Float64Array | null): void {
    const q = this.q[r]!;
    if (motion.trajectory) motion.trajectory.sample(Math.min(Math.max(0, t - motion.start), motion.trajectory.duration), q);
    else q.set(motion.q);
    const rig = this.rigs[r]!;
    rig.computePoses(q, motion.toolQ, { poses: this.poses, slots: this.slots[r]! });
    if (motion.held && held) poseFromMat4(mat4MultiplyRigid(this.m, rig.tcpWorld(mat4Create()), motion.held.offset), held, 0);
  }

  /** Link origins of robot `r` at absolute time `t`, then its held part's centre. */
  private points(r: number, motion: RobotMotionNow, t: number): Float64Array {
    const held = motion.held ? new Float64Array(POSE_FLOATS) : null;
    this.pose(r, motion, t, held);
    const slots = this.slots[r]!;
    const out = new Float64Array(slots.length * 3 + (held ? 3 : 0));
    slots.forEach((id, i) => out.set(this.poses.subarray(id * POSE_FLOATS, id * POSE_FLOATS + 3), i * 3));
    if (held) out.set(held.subarray(0, 3), slots.length * 3);
    return out;
  }

  /** The world of robots a < b: their links only, built when first needed. */
  private world(a: number, b: number): PhysicsWorld {
    const key = a * 1024 + b;
    let world = this.worlds.get(key);
    if (!world) {
      const bodies = [...this.slots[a]!, ...this.slots[b]!].map((id) => this.staticBodies[id]!);
      world = this.factory({ dt: this.dt, gravity: [0, 0, 0], bodies, belts: [], reportable: (x, y) => this.accept(x, y) });
      this.worlds.set(key, world);
    }
    return world;
  }

  /** Links of two different robots; a held part and a link of a robot that does not hold it. */
  private accept(x: number, y: number): boolean {
    const rx = this.robotOf.get(x), ry = this.robotOf.get(y);
    if (rx !== undefined && ry !== undefined) return rx !== ry && this.reportable(x, y);
    const part = rx === undefined ? x : y;
    const link = rx === undefined ? ry : rx;
    const holder = this.holder.get(part);
    return link !== undefined && holder !== undefined && holder !== link && this.reportable(x, y);
  }

  /** Samples the window of robots a and b from `time` for `duration` s. */
  private check(a: number, b: number, motions: readonly RobotMotionNow[], time: number, duration: number, span: { first: number; last: number }): PairEvent[] {
    const world = this.world(a, b);
    const robots = [a, b];
    const held = robots.map((r) => (motions[r]!.held ? new Float64Array(POSE_FLOATS) : null));
    robots.forEach((r) => {
      const h = motions[r]!.held;
      if (!h) return;
      this.holder.set(h.id, r);
      world.addBody(h.plan);
      world.setHeld(h.id, true);
    });
    try {
      const changes = sweepWindow(
        {
          world,
          place: (tau) => {
            robots.forEach((r, i) => {
              this.pose(r, motions[r]!, time + tau, held[i]!);
              for (const id of this.slots[r]!) world.setKinematicTarget(id, this.poses, id * POSE_FLOATS);
              const h = motions[r]!.held;
              if (h) world.setKinematicTarget(h.id, held[i]!, 0);
            });
          },
          points: (tau) => {
            const pa = this.points(a, motions[a]!, time + tau);
            const pb = this.points(b, motions[b]!, time + tau);
            const out = new Float64Array(pa.length + pb.length);
            out.set(pa);
            out.set(pb, pa.length);
            return out;
          },
          names: (x, y) => linkFirst(this.infos, x, y),
        },
        duration,
        this.dt,
        MAX_TRAVEL,
        this.stats,
        span,
      );
      return changes.map((c) => ({ type: c.touching ? 'collision' : 'collision-end', time: time + c.offset, a: c.a, b: c.b }) as PairEvent);
    } finally {
      robots.forEach((r) => {
        const h = motions[r]!.held;
        if (!h) return;
        world.removeBody(h.id);
        this.holder.delete(h.id);
      });
    }
  }
}

/** Move boxes kept. */
const MOVE_BOXES = 1024;

const fixed9 = (q: ArrayLike<number>): string => Array.from(q, (v) => v.toFixed(9)).join(',');

/** What a move's swept box depends on, as text. */
function moveKey(robot: number, m: RobotMotionNow): string {
  const tr = m.trajectory!;
  const q = new Float64Array(m.q.length);
  tr.sample(0, q);
  const from = fixed9(q);
  tr.sample(tr.duration, q);
  const held = m.held ? `${JSON.stringify(m.held.plan.colliders[0]?.shape ?? null)}@${fixed9(m.held.offset)}` : '';
  return `${robot}|${from}|${fixed9(q)}|${tr.duration.toFixed(9)}|${fixed9(m.toolQ)}|${held}`;
}

/** When a robot's motion ends (now when it stands). */
const endOf = (m: RobotMotionNow, now: number): number => (m.trajectory ? Math.max(now, m.start + m.trajectory.duration) : now);
