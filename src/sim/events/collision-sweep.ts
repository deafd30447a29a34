/**
 * Collision checks of the events engine, where physics decides something: a robot's links (its
 * tool included) against the fixtures and the floor, along each move's swept path. Rapier (any
 * PhysicsWorld) holds the fixtures and every robot's links as kinematic bodies, with no gravity
 * and no parts; nothing is stepped between moves.
 *
 * When a move starts, its trajectory is sampled on the engine's dt grid, every grid point when
 * the links are fast and every m-th when they are slow — so that no link origin travels more
 * than {@link MAX_TRAVEL} between checks, and never more than {@link MAX_TRAVEL} along the
 * path — and at each sample the links are posed and the contacts read. A contact that starts
 * between two samples is dated by bisection to the first grid time it touches, the time the
 * physics engine would report. A move that repeats one checked before (same robot, same start
 * and end joints, same duration, same tool opening) against unchanged fixtures gives the same
 * contacts, so it is checked once and its result replayed.
 *
 * Not covered here: links against parts (parts are lanes and places, not bodies) and robot
 * against robot (the templates keep robots apart; the physics engine checks both).
 */
import type { BodyInfo, BodyPlan } from '../body-plan';
import type { CollisionEvent, CollisionEndEvent } from '../events';
import type { JointTrajectory } from '../joint-motion';
import type { PhysicsFactory, PhysicsWorld } from '../physics-port';
import { POSE_FLOATS } from '../pose';
import type { RobotRig } from '../robot-rig';

/** Largest travel (m) of a link origin between two checks. */
export const MAX_TRAVEL = 0.005;
/** Fixtures farther than this (m) from a robot's base cannot touch it (beyond any bundled robot's reach with a tool). */
const REACH_MARGIN = 3.5;

/** A contact change at `offset` s after the move's start. */
interface Change {
  offset: number;
  a: string;
  b: string;
  touching: boolean;
}

/** Collision checking along robot moves (see the module comment). */
export class CollisionSweep {
  /** One small world per robot: its links and the fixtures within its reach (cheaper steps). */
  private readonly worlds: PhysicsWorld[];
  private readonly poses: Float64Array;
  private readonly cache = new Map<string, Change[]>();
  private readonly q: Float64Array[];
  /** Checks run and moves replayed from the cache, for the bench and the tests. */
  readonly stats = { checked: 0, replayed: 0, samples: 0 };

  constructor(
    factory: PhysicsFactory,
    staticBodies: readonly BodyPlan[],
    private readonly infos: readonly BodyInfo[],
    private readonly rigs: readonly RobotRig[],
    private readonly slots: readonly Int32Array[],
    reportable: (a: number, b: number) => boolean,
    private readonly dt: number,
  ) {
    // Links against fixtures only: pairs of two links of different robots are left out here.
    const robotOf = new Map<number, number>();
    slots.forEach((s, r) => s.forEach((id) => robotOf.set(id, r)));
    const accept = (a: number, b: number) => {
      const ra = robotOf.get(a), rb = robotOf.get(b);
      if (ra !== undefined && rb !== undefined && ra !== rb) return false;
      return reportable(a, b);
    };
    this.worlds = rigs.map((rig, r) => {
      const base = rig.baseMatrix;
      const bodies = staticBodies.filter((b) => {
        if (b.kind === 'link') return robotOf.get(b.id) === r;
        if (b.name === 'floor') return true;
        // Fixtures whose colliders come within REACH_MARGIN of the robot's base.
        let extent = 0;
        for (const c of b.colliders) {
          const h = c.shape.type === 'box' ? Math.hypot(...c.shape.half) : c.shape.type === 'cylinder' ? Math.hypot(c.shape.radius, c.shape.halfLength) : c.shape.type === 'sphere' ? c.shape.radius : 10;
          extent = Math.max(extent, Math.hypot(c.pose[0]!, c.pose[1]!, c.pose[2]!) + h);
        }
        return Math.hypot(b.pose[0]! - base[12]!, b.pose[1]! - base[13]!, b.pose[2]! - base[14]!) - extent < REACH_MARGIN;
      });
      return factory({ dt, gravity: [0, 0, 0], bodies, belts: [], reportable: accept });
    });
    this.poses = new Float64Array(staticBodies.length * POSE_FLOATS);
    staticBodies.forEach((b) => this.poses.set(b.pose, b.id * POSE_FLOATS));
    this.q = rigs.map((r) => new Float64Array(r.dof));
  }

  /**
   * The contact changes of robot `robot` following `trajectory` from time `start` with its tool
   * joints at `toolQ`, as collision events at their times.
   */
  sweep(robot: number, trajectory: JointTrajectory, start: number, toolQ: ArrayLike<number>): (CollisionEvent | CollisionEndEvent)[] {
    const q = this.q[robot]!;
    trajectory.sample(0, q);
    const first = Array.from(q);
    trajectory.sample(trajectory.duration, q);
    const key = `${robot}|${round(first)}|${round(Array.from(q))}|${trajectory.duration.toFixed(9)}|${round(Array.from(toolQ))}`;
    let changes = this.cache.get(key);
    if (changes) this.stats.replayed++;
    else {
      changes = this.check(robot, trajectory, toolQ);
      this.cache.set(key, changes);
      this.stats.checked++;
    }
    return changes.map((c) => ({ type: c.touching ? 'collision' : 'collision-end', time: start + c.offset, a: c.a, b: c.b }) as CollisionEvent | CollisionEndEvent);
  }

  /** Frees the physics world. */
  free(): void {
    for (const w of this.worlds) w.free();
  }

  /** Poses robot `robot` at trajectory time `tau`, steps, and collects what changed. */
  private probe(robot: number, trajectory: JointTrajectory, tau: number, toolQ: ArrayLike<number>, out: Change[] | null): void {
    const q = this.q[robot]!;
    trajectory.sample(Math.min(tau, trajectory.duration), q);
    const slots = this.slots[robot]!;
    this.rigs[robot]!.computePoses(q, toolQ, { poses: this.poses, slots });
    const world = this.worlds[robot]!;
    for (let k = 0; k < slots.length; k++) world.setKinematicTarget(slots[k]!, this.poses, slots[k]! * POSE_FLOATS);
    world.step();
    this.stats.samples++;
    world.drainContacts((a, b, touching) => {
      if (!out) return;
      const [na, nb] = linkFirst(this.infos, a, b);
      out.push({ offset: tau, a: na, b: nb, touching });
    });
  }

  /** Checks a move (see the module comment). */
  private check(robot: number, trajectory: JointTrajectory, toolQ: ArrayLike<number>): Change[] {
    const changes: Change[] = [];
    // Settle at the start pose: contacts already there are not new.
    this.probe(robot, trajectory, 0, toolQ, null);
    this.probe(robot, trajectory, 0, toolQ, null);
    const dt = this.dt;
    const steps = Math.ceil(trajectory.duration / dt - 1e-9);
    const origins = (tau: number) => {
      const q = this.q[robot]!;
      trajectory.sample(Math.min(tau, trajectory.duration), q);
      this.rigs[robot]!.computePoses(q, toolQ, { poses: this.poses, slots: this.slots[robot]! });
      return Array.from(this.slots[robot]!, (id) => [this.poses[id * POSE_FLOATS]!, this.poses[id * POSE_FLOATS + 1]!, this.poses[id * POSE_FLOATS + 2]!] as const);
    };
    let k = 0;
    let m = 1;
    let prev = origins(0);
    while (k < steps) {
      // Grow the stride while the links move little, shrink it when they move much.
      let next = Math.min(steps, k + m);
      let at = origins(next * dt);
      while (next > k + 1 && travel(prev, at) > MAX_TRAVEL) {
        m = Math.max(1, m >> 1);
        next = Math.min(steps, k + m);
        at = origins(next * dt);
      }
      const found: Change[] = [];
      this.probe(robot, trajectory, next * dt, toolQ, found);
      if (found.length > 0 && next > k + 1) {
        // A change between grid points k and next: find the first grid point that shows it.
        let lo = k, hi = next;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          this.probe(robot, trajectory, lo * dt, toolQ, null);
          const seen: Change[] = [];
          this.probe(robot, trajectory, mid * dt, toolQ, seen);
          if (seen.length > 0) hi = mid;
          else lo = mid;
        }
        this.probe(robot, trajectory, lo * dt, toolQ, null);
        found.length = 0;
        this.probe(robot, trajectory, hi * dt, toolQ, found);
        if (hi < next) this.probe(robot, trajectory, next * dt, toolQ, found);
      }
      changes.push(...found);
      if (travel(prev, at) < MAX_TRAVEL / 2) m = Math.min(m * 2, 64);
      prev = at;
      k = next;
    }
    return changes;
  }
}

/** Largest distance any origin moved between two samples. */
function travel(a: readonly (readonly [number, number, number])[], b: readonly (readonly [number, number, number])[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.hypot(a[i]![0] - b[i]![0], a[i]![1] - b[i]![1], a[i]![2] - b[i]![2]));
  return d;
}

const round = (q: readonly number[]): string => q.map((v) => v.toFixed(9)).join(',');

/** Names of a pair, a robot link first (the lower id when both are links), as the physics engine reports them. */
function linkFirst(infos: readonly BodyInfo[], a: number, b: number): [string, string] {
  const ia = infos[a]!, ib = infos[b]!;
  const first = ia.kind === 'link' && (ib.kind !== 'link' || a < b) ? ia : ib;
  return first === ia ? [ia.name, ib.name] : [ib.name, ia.name];
}
