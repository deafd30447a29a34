/**
 * The Rapier adapter: a {@link PhysicsWorld} on a Rapier world. It owns the world, its event
 * queue and every `.free()`; the simulation talks to it in body ids only.
 *
 * Bodies: fixtures are fixed bodies; robot links (and parts while a gripper holds them) are
 * kinematic position-based bodies, moved by `setNextKinematicTranslation/Rotation` so that
 * Rapier gives them the velocity of that motion and they push parts realistically; parts are
 * dynamic. Belts: before each step, every dynamic body touching a belt gets the belt's velocity
 * along the belt (its velocity along the belt normal, from gravity and contacts, is kept, and
 * its spin about the normal is stopped, as a real belt's friction would). The belt itself is
 * frictionless, so nothing slows the part during the step: it moves at belt speed exactly,
 * rather than creeping at a friction-limited speed as with a moving kinematic belt.
 */
import type { BodyKind, BodyPlan } from '../sim/body-plan';
import type { BeltPlan, PartHit, PhysicsSetup, PhysicsSnapshot, PhysicsWorld } from '../sim/physics-port';
import { ColliderFactory } from './colliders';
import { ContactTracker, type ContactState } from './contacts';
import type { Rapier } from './rapier';

type World = InstanceType<Rapier['World']>;
type RigidBody = InstanceType<Rapier['RigidBody']>;
type Collider = InstanceType<Rapier['Collider']>;

/** A contact closer than this (m) counts as lying on a belt. */
const BELT_CONTACT = 0.002;

/** What the adapter keeps besides Rapier's own snapshot. */
interface AdapterState {
  handles: (number | null)[];
  kinds: BodyKind[];
  contacts: ContactState;
}

/** A physics world on Rapier. Build it with {@link createRapierPhysics}. */
export class RapierPhysics implements PhysicsWorld {
  private world: World;
  private readonly events: InstanceType<Rapier['EventQueue']>;
  private readonly colliders: ColliderFactory;
  private readonly contacts = new ContactTracker();
  /** Rigid-body handle per body id (null once removed). */
  private handles: (number | null)[] = [];
  private kinds: BodyKind[] = [];
  private bodyByHandle = new Map<number, number>();
  /** Belt collider handle → belt; sensor collider handle → its body. Fixed: same after restore. */
  private readonly belts = new Map<number, BeltPlan>();
  private readonly sensors = new Map<number, number>();
  private readonly sensorEvents: [number, number, boolean][] = [];

  constructor(
    private readonly R: Rapier,
    private readonly setup: PhysicsSetup,
  ) {
    const [gx, gy, gz] = setup.gravity;
    this.world = new R.World({ x: gx, y: gy, z: gz });
    this.world.timestep = setup.dt;
    this.events = new R.EventQueue(true);
    this.colliders = new ColliderFactory(R);
    for (const plan of setup.bodies) this.addBody(plan);
  }

  addBody(plan: BodyPlan): RigidBody {
    const R = this.R;
    const desc = plan.kind === 'fixture' ? R.RigidBodyDesc.fixed() : plan.kind === 'link' ? R.RigidBodyDesc.kinematicPositionBased() : R.RigidBodyDesc.dynamic();
    const p = plan.pose;
    desc.setTranslation(p[0]!, p[1]!, p[2]!).setRotation({ x: p[3]!, y: p[4]!, z: p[5]!, w: p[6]! });
    const body = this.world.createRigidBody(desc);
    for (const c of plan.colliders) {
      const cd = this.colliders.create(c, plan.kind, plan.mass);
      if (!cd) continue;
      const collider = this.world.createCollider(cd, body);
      const belt = c.role === 'belt' ? this.setup.belts.find((b) => b.body === plan.id) : undefined;
      if (belt) this.belts.set(collider.handle, belt);
      if (c.role === 'sensor') this.sensors.set(collider.handle, plan.id);
    }
    this.handles[plan.id] = body.handle;
    this.kinds[plan.id] = plan.kind;
    this.bodyByHandle.set(body.handle, plan.id);
    return body;
  }

  removeBody(id: number): void {
    const body = this.body(id);
    if (!body) return;
    this.contacts.dropBody(id);
    this.bodyByHandle.delete(body.handle);
    this.world.removeRigidBody(body);
    this.handles[id] = null;
  }

  setKinematicTarget(id: number, poses: Float64Array, o: number): void {
    const body = this.body(id);
    if (!body) return;
    // Wakes a settled body by itself (Rapier wakes a kinematic body given a next pose).
    body.setNextKinematicTranslation({ x: poses[o]!, y: poses[o + 1]!, z: poses[o + 2]! });
    body.setNextKinematicRotation({ x: poses[o + 3]!, y: poses[o + 4]!, z: poses[o + 5]!, w: poses[o + 6]! });
  }

  settle(id: number): void {
    // Sleeping kinematic bodies skip the solver and the narrow phase: an idle robot's links
    // otherwise cost most of a step (measured on the default cell: ~60 µs → ~10 µs).
    const body = this.body(id);
    if (body && !body.isSleeping()) body.sleep();
  }

  setHeld(id: number, held: boolean): void {
    const T = this.R.RigidBodyType;
    this.body(id)?.setBodyType(held ? T.KinematicPositionBased : T.Dynamic, true);
  }

  step(): void {
    for (const [handle, belt] of this.belts) this.driveBelt(handle, belt);
    this.world.step(this.events);
    this.events.drainCollisionEvents((h1, h2, started) => this.onCollisionEvent(h1, h2, started));
    this.contacts.update(this.world);
  }

  drainContacts(callback: (a: number, b: number, touching: boolean) => void): void {
    this.contacts.drain(callback);
  }

  drainSensors(callback: (sensor: number, part: number, entered: boolean) => void): void {
    for (const [s, p, e] of this.sensorEvents) callback(s, p, e);
    this.sensorEvents.length = 0;
  }

  readPose(id: number, out: Float64Array, o: number): void {
    const body = this.body(id);
    if (!body) throw new Error(`body ${id} does not exist`);
    const t = body.translation();
    const r = body.rotation();
    out[o] = t.x; out[o + 1] = t.y; out[o + 2] = t.z;
    out[o + 3] = r.x; out[o + 4] = r.y; out[o + 5] = r.z; out[o + 6] = r.w;
  }

  nearestPart(x: number, y: number, z: number, maxDistance: number): PartHit | null {
    const F = this.R.QueryFilterFlags;
    // Dynamic bodies only: links are kinematic, and so are parts already held.
    const hit = this.world.projectPoint({ x, y, z }, true, F.ONLY_DYNAMIC | F.EXCLUDE_SENSORS, undefined, undefined, undefined, (c) => this.isPart(c));
    if (!hit) return null;
    const distance = hit.isInside ? 0 : Math.hypot(hit.point.x - x, hit.point.y - y, hit.point.z - z);
    const id = this.bodyOf(hit.collider);
    return distance <= maxDistance && id !== undefined ? { id, distance } : null;
  }

  boxOverlapsPart(half: readonly [number, number, number], p: Float64Array): boolean {
    let found = false;
    const shape = new this.R.Cuboid(half[0], half[1], half[2]);
    const F = this.R.QueryFilterFlags;
    this.world.intersectionsWithShape({ x: p[0]!, y: p[1]!, z: p[2]! }, { x: p[3]!, y: p[4]!, z: p[5]!, w: p[6]! }, shape, () => {
      found = true;
      return false;
    }, F.EXCLUDE_FIXED | F.EXCLUDE_SENSORS, undefined, undefined, undefined, (c) => this.isPart(c));
    return found;
  }

  snapshot(): PhysicsSnapshot {
    const adapter: AdapterState = { handles: [...this.handles], kinds: [...this.kinds], contacts: this.contacts.save() };
    return { world: this.world.takeSnapshot(), adapter };
  }

  restore(snapshot: PhysicsSnapshot): void {
    const state = snapshot.adapter as AdapterState;
    const world = this.R.World.restoreSnapshot(snapshot.world);
    if (!world) throw new Error('Rapier could not read the snapshot');
    this.world.free();
    this.world = world;
    this.events.clear();
    this.handles = [...state.handles];
    this.kinds = [...state.kinds];
    this.bodyByHandle = new Map();
    this.handles.forEach((h, id) => h !== null && h !== undefined && this.bodyByHandle.set(h, id));
    this.contacts.load(state.contacts);
    this.sensorEvents.length = 0;
  }

  free(): void {
    this.world.free();
    this.events.free();
  }

  private body(id: number): RigidBody | null {
    const h = this.handles[id];
    return h === null || h === undefined ? null : this.world.getRigidBody(h);
  }

  private bodyOf(c: Collider): number | undefined {
    const parent = c.parent();
    return parent ? this.bodyByHandle.get(parent.handle) : undefined;
  }

  private isPart(c: Collider): boolean {
    const id = this.bodyOf(c);
    return id !== undefined && this.kinds[id] === 'part';
  }

  private onCollisionEvent(h1: number, h2: number, started: boolean): void {
    const c1 = this.world.getCollider(h1);
    const c2 = this.world.getCollider(h2);
    const sensor = this.sensors.get(h1) ?? this.sensors.get(h2);
    if (sensor !== undefined) {
      const other = this.sensors.has(h1) ? c2 : c1;
      const part = other ? this.bodyOf(other) : undefined;
      if (part !== undefined && this.kinds[part] === 'part') this.sensorEvents.push([sensor, part, started]);
      return;
    }
    if (!started) {
      this.contacts.stopped(h1, h2);
      return;
    }
    const a = c1 ? this.bodyOf(c1) : undefined;
    const b = c2 ? this.bodyOf(c2) : undefined;
    if (a === undefined || b === undefined || !this.setup.reportable(a, b)) return;
    this.contacts.started(h1, h2, a, b);
  }

  /** Gives every dynamic body lying on the belt the belt's velocity (see the module comment). */
  private driveBelt(handle: number, belt: BeltPlan): void {
    const beltCollider = this.world.getCollider(handle);
    const [dx, dy, dz] = belt.direction;
    const [nx, ny, nz] = belt.normal;
    this.world.contactPairsWith(beltCollider, (other) => {
      const body = other.parent();
      if (!body || !body.isDynamic()) return;
      let onBelt = false;
      this.world.contactPair(beltCollider, other, (m) => {
        for (let k = 0; k < m.numContacts() && !onBelt; k++) onBelt = m.contactDist(k) <= BELT_CONTACT;
      });
      if (!onBelt) return;
      const v = body.linvel();
      const vn = v.x * nx + v.y * ny + v.z * nz;
      const s = belt.speed;
      body.setLinvel({ x: dx * s + nx * vn, y: dy * s + ny * vn, z: dz * s + nz * vn }, true);
      const w = body.angvel();
      const wn = w.x * nx + w.y * ny + w.z * nz;
      body.setAngvel({ x: w.x - nx * wn, y: w.y - ny * wn, z: w.z - nz * wn }, true);
    });
  }
}

/** A {@link PhysicsFactory} on Rapier; call {@link initRapier} first and pass its module. */
export function rapierPhysicsFactory(R: Rapier): (setup: PhysicsSetup) => PhysicsWorld {
  return (setup) => new RapierPhysics(R, setup);
}
