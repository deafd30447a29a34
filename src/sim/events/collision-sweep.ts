/**
 * Collision checks of the events engine, where physics decides something: a robot's links (its
 * tool included) against the fixtures, the floor and the parts lying or riding near its path,
 * along each move's swept path. Rapier (any PhysicsWorld) holds, per robot, the fixtures within
 * its reach and its links as kinematic bodies, with no gravity; the parts a move may meet
 * (sweep-parts.ts) are added as kinematic bodies for that move's check and taken out after it.
 * Nothing is stepped between moves.
 *
 * When a move starts, its trajectory is sampled on the engine's dt grid (sweep-loop.ts) so that
 * no link origin travels more than {@link MAX_TRAVEL} between checks; a contact that starts
 * between two samples is dated to the first grid time it touches, the time the physics engine
 * would report. Which pairs count is the physics engine's rule (collision-filter.ts): a link of
 * the robot's tool touching a part is a grip, not a crash; two non-links (a part on a table)
 * never count. A move that repeats one checked before (same robot, same start and end joints,
 * same duration, same tool opening) against the same surroundings (the same parts at the same
 * places; fixtures never change) gives the same contacts, so it is checked once and its result
 * replayed. Robot against robot is robot-pair-sweep.ts.
 */
import type { BodyInfo, BodyPlan } from '../body-plan';
import type { CollisionEvent, CollisionEndEvent } from '../events';
import type { JointTrajectory } from '../joint-motion';
import type { PhysicsFactory, PhysicsWorld } from '../physics-port';
import { POSE_FLOATS } from '../pose';
import type { RobotRig } from '../robot-rig';
import { bodySphere, nearSpan, sphereCenter, sweptBox, type Box, type Sphere } from './sweep-geometry';
import { sweepWindow, type Change } from './sweep-loop';
import type { SweepPart } from './sweep-parts';

/** Largest travel (m) of a link origin between two checks. */
export const MAX_TRAVEL = 0.005;
/** Fixtures farther than this (m) from a robot's base cannot touch it (beyond any bundled robot's reach with a tool). */
const REACH_MARGIN = 3.5;

/** Results kept for moves checked against parts lying still (the oldest go first). */
const PART_CACHE_SIZE = 256;

/** Collision checking along robot moves (see the module comment). */
export class CollisionSweep {
  /** One small world per robot: its links and the fixtures within its reach (cheaper steps). */
  private readonly worlds: PhysicsWorld[];
  private readonly poses: Float64Array;
  /** Results of moves against fixtures alone, by move. */
  private readonly cache = new Map<string, Change[]>();
  /** Results of moves against fixtures and parts lying still, by move and parts (bounded). */
  private readonly partCache = new Map<string, Change[]>();
  /** Where a move's links come near parts lying still, by move and parts (bounded). */
  private readonly spans = new Map<string, ReturnType<typeof nearSpan>>();
  /** Per move: the box its links other than the tool's sweep (parts only count against those). */
  private readonly boxes = new Map<string, Box>();
  private readonly q: Float64Array[];
  /** Per robot: the links other than the tool's (body ids) and a sphere holding each one's colliders. */
  private readonly arm: Int32Array[];
  private readonly armSpheres: Sphere[][];
  /** Checks run and moves replayed from the cache, for the bench and the tests. */
  readonly stats = { checked: 0, replayed: 0, samples: 0, partChecks: 0 };

  constructor(
    factory: PhysicsFactory,
    staticBodies: readonly BodyPlan[],
    private readonly infos: readonly BodyInfo[],
    private readonly rigs: readonly RobotRig[],
    private readonly slots: readonly Int32Array[],
    reportable: (a: number, b: number) => boolean,
    private readonly dt: number,
  ) {
    // A robot's own links, fixtures and parts: pairs of two links of different robots are robot-pair-sweep.ts's.
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
    this.arm = slots.map((s) => s.filter((id) => infos[id]!.link?.startsWith('tool/') !== true));
    this.armSpheres = this.arm.map((ids) => Array.from(ids, (id) => bodySphere(staticBodies[id]!)));
  }

  /**
   * The contact changes of robot `robot` following `trajectory` from time `start` with its tool
   * joints at `toolQ`, as collision events at their times. `partsIn(box)` gives the parts whose
   * place over the move comes into `box`, the box the robot's links other than its tool's sweep.
   */
  sweep(robot: number, trajectory: JointTrajectory, start: number, toolQ: ArrayLike<number>, partsIn: (box: Box) => SweepPart[] = () => []): (CollisionEvent | CollisionEndEvent)[] {
    const q = this.q[robot]!;
    trajectory.sample(0, q);
    const first = Array.from(q);
    trajectory.sample(trajectory.duration, q);
    const move = `${robot}|${round(first)}|${round(Array.from(q))}|${trajectory.duration.toFixed(9)}|${round(Array.from(toolQ))}`;
    let fixtures = this.cache.get(move);
    if (fixtures) this.stats.replayed++;
    else {
      fixtures = this.check(robot, trajectory, toolQ, [], null);
      this.cache.set(move, fixtures);
      this.stats.checked++;
    }
    const changes = [...fixtures, ...this.partChanges(robot, move, trajectory, toolQ, partsIn)].sort((a, b) => a.offset - b.offset);
    return changes.map((c) => ({ type: c.touching ? 'collision' : 'collision-end', time: start + c.offset, a: c.a, b: c.b }) as CollisionEvent | CollisionEndEvent);
  }

  /**
   * The contact changes between the robot's links (not its tool's) and the parts near the move:
   * those whose sphere comes near a link's sphere, checked over the part of the move where one does.
   */
  private partChanges(robot: number, move: string, trajectory: JointTrajectory, toolQ: ArrayLike<number>, partsIn: (box: Box) => SweepPart[]): Change[] {
    let box = this.boxes.get(move);
    if (!box) {
      box = this.armBox(robot, trajectory, toolQ);
      this.boxes.set(move, box);
    }
    const candidates = partsIn(box);
    if (candidates.length === 0) return [];
    const pose = new Float64Array(POSE_FLOATS);
    const partCentres = (tau: number) => {
      const out = new Float64Array(candidates.length * 3);
      candidates.forEach((p, i) => {
        p.pose(tau, pose, 0);
        out.set(pose.subarray(0, 3), i * 3);
      });
      return out;
    };
    // Where the links come near parts lying still is the same for the same move and places.
    const still = candidates.every((p) => p.still);
    const nearKey = still ? `${move}|${candidates.map((p) => p.key).join(';')}` : null;
    let span = nearKey === null ? undefined : this.spans.get(nearKey);
    if (span === undefined) {
      span = nearSpan(
        (tau) => this.armCentres(robot, trajectory, tau, toolQ),
        this.armSpheres[robot]!.map((s) => s.radius),
        partCentres,
        candidates.map((p) => p.radius),
        trajectory.duration,
        this.dt,
      );
      if (nearKey !== null) {
        this.spans.set(nearKey, span);
        if (this.spans.size > PART_CACHE_SIZE) this.spans.delete(this.spans.keys().next().value!);
      }
    }
    if (!span) return [];
    const parts = candidates.filter((_, j) => span.near[j]);
    // Parts that move during the move never repeat their key: their results are not kept.
    const keep = parts.every((p) => p.still);
    const key = `${move}|${span.first}-${span.last}|${parts.map((p) => p.key).join(';')}`;
    // Kept with each part's name as its place in the list: another part at the same place gives the same contacts.
    const names = parts.map((p) => this.infos[p.id]!.name);
    const cached = keep ? this.partCache.get(key) : undefined;
    if (cached) {
      this.stats.replayed++;
      const rename = (n: string) => (n.startsWith('#') ? names[Number(n.slice(1))]! : n);
      return cached.map((c) => ({ ...c, a: rename(c.a), b: rename(c.b) }));
    }
    const changes = this.check(robot, trajectory, toolQ, parts, span);
    this.stats.partChecks++;
    if (keep) {
      const index = new Map(names.map((n, i) => [n, `#${i}`]));
      this.partCache.set(key, changes.map((c) => ({ ...c, a: index.get(c.a) ?? c.a, b: index.get(c.b) ?? c.b })));
      if (this.partCache.size > PART_CACHE_SIZE) this.partCache.delete(this.partCache.keys().next().value!);
    }
    return changes;
  }

  /** Centres of the spheres of robot `robot`'s links other than the tool's at trajectory time `tau`. */
  private armCentres(robot: number, trajectory: JointTrajectory, tau: number, toolQ: ArrayLike<number>): Float64Array {
    this.pose(robot, trajectory, tau, toolQ);
    const ids = this.arm[robot]!;
    const spheres = this.armSpheres[robot]!;
    const out = new Float64Array(ids.length * 3);
    ids.forEach((id, i) => sphereCenter(spheres[i]!, this.poses, id * POSE_FLOATS, out, i * 3));
    return out;
  }

  /** Frees the physics world. */
  free(): void {
    for (const w of this.worlds) w.free();
  }

  /** Poses robot `robot`'s links at trajectory time `tau` into the pose table. */
  private pose(robot: number, trajectory: JointTrajectory, tau: number, toolQ: ArrayLike<number>): void {
    const q = this.q[robot]!;
    trajectory.sample(Math.min(tau, trajectory.duration), q);
    this.rigs[robot]!.computePoses(q, toolQ, { poses: this.poses, slots: this.slots[robot]! });
  }

  /** The link origins of robot `robot` at trajectory time `tau` (x, y, z triples), in slot order. */
  private origins(robot: number, trajectory: JointTrajectory, tau: number, toolQ: ArrayLike<number>, links = this.slots[robot]!): Float64Array {
    this.pose(robot, trajectory, tau, toolQ);
    const out = new Float64Array(links.length * 3);
    links.forEach((id, i) => out.set(this.poses.subarray(id * POSE_FLOATS, id * POSE_FLOATS + 3), i * 3));
    return out;
  }

  /** The box the links other than the tool's sweep along a move. */
  private armBox(robot: number, trajectory: JointTrajectory, toolQ: ArrayLike<number>): Box {
    const radii = this.armSpheres[robot]!.map((s) => s.radius);
    return sweptBox((tau) => this.armCentres(robot, trajectory, tau, toolQ), radii, trajectory.duration);
  }

  /**
   * Checks a move in the robot's world: against the fixtures alone (no parts), or against
   * `parts`, added for the time of the check, over the grid steps of `span` (contacts with
   * fixtures are the other check's then).
   */
  private check(robot: number, trajectory: JointTrajectory, toolQ: ArrayLike<number>, parts: readonly SweepPart[], span: { first: number; last: number } | null): Change[] {
    const world = this.worlds[robot]!;
    const slots = this.slots[robot]!;
    const partPoses = new Float64Array(parts.length * POSE_FLOATS);
    for (const p of parts) {
      world.addBody(p.plan);
      world.setHeld(p.id, true);
    }
    try {
      return sweepWindow(
        {
          world,
          place: (tau) => {
            this.pose(robot, trajectory, tau, toolQ);
            for (let k = 0; k < slots.length; k++) world.setKinematicTarget(slots[k]!, this.poses, slots[k]! * POSE_FLOATS);
            parts.forEach((p, i) => {
              p.pose(tau, partPoses, i * POSE_FLOATS);
              world.setKinematicTarget(p.id, partPoses, i * POSE_FLOATS);
            });
          },
          points: (tau) => {
            const links = this.origins(robot, trajectory, tau, toolQ);
            if (parts.every((p) => p.still)) return links;
            // Parts riding a belt move too: their centres count towards the travel between checks.
            const out = new Float64Array(links.length + parts.length * 3);
            out.set(links);
            parts.forEach((p, i) => {
              p.pose(tau, partPoses, i * POSE_FLOATS);
              out.set(partPoses.subarray(i * POSE_FLOATS, i * POSE_FLOATS + 3), links.length + i * 3);
            });
            return out;
          },
          names: (a, b) => (parts.length === 0 || this.infos[a]!.kind === 'part' || this.infos[b]!.kind === 'part' ? linkFirst(this.infos, a, b) : null),
        },
        trajectory.duration,
        this.dt,
        MAX_TRAVEL,
        this.stats,
        span ?? undefined,
      );
    } finally {
      for (const p of parts) world.removeBody(p.id);
    }
  }
}

const round = (q: readonly number[]): string => q.map((v) => v.toFixed(9)).join(',');

/** Names of a pair, a robot link first (the lower id when both are links), as the physics engine reports them. */
export function linkFirst(infos: readonly BodyInfo[], a: number, b: number): [string, string] {
  const ia = infos[a]!, ib = infos[b]!;
  const first = ia.kind === 'link' && (ib.kind !== 'link' || a < b) ? ia : ib;
  return first === ia ? [ia.name, ib.name] : [ib.name, ia.name];
}
