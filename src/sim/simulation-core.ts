/**
 * The deterministic simulation engine: a cell document and its robot descriptions in, a fixed
 * step out. It runs the same in a worker, in Node (CLI, tests, benchmarks) and in the page.
 *
 * Each `step()` advances time by exactly `dt` (time = steps · dt, never accumulated):
 * 1. programs and equipment (program/controller.ts) make every transition due up to the end of
 *    the step, each at its exact time, and log them in the activity log;
 * 2. each robot's commanded joints are sampled at that time, forward kinematics poses its link
 *    bodies (kinematic: they push parts but nothing pushes them), and held parts follow the TCP;
 * 3. part sources due by then put their parts on the belts (seeded random intervals);
 * 4. accumulating belts stop or run by their sensors; the physics steps: belts move what lies on
 *    them, parts fall, slide and get pushed;
 * 5. touches between bodies become collision events stamped with the step's end time, parts
 *    crossing a sensor's curtain become sensor events (contact-events.ts), parts at a sink
 *    conveyor's end are finished.
 *
 * No wall clock and no Math.random: same cell, same seed → same numbers, in Node and in the
 * browser (the physics is Rapier's cross-platform deterministic build).
 */
import type { Cell, ConveyorItem } from '../model/cell';
import { startingParts } from '../model/part-items';
import type { BodyInfo } from './body-plan';
import { buildCellModel, type CellModel, type SimulationRobots } from './cell-model';
import { ActivityRecorder, sourceResourceId } from './activity';
import { CollisionFilter } from './collision-filter';
import { ContactEvents } from './contact-events';
import type { SimEvent } from './events';
import { Grippers } from './grippers';
import { JointDriver, LinearJointMove, type JointTrajectory } from './joint-motion';
import type { MeshVertexSource } from './link-shapes';
import { initialSourceState, partHalfExtents, partPlan, scheduleNext, spawnPose, type SourceState } from './parts';
import type { PhysicsFactory, PhysicsWorld } from './physics-port';
import { POSE_FLOATS } from './pose';
import { CellController } from './program/controller';
import { SimulationProgramHost } from './program-host';
import { Rng } from './rng';
import type { PartRecord } from './snapshot';

/** Options of a simulation. */
export interface SimulationOptions {
  /** Builds the physics world: physics/rapierPhysicsFactory, or a test double. */
  physics: PhysicsFactory;
  /** Overrides `cell.simulation.seed`. */
  seed?: number;
  /** Overrides `cell.simulation.dt` (s). */
  dt?: number;
  /** Vertices of collision meshes, for convex hulls (see link-shapes.ts). */
  meshVertices?: MeshVertexSource;
}

/** Gravity, m/s², world Z up. */
export const GRAVITY: [number, number, number] = [0, 0, -9.81];
/** Parts below this height (m) have left the world and are removed. */
export const REMOVE_BELOW = -2;

/** A robot at run time: its joint drivers, and whether its bodies need re-posing. */
export interface RobotRuntime {
  arm: JointDriver;
  tool: JointDriver;
  /** Pose the links at the next step even when no trajectory runs (a grip, a new target). */
  dirty: boolean;
}

/**
 * The stepping half of {@link Simulation}: construction, commands and the step loop. The
 * outputs (frames, hashes, snapshots) are in simulation.ts, which extends this class.
 */
export class SimulationCore {
  readonly dt: number;
  readonly seed: number;
  /** Things worth telling the user that did not stop the build (missing meshes, bare flanges). */
  readonly warnings: readonly string[];
  protected readonly model: CellModel;
  protected readonly physics: PhysicsWorld;
  protected readonly rng: Rng;
  protected readonly robots: RobotRuntime[];
  protected readonly grippers: Grippers;
  /** Robot programs, equipment and the activity log. */
  protected readonly controller: CellController;
  protected readonly programHost: SimulationProgramHost;
  protected readonly filter: CollisionFilter;
  /** Every part that ever existed, in id order: `parts[id − staticBodies]`. */
  protected parts: PartRecord[] = [];
  protected sources: SourceState[];
  /** The conveyors with a source, in the order of {@link sources} (looked up once, not per step). */
  private readonly sourceConveyors: ConveyorItem[];
  /** The activity log every resource reports to (robots, machines, operators, belts, sources). */
  protected readonly recorder: ActivityRecorder;
  protected steps = 0;
  protected events: SimEvent[] = [];
  protected readonly contacts: ContactEvents;
  /** The body table: static bodies first, then parts as they appear. Ids are indices. */
  protected readonly infos: BodyInfo[];
  /** Bodies that exist from the start and never go: floor, fixtures, robot links. */
  protected readonly staticBodies: number;
  /** World poses of the static bodies (fixtures: constant; links: set each step they move). */
  protected readonly poses: Float64Array;
  protected readonly scratchPose = new Float64Array(POSE_FLOATS);
  private readonly robotIndex = new Map<string, number>();

  constructor(cell: Cell, robots: SimulationRobots, options: SimulationOptions) {
    this.dt = options.dt ?? cell.simulation.dt;
    this.seed = options.seed ?? cell.simulation.seed;
    this.rng = new Rng(this.seed);
    this.model = buildCellModel(cell, robots, options.meshVertices);
    this.warnings = this.model.warnings;
    const { model } = this;
    this.poses = new Float64Array(model.bodies.length * POSE_FLOATS);
    model.bodies.forEach((b) => this.poses.set(b.pose, b.id * POSE_FLOATS));
    this.infos = model.infos;
    this.staticBodies = model.bodies.length - model.cellParts.length;
    const starting = startingParts(cell);
    this.parts = model.cellParts.map((id) => {
      const part = starting[id - this.staticBodies]!;
      return { id, name: part.id, spec: { shape: part.shape, mass: part.mass, ...(part.friction !== undefined ? { friction: part.friction } : {}) }, source: null, removed: false };
    });
    this.filter = new CollisionFilter(this.infos, model.ignoredPairs);
    this.physics = options.physics({
      dt: this.dt,
      gravity: GRAVITY,
      bodies: model.bodies,
      belts: model.belts,
      reportable: (a, b) => this.filter.reportable(a, b),
    });
    this.robots = model.rigs.map((rig, i) => {
      this.robotIndex.set(rig.id, i);
      return { arm: new JointDriver(rig.initialQ), tool: new JointDriver(rig.toolOpen), dirty: false };
    });
    this.grippers = new Grippers(this.physics, (id) => this.infos[id]?.name ?? `#${id}`, (id) => this.partHalf(id));
    this.sourceConveyors = model.conveyors.filter((c) => c.item.source).map((c) => c.item);
    this.sources = this.sourceConveyors.map((c) => initialSourceState(c));
    this.contacts = new ContactEvents(model.conveyors.filter((c) => c.item.sensor).map((c) => c.body));
    const recorder = new ActivityRecorder();
    this.recorder = recorder;
    for (const c of this.sourceConveyors) recorder.enter(sourceResourceId(c.id), 'source', (c.source!.start ?? 0) > 0 ? 'idle' : 'supplying', 0);
    this.programHost = new SimulationProgramHost({
      rigs: model.rigs,
      robots: this.robots,
      grippers: this.grippers,
      physics: this.physics,
      contacts: this.contacts,
      recorder,
      infos: this.infos,
      parts: () => this.parts,
      staticBodies: this.staticBodies,
      conveyorBody: (id) => model.conveyors.find((c) => c.item.id === id)?.body,
      emit: (e) => this.events.push(e),
    });
    try {
      this.controller = new CellController(cell, model, this.programHost, recorder);
    } catch (e) {
      // The physics world is built by now; a cell whose programs cannot run must not leak it.
      this.physics.free();
      throw e;
    }
    this.controller.start();
  }

  /** Simulated time (s). */
  get time(): number {
    return this.steps * this.dt;
  }

  /** Steps taken since the start. */
  get stepCount(): number {
    return this.steps;
  }

  /** Ids of the robot items, in document order. */
  robotIds(): string[] {
    return this.model.rigs.map((r) => r.id);
  }

  /** Advances `n` steps of `dt`. */
  step(n = 1): void {
    for (let i = 0; i < n; i++) this.stepOnce();
  }

  /** Steps until the simulated time reaches `time` (s) or just passes it; returns the steps taken. */
  runUntil(time: number): number {
    // The step count is computed, not accumulated, so 60 s at 1/240 s is exactly 14,400 steps
    // (the 1e-9 absorbs the rounding of time / dt for times on the step grid).
    const target = Math.ceil(time / this.dt - 1e-9);
    const before = this.steps;
    while (this.steps < target) this.stepOnce();
    return this.steps - before;
  }

  /**
   * Moves `robot`'s joints straight to `q` (rad or m, the arm's inputs in tree order), the slowest
   * joint at its velocity limit × `speed`; returns the move's duration (s). Replaces any motion
   * in progress. Throws RangeError for a wrong length or a value outside a joint's limits.
   */
  setJointTargets(robot: string, q: ArrayLike<number>, options: { speed?: number } = {}): number {
    return this.startMove(robot, q, options.speed ?? 1, this.time);
  }

  /** Follows a trajectory from the motion layer, starting now; its samples are the arm's inputs. */
  followTrajectory(robot: string, trajectory: JointTrajectory): void {
    const r = this.runtime(robot);
    r.arm.follow(trajectory, this.time);
    r.dirty = true;
  }

  /** Picks the part at `robot`'s tool frame; returns its name, or null when none is in reach. */
  grip(robot: string, time = this.time): string | null {
    const r = this.runtime(robot);
    const event = this.grippers.grip(this.rigOf(robot), r.tool, time);
    this.events.push(event);
    r.dirty = true;
    return event.type === 'pick' ? event.part : null;
  }

  /** Releases what `robot` holds; returns the part's name, or null when it held nothing. */
  release(robot: string, time = this.time): string | null {
    const r = this.runtime(robot);
    const event = this.grippers.release(this.rigOf(robot), r.tool, time);
    r.dirty = true;
    if (event) this.events.push(event);
    return event?.part ?? null;
  }

  /** The events since the last call, oldest first. */
  drainEvents(): SimEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Releases the physics engine's memory. The simulation is unusable afterwards. */
  free(): void {
    this.physics.free();
  }

  protected rigOf(robot: string) {
    const i = this.robotIndex.get(robot);
    if (i === undefined) throw new Error(`no robot "${robot}" in the cell (robots: ${this.robotIds().join(', ') || 'none'})`);
    return this.model.rigs[i]!;
  }

  protected runtime(robot: string): RobotRuntime {
    this.rigOf(robot);
    return this.robots[this.robotIndex.get(robot)!]!;
  }

  protected partHalf(id: number): [number, number, number] {
    const p = this.parts[id - this.staticBodies];
    return p ? partHalfExtents(p.spec) : [0, 0, 0];
  }

  private startMove(robot: string, q: ArrayLike<number>, speed: number, start: number): number {
    const rig = this.rigOf(robot);
    const r = this.runtime(robot);
    if (q.length !== rig.dof) throw new RangeError(`${robot}: expected ${rig.dof} joint values, got ${q.length}`);
    if (!(speed > 0 && speed <= 1)) throw new RangeError(`${robot}: speed must be in (0, 1], got ${speed}`);
    for (let i = 0; i < rig.dof; i++) {
      const v = q[i]!;
      if (!(v >= rig.lower[i]! - 1e-9 && v <= rig.upper[i]! + 1e-9)) {
        const name = rig.arm.inputJoints[i]?.name ?? `#${i}`;
        throw new RangeError(`${robot}: joint ${name} = ${v} is outside its limits [${rig.lower[i]}, ${rig.upper[i]}]`);
      }
    }
    r.arm.advance(start);
    const move = LinearJointMove.plan(r.arm.q, q, rig.speed, speed);
    r.arm.follow(move, start);
    r.dirty = true;
    return move.duration;
  }

  private stepOnce(): void {
    const tNow = this.steps * this.dt;
    const tNext = (this.steps + 1) * this.dt;
    this.controller.advance(tNow, tNext);
    this.poseRobots(tNext);
    this.feedSources(tNext);
    this.controller.conveyors.update((body) => this.contacts.occupied(body), tNow);
    this.physics.step();
    this.steps++;
    this.contacts.collect(this.physics, tNext, this.dt, this.infos, this.grippers, this.events);
    for (const [part, sink] of this.controller.conveyors.arrivals(this.programHost)) this.programHost.finishPart(part, tNext, sink, true);
    if (this.steps % 32 === 0) this.programHost.removeBelow(REMOVE_BELOW, tNext);
  }

  private poseRobots(t: number): void {
    const { rigs, rigSlots } = this.model;
    for (let i = 0; i < rigs.length; i++) {
      const r = this.robots[i]!;
      const slots = rigSlots[i]!;
      const moved = r.dirty || r.arm.moving || r.tool.moving;
      if (!moved) {
        // Idle for a whole step now (its last target reached, its velocity back to zero). Asked
        // every idle step, since the engine wakes bodies that are new or that a part touches.
        for (let k = 0; k < slots.length; k++) this.physics.settle(slots[k]!);
        const held = this.grippers.heldBy(rigs[i]!.id);
        if (held !== null) this.physics.settle(held);
        continue;
      }
      r.arm.advance(t);
      r.tool.advance(t);
      r.dirty = false;
      const rig = rigs[i]!;
      rig.computePoses(r.arm.q, r.tool.q, { poses: this.poses, slots });
      for (let k = 0; k < slots.length; k++) this.physics.setKinematicTarget(slots[k]!, this.poses, slots[k]! * POSE_FLOATS);
      this.grippers.poseHeld(rig);
    }
  }

  private feedSources(t: number): void {
    for (let k = 0; k < this.sources.length; k++) {
      // Snapshots keep the sources in this order, so the k-th state is the k-th conveyor's.
      const s = this.sources[k]!;
      const conveyor = this.sourceConveyors[k]!;
      const source = conveyor.source!;
      if (s.next > t || (source.count !== undefined && s.made >= source.count)) continue;
      const resource = sourceResourceId(conveyor.id);
      const pose = spawnPose(conveyor, source, this.rng);
      const half = partHalfExtents(source.part);
      // Wait while the spot is taken (the belt stopped, or the last part has not moved on).
      if (this.physics.boxOverlapsPart([half[0] + 0.002, half[1] + 0.002, half[2]], pose)) {
        this.recorder.enter(resource, 'source', 'blocked', t);
        continue;
      }
      s.made++;
      const finished = source.count !== undefined && s.made >= source.count;
      this.recorder.enter(resource, 'source', finished ? 'idle' : 'supplying', t);
      const id = this.infos.length;
      const name = `${conveyor.id}/part-${s.made}`;
      const spec = source.part;
      this.parts.push({ id, name, spec, source: conveyor.id, removed: false });
      this.infos.push({ id, name, kind: 'part', item: name, link: null });
      this.physics.addBody(partPlan(id, name, spec, pose));
      this.events.push({ type: 'part-created', time: t, part: name, source: conveyor.id });
      scheduleNext(s, source, t, this.rng);
    }
  }
}
