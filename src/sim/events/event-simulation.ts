/**
 * {@link EventSimulation}: the events engine (event-engine.ts) plus what the outside reads from
 * it, with the same names and meanings as the physics engine's Simulation (simulation.ts): the
 * activity log, the body table, frames for the renderer (poses sampled at the frame's time),
 * part counts, program status, a state hash, snapshots.
 */
import { mat4Create } from '../../kinematics/mat4';
import type { ActivityLog } from '../activity';
import type { BodyInfo } from '../body-plan';
import { frameLength, writeBodyRecord, writeFrameHeader, writeJointValues } from '../frame-layout';
import { POSE_FLOATS, poseFromMat4 } from '../pose';
import type { PartCounts, ProgramStatus } from '../simulation';
import { StateHasher } from '../state-hash';
import { EventEngine } from './event-engine';
import { settleRobot } from './robot-runtime';
import type { JointDriverState } from '../joint-motion';
import type { ControllerState } from '../program/controller';
import type { RngState } from '../rng';
import type { SimEvent } from '../events';
import type { LaneState } from './lanes';
import type { EnginePart } from './part-world';
import type { CollisionsAhead, EngineEvent, EventSourceState } from './event-engine';
import type { QueueState } from './scheduler';

/** Tag of an events-engine snapshot. */
export const EVENTS_SNAPSHOT_FORMAT = 'celltwin-events-simulation';

/**
 * The events engine's whole state as plain data: a copy of its state (parts, lanes, sources,
 * the event queue, the controller) plus the robots' drivers. Trajectories in progress are kept
 * as their values sampled every dt (joint-motion.ts), so a restored run moves through the same
 * poses, interpolated between those samples.
 */
export interface EventsSnapshot {
  format: typeof EVENTS_SNAPSHOT_FORMAT;
  time: number;
  rng: RngState;
  robots: { arm: JointDriverState; tool: JointDriverState; held: number | null }[];
  parts: EnginePart[];
  lanes: LaneState[];
  sources: EventSourceState[];
  queue: QueueState<EngineEvent>;
  controller: ControllerState;
  events: SimEvent[];
  /** Collisions the checks found ahead of time that are not due yet. */
  collisionsAhead: CollisionsAhead;
}

/** A running cell on the events engine. */
export class EventSimulation extends EventEngine {
  /** Which engine this is. */
  readonly engine = 'events' as const;
  private readonly pose = new Float64Array(POSE_FLOATS);
  private readonly poses = new Float64Array(0);
  private linkPoses: Float64Array | null = null;

  /** What every resource did so far (activity.ts); open intervals closed at the current time. */
  activityLog(): ActivityLog {
    return this.recorder.log(this.now);
  }

  /** Where `robot`'s program is, or null when it has none. */
  programStatus(robot: string): ProgramStatus | null {
    const p = this.controller.programs.find((x) => x.robot === robot);
    return p ? { step: p.state.index, phase: p.state.phase, cycles: p.state.cycles } : null;
  }

  /** The value of a signal now. */
  signal(name: string): boolean {
    return this.controller.signals.read(name);
  }

  /** The robot holding shared zone `zone`, or null. */
  zoneHolder(zone: string): string | null {
    return this.controller.zones.holder(zone);
  }

  /** Every body that ever existed, by id. */
  bodies(): readonly BodyInfo[] {
    return this.infos;
  }

  /** The commanded joint values of `robot` now (a copy). */
  jointValues(robot: string): Float64Array {
    const i = this.robotIndex(robot);
    return Float64Array.from(settleRobot(this.model.rigs[i]!, this.robots[i]!, this.now));
  }

  /** The name of the part `robot` holds, or null. */
  held(robot: string): string | null {
    const id = this.robots[this.robotIndex(robot)]!.held;
    return id === null ? null : this.world.part(id).name;
  }

  /** True while a part is inside conveyor `conveyor`'s sensor curtain. */
  sensorOccupied(conveyor: string): boolean {
    const k = this.lanes.findIndex((l) => l.conveyor === conveyor);
    return k >= 0 && this.world.lanes[k]!.inside.length > 0;
  }

  /** Parts on conveyor `conveyor`'s belt now, front first. */
  partsOnBelt(conveyor: string): string[] {
    const k = this.lanes.findIndex((l) => l.conveyor === conveyor);
    return k < 0 ? [] : this.world.lanes[k]!.parts.map((id) => this.world.part(id).name);
  }

  /** The order of the joint values in a frame (as Simulation.jointLayout). */
  jointLayout(): { robot: string; joints: string[] }[] {
    return this.model.rigs.map((rig) => ({
      robot: rig.id,
      joints: [...rig.arm.inputJoints.map((j) => j.name), ...(rig.tool?.inputJoints.map((j) => `tool/${j.name}`) ?? [])],
    }));
  }

  /** Floats the next frame needs. */
  frameLength(): number {
    return frameLength(this.liveBodies(), this.jointCount());
  }

  /** Writes the frame at the current time into `out` (frame-layout.ts); returns the body count. */
  writeFrame(out: Float32Array): number {
    const count = this.liveBodies();
    let o = writeFrameHeader(out, this.now, this.stepCount, count, this.jointCount());
    const links = this.poseLinks();
    for (let id = 0; id < this.staticBodies; id++) o = writeBodyRecord(out, o, id, links, id * POSE_FLOATS);
    for (const p of this.world.parts) {
      if (!p.removed && this.world.poseAt(p.id, this.now, this.pose)) o = writeBodyRecord(out, o, p.id, this.pose);
    }
    writeJointValues(out, o, this.robots);
    return count;
  }

  /** The world pose of a body by name at the current time, or null. */
  bodyPose(name: string): Float64Array | null {
    const info = this.infos.find((b) => b.name === name);
    if (!info) return null;
    if (info.id < this.staticBodies) return this.poseLinks().slice(info.id * POSE_FLOATS, (info.id + 1) * POSE_FLOATS);
    const out = new Float64Array(POSE_FLOATS);
    return this.world.poseAt(info.id, this.now, out) ? out : null;
  }

  /** The world pose of `robot`'s tool frame now. */
  tcpPose(robot: string): Float64Array {
    const i = this.robotIndex(robot);
    settleRobot(this.model.rigs[i]!, this.robots[i]!, this.now);
    return poseFromMat4(this.model.rigs[i]!.tcpWorld(mat4Create()), new Float64Array(POSE_FLOATS), 0);
  }

  /** How many parts there are, were made, are held and left. */
  partCounts(): PartCounts {
    let active = 0, made = 0;
    for (const p of this.world.parts) {
      if (!p.removed) active++;
      if (p.source !== null) made++;
    }
    const held = this.robots.filter((r) => r.held !== null).length;
    return { total: this.world.parts.length, made, active, held, removed: this.world.parts.length - active };
  }

  /** FNV-1a fingerprint of the state: time, live part poses, joints, held parts, random state, programs. */
  stateHash(): string {
    const h = new StateHasher().addString('events').addFloat(this.now);
    for (const p of this.world.parts) {
      if (p.removed || !this.world.poseAt(p.id, this.now, this.pose)) {
        h.addInt(-1);
        continue;
      }
      h.addInt(p.id);
      for (let k = 0; k < POSE_FLOATS; k++) h.addFloat(this.pose[k]!);
    }
    for (const r of this.robots) {
      for (const v of [...r.arm.q, ...r.tool.q]) h.addFloat(v);
      h.addInt(r.held ?? -1);
    }
    for (const v of this.rng.state()) h.addInt(v);
    this.controller.hashInto(h);
    return h.digest();
  }

  /** The whole state as plain data (see {@link EventsSnapshot}). */
  snapshot(): EventsSnapshot {
    const next = this.stepCount + 1;
    return structuredClone({
      format: EVENTS_SNAPSHOT_FORMAT,
      time: this.now,
      rng: this.rng.state(),
      robots: this.robots.map((r) => ({ arm: r.arm.save(next, this.dt), tool: r.tool.save(next, this.dt), held: r.held })),
      parts: this.world.parts,
      lanes: this.world.lanes,
      sources: this.sources,
      queue: this.queue.save(),
      controller: this.controller.save(),
      events: this.events,
      collisionsAhead: this.saveCollisionsAhead(),
    });
  }

  /** Puts the simulation back into a snapshot's state (taken from a run of the same cell). */
  restore(snapshot: EventsSnapshot | { format: string }): void {
    if (snapshot.format !== EVENTS_SNAPSHOT_FORMAT) throw new Error('not a snapshot of the events engine');
    const s = structuredClone(snapshot as EventsSnapshot);
    if (s.robots.length !== this.robots.length || s.lanes.length !== this.world.lanes.length) throw new Error('the snapshot belongs to another cell layout');
    this.now = s.time;
    this.rng.restore(s.rng);
    s.robots.forEach((saved, i) => {
      const r = this.robots[i]!;
      r.arm.load(saved.arm);
      r.tool.load(saved.tool);
      r.held = saved.held;
    });
    this.world.parts = s.parts;
    this.world.lanes = s.lanes;
    this.world.reindex();
    this.infos.length = this.staticBodies;
    for (const p of s.parts) this.infos[p.id] = { id: p.id, name: p.name, kind: 'part', item: p.name, link: null };
    this.sources = s.sources;
    this.queue.load(s.queue);
    this.controller.load(s.controller);
    this.events = s.events;
    this.resetSchedules();
    this.loadCollisionsAhead(s.collisionsAhead);
  }

  /** Live bodies: the static ones plus the parts in the world. */
  private liveBodies(): number {
    let n = this.staticBodies;
    for (const p of this.world.parts) if (!p.removed) n++;
    return n;
  }

  private jointCount(): number {
    return this.robots.reduce((n, r) => n + r.arm.q.length + r.tool.q.length, 0);
  }

  /** Static bodies' poses now: fixtures as built, robot links by forward kinematics at this time. */
  private poseLinks(): Float64Array {
    const { bodies, rigs, rigSlots } = this.model;
    if (!this.linkPoses) {
      this.linkPoses = new Float64Array(this.staticBodies * POSE_FLOATS);
      for (let id = 0; id < this.staticBodies; id++) this.linkPoses.set(bodies[id]!.pose, id * POSE_FLOATS);
    }
    void this.poses;
    rigs.forEach((rig, i) => {
      const r = this.robots[i]!;
      settleRobot(rig, r, this.now);
      rig.computePoses(r.arm.q, r.tool.q, { poses: this.linkPoses!, slots: rigSlots[i]! });
    });
    return this.linkPoses;
  }
}
