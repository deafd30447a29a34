/**
 * The events engine: a next-event simulation of a cell. One scheduler (scheduler.ts) is the
 * master clock; time jumps from event to event:
 *
 * - the controller's agents (robot programs, machines, pallets; program/controller.ts) say when
 *   they next act — a move's end, a process's end — and act at exactly that time;
 * - sources put parts on their belts at their (seeded random) arrival times;
 * - lanes (lanes.ts) say when a part next reaches a sensor's curtain, leaves it, or reaches the
 *   end of a belt;
 * - released parts land at their computed time (part-world.ts);
 * - a robot waiting to pick from a moving belt is woken when the next part comes within reach.
 *
 * Handlers live in a table keyed by event kind and see only a narrow context. A waiting program
 * is retried only when what it waits for changes (controller.ts wakeOnChange: a signal, a zone,
 * a station or pallet, a belt's sensor, the parts, a part on a belt reaching its gripper), so
 * robots waiting on other things cost nothing per event; between events nothing is computed at
 * all. Robot poses
 * are the motion layer's analytic trajectories, sampled only when someone asks (a grip, a
 * frame). The same seed gives the same run.
 */
import type { Cell, ConveyorItem } from '../../model/cell';
import { startingParts } from '../../model/part-items';
import { mat4Create, mat4FromXyzRpy } from '../../kinematics/mat4';
import { ActivityRecorder, sourceResourceId } from '../activity';
import type { BodyInfo } from '../body-plan';
import { buildCellModel, type CellModel, type SimulationRobots } from '../cell-model';
import type { SimEvent } from '../events';
import { LinearJointMove, type JointTrajectory } from '../joint-motion';
import type { MeshVertexSource } from '../link-shapes';
import { initialSourceState, partHalfExtents, scheduleNext, spawnPose, type PartSpec, type SourceState } from '../parts';
import { mat4FromPose } from '../pose';
import { CellController } from '../program/controller';
import { Rng } from '../rng';
import { EventsProgramHost } from './events-host';
import { laneModel, laneState, nextLaneEvent, spotClearIn, syncLane, type LaneModel, type LaneOutcome } from './lanes';
import { PartWorld } from './part-world';
import { watchTime } from './pick-watch';
import { robotRuntime, tcpAt, type RobotRuntime } from './robot-runtime';
import { EventQueue } from './scheduler';
import { CollisionSweep } from './collision-sweep';
import { partsNear } from './sweep-parts';
import { RobotPairSweep, type PendingPairEvent, type RobotMotionNow } from './robot-pair-sweep';
import { partPlan } from '../parts';
import { CollisionFilter } from '../collision-filter';
import type { PhysicsFactory } from '../physics-port';
import { buildSupports } from './supports';

/** Options of the events engine. */
export interface EventEngineOptions {
  /** Overrides `cell.simulation.seed`. */
  seed?: number;
  /** Overrides `cell.simulation.dt`: here only the grid `step()` and frames count in. */
  dt?: number;
  meshVertices?: MeshVertexSource;
  /**
   * A physics engine for the collision checks along robot moves (collision-sweep.ts); without
   * one, no collisions are checked.
   */
  physics?: PhysicsFactory;
}

/** What the scheduler holds (plain data). */
export type EngineEvent =
  | { kind: 'source'; source: number }
  | { kind: 'lane'; lane: number; version: number }
  | { kind: 'land'; part: number }
  | { kind: 'wake'; robot: number };

/** Collision events found ahead of their time: along robots' own moves, and between robots. */
export interface CollisionsAhead {
  moves: SimEvent[];
  pairs: PendingPairEvent[];
}

/** A source's state: the physics engine's, plus whether it waits for its spot. */
export interface EventSourceState extends SourceState {
  blocked: boolean;
}

/** What event handlers reach. */
interface HandlerContext {
  feedSource(k: number, t: number): void;
  wakeRobot(robot: number, t: number): void;
  laneEvent(lane: number, version: number, t: number): void;
  land(part: number, t: number): void;
}

/** The handler of each event kind. */
const HANDLERS: { [K in EngineEvent['kind']]: (ctx: HandlerContext, e: Extract<EngineEvent, { kind: K }>, t: number) => void } = {
  source: (ctx, e, t) => ctx.feedSource(e.source, t),
  lane: (ctx, e, t) => ctx.laneEvent(e.lane, e.version, t),
  land: (ctx, e, t) => ctx.land(e.part, t),
  // A part on a belt reaches a waiting gripper: that robot's program is retried.
  wake: (ctx, e, t) => ctx.wakeRobot(e.robot, t),
};

/** Events at one instant before the run is taken to be stuck in a zero-time loop. */
const MAX_EVENTS_AT_ONE_TIME = 200_000;

/** The events engine (see the module comment). Outputs (frames, hashes) are in event-simulation.ts. */
export class EventEngine implements HandlerContext {
  readonly dt: number;
  readonly seed: number;
  readonly warnings: readonly string[];
  protected readonly model: CellModel;
  protected readonly rng: Rng;
  protected readonly robots: RobotRuntime[];
  protected readonly controller: CellController;
  protected readonly recorder = new ActivityRecorder();
  protected readonly world: PartWorld;
  protected readonly lanes: LaneModel[];
  protected readonly queue = new EventQueue<EngineEvent>();
  protected readonly infos: BodyInfo[];
  protected readonly staticBodies: number;
  protected sources: EventSourceState[];
  protected readonly sourceConveyors: ConveyorItem[];
  /** Lane of each source. */
  private readonly sourceLane: number[];
  protected events: SimEvent[] = [];
  protected now = 0;
  /** Per lane: the version its pending lane event was computed for (−1: none). */
  private readonly laneScheduled: number[];
  /** Per robot: when a wake is scheduled for a waiting pick (−1: none). */
  private readonly wakeAt: number[];
  private readonly laneIndex = new Map<string, number>();
  private readonly m = mat4Create();
  /** Collision checks along moves, when a physics engine was given. */
  protected readonly sweep: CollisionSweep | null;
  /** Robot-against-robot checks, when a physics engine was given and the cell has two robots or more. */
  protected readonly pairs: RobotPairSweep | null;
  /** Per robot: the move it started last and when (null: none known, it stands where it is). */
  private motions: ({ trajectory: JointTrajectory; start: number } | null)[];
  /** Collision events found ahead of time, by time, not yet due. */
  private pendingCollisions: SimEvent[] = [];

  constructor(cell: Cell, robots: SimulationRobots, options: EventEngineOptions = {}) {
    this.dt = options.dt ?? cell.simulation.dt;
    this.seed = options.seed ?? cell.simulation.seed;
    this.rng = new Rng(this.seed);
    this.model = buildCellModel(cell, robots, options.meshVertices);
    this.warnings = this.model.warnings;
    const model = this.model;
    this.infos = model.infos.slice(0, model.bodies.length - model.cellParts.length);
    this.staticBodies = this.infos.length;
    // On the engine's body table, which grows as parts appear: the collision checks ask about parts too.
    const filter = new CollisionFilter(this.infos, this.model.ignoredPairs);
    this.robots = model.rigs.map((rig) => robotRuntime(rig));
    this.lanes = model.conveyors.map((c) => laneModel(c));
    this.lanes.forEach((l, i) => this.laneIndex.set(l.conveyor, i));
    this.laneScheduled = this.lanes.map(() => -1);
    this.wakeAt = this.robots.map(() => -1);
    const supports = buildSupports(model.bodies, (body) => this.lanes.findIndex((l) => l.body === body));
    this.world = new PartWorld(
      this.staticBodies,
      this.lanes,
      supports,
      {
        tcp: (robot, t, out) => tcpAt(model.rigs[robot]!, this.robots[robot]!, t, out),
        laneChanged: (lane, outcome, t) => this.laneChanged(lane, outcome, t),
        landAt: (part, time) => this.queue.push(time, { kind: 'land', part }),
      },
      this.lanes.map(() => laneState()),
    );
    this.sourceConveyors = model.conveyors.filter((c) => c.item.source).map((c) => c.item);
    this.sourceLane = this.sourceConveyors.map((c) => this.laneIndex.get(c.id)!);
    this.sources = this.sourceConveyors.map((c) => ({ ...initialSourceState(c), blocked: false }));
    for (const c of this.sourceConveyors) this.recorder.enter(sourceResourceId(c.id), 'source', (c.source!.start ?? 0) > 0 ? 'idle' : 'supplying', 0);
    this.sweep = options.physics
      ? new CollisionSweep(options.physics, model.bodies.slice(0, this.staticBodies), this.infos, model.rigs, model.rigSlots, (a, b) => filter.reportable(a, b), this.dt)
      : null;
    this.pairs =
      options.physics && model.rigs.length > 1
        ? new RobotPairSweep(options.physics, model.bodies.slice(0, this.staticBodies), this.infos, model.rigs, model.rigSlots, (a, b) => filter.reportable(a, b), this.dt)
        : null;
    this.motions = model.rigs.map(() => null);
    const host = new EventsProgramHost({
      rigs: model.rigs,
      robots: this.robots,
      world: this.world,
      recorder: this.recorder,
      laneOf: (id) => this.laneIndex.get(id) ?? -1,
      emit: (e) => this.events.push(e),
      partsChanged: (time) => this.controller.notify('parts', time),
      moved: (robot, trajectory, time) => this.checkMove(robot, trajectory, time),
    });
    this.controller = new CellController(cell, model, host, this.recorder);
    this.controller.wakeOnChange();
    this.controller.start();
    // The cell's own parts drop onto whatever is under them (a belt makes them lane parts).
    const starting = startingParts(cell);
    model.cellParts.forEach((id, k) => {
      const part = starting[k]!;
      const spec = { shape: part.shape, mass: part.mass, ...(part.friction !== undefined ? { friction: part.friction } : {}) };
      this.addPart(part.id, spec, null);
      this.world.drop(id, mat4FromXyzRpy(mat4Create(), part.pose.xyz, part.pose.rpy), 0);
    });
    this.sources.forEach((s, k) => {
      if (this.sourceConveyors[k]!.source!.count !== 0) this.queue.push(s.next, { kind: 'source', source: k });
    });
  }

  /** Simulated time (s). */
  get time(): number {
    return this.now;
  }

  /** Frames of `dt` since the start (the events engine has no steps; this is time / dt). */
  get stepCount(): number {
    return Math.round(this.now / this.dt);
  }

  /** Ids of the robot items, in document order. */
  robotIds(): string[] {
    return this.model.rigs.map((r) => r.id);
  }

  /** Advances `n` frames of `dt`. */
  step(n = 1): void {
    this.runUntil((this.stepCount + n) * this.dt);
  }

  /** Runs every event up to and including `time` (s); the clock then reads `time`. Returns the frames advanced. */
  runUntil(time: number): number {
    const before = this.stepCount;
    let last = -1;
    let sameTime = 0;
    for (;;) {
      const t = Math.min(this.controllerDue(), this.queue.peekTime());
      if (!(t <= time)) break;
      if (t === last) {
        if (++sameTime > MAX_EVENTS_AT_ONE_TIME) throw new Error(`the events engine is stuck at ${t} s: events keep coming without time passing`);
      } else sameTime = 0;
      last = t;
      this.now = Math.max(this.now, t);
      this.flushCollisions(this.now);
      while (this.queue.peekTime() <= t) {
        const e = this.queue.pop()!;
        (HANDLERS[e.event.kind] as (ctx: HandlerContext, e: EngineEvent, t: number) => void)(this, e.event, this.now);
      }
      this.controller.advance(this.now, this.now);
      this.watchPicks(this.now);
    }
    if (time > this.now) this.now = time;
    this.flushCollisions(this.now);
    return this.stepCount - before;
  }

  /** The events since the last call, oldest first. */
  drainEvents(): SimEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Moves `robot`'s joints straight to `q` at the slowest joint's limit × `speed`; returns the duration. */
  setJointTargets(robot: string, q: ArrayLike<number>, options: { speed?: number } = {}): number {
    const i = this.robotIndex(robot);
    const rig = this.model.rigs[i]!;
    if (q.length !== rig.dof) throw new RangeError(`${robot}: expected ${rig.dof} joint values, got ${q.length}`);
    const r = this.robots[i]!;
    r.arm.advance(this.now);
    const move = LinearJointMove.plan(r.arm.q, q, rig.speed, options.speed ?? 1);
    r.arm.follow(move, this.now);
    this.checkMove(i, move, this.now);
    return move.duration;
  }

  /** Follows a trajectory from the motion layer, starting now. */
  followTrajectory(robot: string, trajectory: JointTrajectory): void {
    const i = this.robotIndex(robot);
    this.robots[i]!.arm.follow(trajectory, this.now);
    this.checkMove(i, trajectory, this.now);
  }

  /** Times a waiting program was retried so far (it is retried only when what it waits for changes). */
  programRetries(): number {
    return this.controller.retries;
  }

  /** How much collision checking the run did (null without a physics engine), for the bench and the tests. */
  collisionStats(): { moves: CollisionSweep['stats']; pairs: RobotPairSweep['stats'] | null } | null {
    return this.sweep ? { moves: { ...this.sweep.stats }, pairs: this.pairs ? { ...this.pairs.stats } : null } : null;
  }

  /** Releases the collision checker's physics world (if any). */
  free(): void {
    this.sweep?.free();
    this.pairs?.free();
  }

  /** Collisions found ahead of time and not due yet, as plain data (a snapshot keeps them: a restored run reports them still). */
  protected saveCollisionsAhead(): CollisionsAhead {
    return { moves: this.pendingCollisions.map((e) => ({ ...e })), pairs: this.pairs?.savePending() ?? [] };
  }

  /** Takes back {@link saveCollisionsAhead}'s lists, after {@link resetSchedules} on a restore. */
  protected loadCollisionsAhead(saved: CollisionsAhead): void {
    this.pendingCollisions = saved.moves.map((e) => ({ ...e }));
    this.pairs?.loadPending(saved.pairs);
  }

  /** After a restore: lane events and wakes already in the queue are taken as scheduled anew. */
  protected resetSchedules(): void {
    this.laneScheduled.fill(-1);
    this.wakeAt.fill(-1);
    // The moves under way come back with the drivers (as their samples): the robot-pair check
    // of the next move sees them moving, not standing where they were at the checkpoint.
    this.robots.forEach((r, i) => (this.motions[i] = r.arm.current()));
    this.pairs?.clear();
    this.world.lanes.forEach((_, k) => this.laneChanged(k, null, this.now));
  }

  /** Checks a move as it starts; its collisions are reported when the clock reaches them. */
  private checkMove(robot: number, trajectory: JointTrajectory, time: number): void {
    this.motions[robot] = { trajectory, start: time };
    if (!this.sweep) return;
    const found = this.sweep.sweep(robot, trajectory, time, this.robots[robot]!.tool.q, (box) => partsNear(this.world, box, time, trajectory.duration));
    if (found.length > 0) {
      this.pendingCollisions.push(...found);
      this.pendingCollisions.sort((a, b) => a.time - b.time);
    }
    this.pairs?.moved(robot, time, this.motionsNow(time));
  }

  /** What every robot does from `time` on, for the robot-against-robot check. */
  private motionsNow(time: number): RobotMotionNow[] {
    return this.robots.map((r, i) => {
      const m = this.motions[i];
      const moving = m !== null && m !== undefined && r.arm.moving;
      let held: RobotMotionNow['held'] = null;
      if (r.held !== null) {
        const part = this.world.part(r.held);
        if (part.at.kind === 'held') {
          const pose = new Float64Array(7);
          this.world.poseAt(part.id, time, pose);
          held = { id: part.id, plan: partPlan(part.id, part.name, part.spec, pose), offset: Float64Array.from(part.at.offset), radius: Math.hypot(...part.half) };
        }
      }
      return { trajectory: moving ? m.trajectory : null, start: moving ? m.start : time, q: r.arm.q, toolQ: r.tool.q, held };
    });
  }

  /** Moves the collisions due by `t` to the event list. */
  private flushCollisions(t: number): void {
    let n = 0;
    while (n < this.pendingCollisions.length && this.pendingCollisions[n]!.time <= t) n++;
    const pairs = this.pairs?.due(t) ?? [];
    if (n === 0 && pairs.length === 0) return;
    const due = [...this.pendingCollisions.splice(0, n), ...pairs];
    if (pairs.length > 0) due.sort((a, b) => a.time - b.time);
    this.events.push(...due);
  }

  protected robotIndex(robot: string): number {
    const i = this.model.rigs.findIndex((r) => r.id === robot);
    if (i < 0) throw new Error(`no robot "${robot}" in the cell (robots: ${this.robotIds().join(', ') || 'none'})`);
    return i;
  }

  /** The earliest time an agent of the controller acts (Infinity: all wait). */
  private controllerDue(): number {
    let t = Infinity;
    const c = this.controller;
    for (const p of c.programs) if (p.due < t) t = p.due;
    for (const s of c.stations) if (s.due < t) t = s.due;
    for (const p of c.pallets) if (p.due < t) t = p.due;
    return t;
  }

  /** Adds a part record and its body entry; returns its body id. */
  private addPart(name: string, spec: PartSpec, source: string | null): number {
    const id = this.infos.length;
    this.infos.push({ id, name, kind: 'part', item: name, link: null });
    this.world.parts.push({ id, name, spec, half: partHalfExtents(spec), source, removed: false, at: { kind: 'gone' } });
    return id;
  }

  feedSource(k: number, t: number): void {
    const s = this.sources[k]!;
    const conveyor = this.sourceConveyors[k]!;
    const source = conveyor.source!;
    if (t < s.next || (source.count !== undefined && s.made >= source.count)) return;
    const lane = this.sourceLane[k]!;
    const model = this.lanes[lane]!;
    const state = this.world.lanes[lane]!;
    syncLane(model, state, t);
    const pose = spawnPose(conveyor, source, this.rng);
    const [hx, hy] = partHalfExtents(source.part);
    const local = this.m;
    mat4FromPose(local, pose);
    const lx = -conveyor.length / 2 + hx + 0.005;
    const ly = model.inverse[1]! * pose[0]! + model.inverse[5]! * pose[1]! + model.inverse[9]! * pose[2]! + model.inverse[13]!;
    const wait = spotClearIn(model, state, lx, hx, ly, hy, this.world.lanePlace);
    const resource = sourceResourceId(conveyor.id);
    if (wait > 0) {
      this.recorder.enter(resource, 'source', 'blocked', t);
      s.blocked = true;
      if (Number.isFinite(wait)) this.queue.push(t + wait + 1e-9, { kind: 'source', source: k });
      return;
    }
    s.blocked = false;
    s.made++;
    const finished = source.count !== undefined && s.made >= source.count;
    this.recorder.enter(resource, 'source', finished ? 'idle' : 'supplying', t);
    const name = `${conveyor.id}/part-${s.made}`;
    const id = this.addPart(name, source.part, conveyor.id);
    // On the belt (no 1 mm drop as in the physics engine: the part rides from the start).
    local[14] = local[14]! - 0.001;
    this.events.push({ type: 'part-created', time: t, part: name, source: conveyor.id });
    this.world.putOnLane(id, lane, local, t);
    scheduleNext(s, source, t, this.rng);
    if (!finished) this.queue.push(s.next, { kind: 'source', source: k });
  }

  laneEvent(lane: number, version: number, t: number): void {
    const state = this.world.lanes[lane]!;
    if (version !== state.version) return;
    this.laneScheduled[lane] = -1;
    syncLane(this.lanes[lane]!, state, t);
    // settleLane via laneChanged: parts at the end, the curtain, the belt.
    this.laneChanged(lane, this.world.settle(lane), t);
  }

  land(part: number, t: number): void {
    this.world.land(part, t);
    this.controller.notify('parts', t);
  }

  wakeRobot(robot: number, t: number): void {
    this.controller.notify(`robot:${robot}`, t);
  }

  /** A lane changed at `t`: report what happened on it and schedule its next event. */
  private laneChanged(lane: number, outcome: LaneOutcome | null, t: number): void {
    const model = this.lanes[lane]!;
    const state = this.world.lanes[lane]!;
    if (outcome) {
      // Who waits on this belt's sensor or for a part: retried now.
      this.controller.notify(`sensor:${model.conveyor}`, t);
      this.controller.notify('parts', t);
      for (const id of outcome.entered) this.events.push({ type: 'sensor', time: t, sensor: model.conveyor, part: this.world.part(id).name });
      for (const id of outcome.finished) {
        const p = this.world.part(id);
        this.recorder.partFinished(p.name, t);
        this.events.push({ type: 'part-finished', time: t, part: p.name, sink: model.conveyor });
        p.at = { kind: 'gone' };
        p.removed = true;
      }
      for (const id of outcome.fallen) this.world.dropOffEnd(id, lane, t);
      if (outcome.switched) {
        if (model.accumulate) this.recorder.enter(model.conveyor, 'conveyor', state.running ? 'running' : 'blocked', t);
        this.sources.forEach((s, k) => {
          if (s.blocked && this.sourceLane[k] === lane) this.queue.push(t, { kind: 'source', source: k });
        });
      }
    }
    if (this.laneScheduled[lane] === state.version) return;
    const dt = nextLaneEvent(model, state, this.world.lanePlace);
    if (!Number.isFinite(dt)) {
      this.laneScheduled[lane] = -1;
      return;
    }
    this.laneScheduled[lane] = state.version;
    this.queue.push(t + dt, { kind: 'lane', lane, version: state.version });
  }

  /** Schedules a wake for each robot waiting to pick, at the time the next part comes within reach. */
  private watchPicks(t: number): void {
    // Only the programs retried just now: for the others nothing they watch has changed.
    for (const p of this.controller.takeFired()) {
      const r = p.rig;
      if (p.state.phase !== 'wait' || p.program.steps[p.state.index]?.step.type !== 'pick') continue;
      const rig = this.model.rigs[r]!;
      const when = watchTime(rig.tcpWorld(this.m), this.world, t);
      if (when > t + 1e-9 && Number.isFinite(when) && when !== this.wakeAt[r]) {
        this.wakeAt[r] = when;
        this.queue.push(when, { kind: 'wake', robot: r });
      }
    }
  }
}
