/**
 * {@link Simulation}: the engine of simulation-core.ts plus what the outside reads from it —
 * the body table, frames for the renderer (frame-layout.ts), a state hash for determinism
 * tests, part counts, and whole-state snapshots for rewind and worker recovery.
 *
 * Build one with physics/createSimulation (which loads Rapier and passes its adapter in), or
 * directly with any PhysicsFactory:
 *
 * @example
 * const sim = new Simulation(cell, { robots, tools }, { physics: rapierPhysicsFactory(await initRapier()) });
 * sim.setJointTargets('robot-1', [0, -1.2, 1.5, -1.9, -1.57, 0]);
 * sim.runUntil(2);
 * const frame = new Float32Array(sim.frameLength());
 * sim.writeFrame(frame);
 */
import type { ActivityLog } from './activity';
import type { BodyInfo } from './body-plan';
import { frameLength, writeBodyRecord, writeFrameHeader, writeJointValues } from './frame-layout';
import { POSE_FLOATS, poseFromMat4 } from './pose';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SimulationSnapshot } from './snapshot';
import { StateHasher } from './state-hash';
import { SimulationCore } from './simulation-core';

export { SimulationCore, GRAVITY, REMOVE_BELOW, type SimulationOptions } from './simulation-core';

/** Part counts of a run. */
export interface PartCounts {
  /** Parts that ever existed: from the cell file and made by sources. */
  total: number;
  /** Parts made by conveyors' sources. */
  made: number;
  /** Parts still in the cell. */
  active: number;
  /** Parts held by a gripper now. */
  held: number;
  /** Parts that fell out of the world. */
  removed: number;
}

/** Where a robot's program is. */
export interface ProgramStatus {
  /** Index of the current step in the program's `steps`. */
  step: number;
  /** start/run: stepping; wait: waiting for a part, room, a signal or a zone; done; fault. */
  phase: 'start' | 'wait' | 'run' | 'done' | 'fault';
  /** Loops completed. */
  cycles: number;
}

/** A running cell: build it, step it, read frames and events, snapshot it, free it. */
export class Simulation extends SimulationCore {
  /**
   * What every robot, machine, operator station and accumulating conveyor did so far: each state
   * with its start and end, loop completions and finished parts (the KPIs' input; activity.ts).
   * Open intervals are closed at the current time.
   */
  activityLog(): ActivityLog {
    return this.controller.recorder.log(this.time);
  }

  /** Where `robot`'s program is, or null when the robot has no program. */
  programStatus(robot: string): ProgramStatus | null {
    const p = this.controller.programs.find((x) => x.robot === robot);
    return p ? { step: p.state.index, phase: p.state.phase, cycles: p.state.cycles } : null;
  }

  /** The value of a signal now (a program's or equipment's, e.g. `cnc-1.done`); false when never set. */
  signal(name: string): boolean {
    return this.controller.signals.read(name);
  }

  /** The robot holding shared zone `zone`, or null. */
  zoneHolder(zone: string): string | null {
    return this.controller.zones.holder(zone);
  }

  /**
   * The world pose [x, y, z, qx, qy, qz, qw] of target `id` (at pallet slot `slot` for a target
   * on a patterned pallet, counting from 0), or null when there is no such target.
   */
  targetPose(id: string, slot = 0): Float64Array | null {
    const index = this.controller.frames.indexOf(id);
    return index < 0 ? null : poseFromMat4(this.controller.frames.world(index, slot), new Float64Array(POSE_FLOATS));
  }

  /** Every body that ever existed, by id (parts are appended as they appear; ids are not reused). */
  bodies(): readonly BodyInfo[] {
    return this.infos;
  }

  /** The commanded joint values of `robot` (a copy). */
  jointValues(robot: string): Float64Array {
    return Float64Array.from(this.runtime(robot).arm.q);
  }

  /** True while `robot` has a motion in progress. */
  isMoving(robot: string): boolean {
    return this.runtime(robot).arm.moving;
  }

  /** The name of the part `robot` holds, or null. */
  held(robot: string): string | null {
    const id = this.grippers.heldBy(robot);
    return id === null ? null : (this.infos[id]?.name ?? null);
  }

  /** True while a part is inside conveyor `conveyor`'s sensor curtain. */
  sensorOccupied(conveyor: string): boolean {
    const c = this.model.conveyors.find((x) => x.item.id === conveyor);
    return c ? this.contacts.occupied(c.body) : false;
  }

  /** The order of the joint values in a frame: per robot, the arm's inputs then the tool's (`tool/NAME`). */
  jointLayout(): { robot: string; joints: string[] }[] {
    return this.model.rigs.map((rig) => ({
      robot: rig.id,
      joints: [...rig.arm.inputJoints.map((j) => j.name), ...(rig.tool?.inputJoints.map((j) => `tool/${j.name}`) ?? [])],
    }));
  }

  /** Floats the next frame needs (it grows when parts appear). */
  frameLength(): number {
    return frameLength(this.liveBodies(), this.jointCount());
  }

  /**
   * Writes the current frame into `out` (layout in frame-layout.ts); returns the body count.
   * Throws RangeError when `out` is shorter than {@link frameLength}.
   */
  writeFrame(out: Float32Array): number {
    const count = this.liveBodies();
    let o = writeFrameHeader(out, this.time, this.steps, count, this.jointCount());
    const pose = this.scratchPose;
    for (let id = 0; id < this.infos.length; id++) {
      if (this.readBodyPose(id, pose)) o = writeBodyRecord(out, o, id, pose);
    }
    writeJointValues(out, o, this.robots);
    return count;
  }

  /** The world pose [x, y, z, qx, qy, qz, qw] of a body by name, or null when it is gone or unknown. */
  bodyPose(name: string): Float64Array | null {
    const info = this.infos.find((b) => b.name === name);
    const out = new Float64Array(POSE_FLOATS);
    return info && this.readBodyPose(info.id, out) ? out : null;
  }

  /** The world pose of `robot`'s tool frame (its flange without a tool) as 7 numbers. */
  tcpPose(robot: string): Float64Array {
    return poseFromMat4(this.rigOf(robot).tcpWorld(new Float64Array(16)), new Float64Array(POSE_FLOATS), 0);
  }

  /** How many parts there are, were made, are held and were lost. */
  partCounts(): PartCounts {
    const active = this.parts.filter((p) => !p.removed).length;
    const held = this.robotIds().filter((r) => this.grippers.heldBy(r) !== null).length;
    return { total: this.parts.length, made: this.parts.filter((p) => p.source !== null).length, active, held, removed: this.parts.length - active };
  }

  /**
   * FNV-1a fingerprint of the state (see state-hash.ts): step count, time, every live body's
   * pose (µm and 1e-6), the commanded joints, held parts, the random generator's state, and
   * where the programs and stations are.
   */
  stateHash(): string {
    const h = new StateHasher().addInt(this.steps).addFloat(this.time);
    const pose = this.scratchPose;
    for (let id = 0; id < this.infos.length; id++) {
      if (!this.readBodyPose(id, pose)) {
        h.addInt(-1);
        continue;
      }
      h.addInt(id);
      for (let k = 0; k < POSE_FLOATS; k++) h.addFloat(pose[k]!);
    }
    for (const r of this.robots) for (const v of [...r.arm.q, ...r.tool.q]) h.addFloat(v);
    for (const robot of this.robotIds()) h.addInt(this.grippers.heldBy(robot) ?? -1);
    for (const v of this.rng.state()) h.addInt(v);
    this.controller.hashInto(h);
    return h.digest();
  }

  /** The whole state as plain data (see snapshot.ts). */
  snapshot(): SimulationSnapshot {
    const next = this.steps + 1;
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      layout: this.layoutId(),
      time: this.time,
      physics: this.physics.snapshot(),
      state: {
        steps: this.steps,
        rng: this.rng.state(),
        robots: this.model.rigs.map((rig, i) => {
          const r = this.robots[i]!;
          return { id: rig.id, arm: r.arm.save(next, this.dt), tool: r.tool.save(next, this.dt), dirty: r.dirty };
        }),
        held: this.grippers.save(),
        parts: this.parts.map((p) => ({ ...p })),
        sources: this.sources.map((s) => ({ ...s })),
        controller: this.controller.save(),
        contacts: this.contacts.save(),
        events: this.events.map((e) => ({ ...e })),
      },
    };
  }

  /**
   * Puts the simulation back into a snapshot's state. The snapshot must come from a simulation
   * of the same cell (same layout); continuing then repeats the original run exactly.
   */
  restore(snapshot: SimulationSnapshot): void {
    if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.version !== SNAPSHOT_VERSION) {
      throw new Error(`not a CellTwin simulation snapshot of version ${SNAPSHOT_VERSION}`);
    }
    if (snapshot.layout !== this.layoutId()) throw new Error('the snapshot belongs to another cell layout');
    const s = snapshot.state;
    this.physics.restore(snapshot.physics);
    this.steps = s.steps;
    this.rng.restore(s.rng);
    s.robots.forEach((saved, i) => {
      const r = this.robots[i]!;
      r.arm.load(saved.arm);
      r.tool.load(saved.tool);
      r.dirty = saved.dirty;
      this.model.rigs[i]!.computePoses(r.arm.q, r.tool.q, { poses: this.poses, slots: this.model.rigSlots[i]! });
    });
    this.grippers.load(s.held);
    // Parts are kept in id order, ids running on from the static bodies (see SimulationCore).
    this.parts = s.parts.map((p) => ({ ...p })).sort((a, b) => a.id - b.id);
    this.infos.length = this.staticBodies;
    for (const p of this.parts) this.infos[p.id] = { id: p.id, name: p.name, kind: 'part', item: p.name, link: null };
    this.sources = s.sources.map((x) => ({ ...x }));
    this.controller.load(s.controller);
    this.contacts.load(s.contacts);
    this.events = s.events.map((e) => ({ ...e }));
  }

  /** Live bodies: every static body plus the parts not removed. */
  private liveBodies(): number {
    return this.staticBodies + this.parts.filter((p) => !p.removed).length;
  }

  private jointCount(): number {
    return this.robots.reduce((n, r) => n + r.arm.q.length + r.tool.q.length, 0);
  }

  /** Writes body `id`'s pose into `out`; false when the body is gone. */
  private readBodyPose(id: number, out: Float64Array): boolean {
    if (id < this.staticBodies) {
      for (let k = 0; k < POSE_FLOATS; k++) out[k] = this.poses[id * POSE_FLOATS + k]!;
      return true;
    }
    const part = this.parts[id - this.staticBodies];
    if (!part || part.removed) return false;
    this.physics.readPose(id, out, 0);
    return true;
  }

  /** A fingerprint of the fixed layout: the static bodies' names and the step. */
  private layoutId(): string {
    const h = new StateHasher().addFloat(this.dt, 1e12);
    for (let id = 0; id < this.staticBodies; id++) h.addString(this.infos[id]!.name);
    return h.digest();
  }
}
