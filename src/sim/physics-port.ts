/**
 * What the simulation needs from a physics engine, as an interface, because the layers point
 * down: sim/ sits below physics/ (docs/ARCHITECTURE.md, "Layers"), so the Rapier adapter in physics/
 * implements this and whoever wires the two (physics/create-simulation.ts, a worker, a test)
 * passes a factory in. The simulation never imports Rapier itself.
 *
 * Bodies are named by their id in the simulation's body table. Every pose is 7 numbers
 * [x, y, z, qx, qy, qz, qw] at an offset in a Float64Array.
 */
import type { BodyPlan } from './body-plan';

/** A conveyor belt the physics drives: its body, speed (m/s) and world directions. */
export interface BeltPlan {
  body: number;
  /**
   * Belt speed (m/s). The simulation changes it between steps (an accumulating conveyor stops
   * while its sensor is occupied), so an adapter reads it from this object at every step.
   */
  speed: number;
  /** Unit vector of the conveyor's +x axis in the world: the running direction. */
  direction: [number, number, number];
  /** Unit vector of the conveyor's +z axis in the world: the belt's normal. */
  normal: [number, number, number];
}

/** Everything the physics world is built from. */
export interface PhysicsSetup {
  /** Fixed step (s). */
  dt: number;
  /** Gravity (m/s²), world frame. */
  gravity: [number, number, number];
  bodies: readonly BodyPlan[];
  belts: readonly BeltPlan[];
  /**
   * Whether a contact between two bodies may be a collision (the simulation's static filter).
   * Asked once when a pair comes close, so the adapter only tracks pairs that can matter.
   */
  reportable(a: number, b: number): boolean;
}

/** The physics engine's part of a snapshot: opaque to the simulation, but plain data. */
export interface PhysicsSnapshot {
  /** The engine's serialized world. */
  world: Uint8Array;
  /** Anything else the adapter keeps (handle tables, tracked pairs), as plain data. */
  adapter: unknown;
}

/** The nearest part found by a query. */
export interface PartHit {
  id: number;
  /** Distance (m) from the query point to the part's surface; 0 when the point is inside. */
  distance: number;
}

/** A physics world, built from a {@link PhysicsSetup}. */
export interface PhysicsWorld {
  /** Adds a body (parts appear during a run). */
  addBody(plan: BodyPlan): void;
  /** Removes a body for good. */
  removeBody(id: number): void;
  /** Where kinematic body `id` must be at the end of the next step. */
  setKinematicTarget(id: number, poses: Float64Array, offset: number): void;
  /**
   * Tells the engine kinematic body `id` stays where it is until its next target, so it can skip
   * the body (put it to sleep) meanwhile. Called every step a robot is idle; an idle robot then
   * costs next to nothing per step.
   */
  settle(id: number): void;
  /** Makes a part kinematic while a gripper holds it, dynamic again when released. */
  setHeld(id: number, held: boolean): void;
  /** Advances one step: belts set the speed of what lies on them, then the engine steps. */
  step(): void;
  /**
   * Reports each change of contact in the last step between two bodies the setup's
   * `reportable` accepted: `touching` true when their shapes came to touch or overlap
   * (distance ≤ 0 at the end of the step), false when they came apart.
   */
  drainContacts(callback: (a: number, b: number, touching: boolean) => void): void;
  /**
   * Reports each part that entered (true) or left (false) a sensor collider of body `sensor`
   * in the last step. Engines (Rapier included) test sensor overlaps on the poses at the start
   * of the step, so the simulation stamps these with the step's start time.
   */
  drainSensors(callback: (sensor: number, part: number, entered: boolean) => void): void;
  /** Writes body `id`'s current world pose at `out[offset … offset + 6]`. */
  readPose(id: number, out: Float64Array, offset: number): void;
  /** The part nearest to a point within `maxDistance`, skipping held ones; null when none. */
  nearestPart(x: number, y: number, z: number, maxDistance: number): PartHit | null;
  /** True when a box (half extents, world pose) overlaps any part. */
  boxOverlapsPart(half: readonly [number, number, number], pose: Float64Array): boolean;
  /** The whole physical state, plain data. */
  snapshot(): PhysicsSnapshot;
  /** Replaces the state with a snapshot taken from a world built from the same setup. */
  restore(snapshot: PhysicsSnapshot): void;
  /** Releases the engine's memory. The world is unusable afterwards. */
  free(): void;
}

/** Builds a physics world. */
export type PhysicsFactory = (setup: PhysicsSetup) => PhysicsWorld;
