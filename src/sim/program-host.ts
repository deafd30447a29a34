/**
 * The simulation's side of the program interface (program/host.ts): robot motion, the gripper,
 * parts and sensors, on the simulation's robots, grippers, physics world and body table. Built
 * by SimulationCore with access to its internals; kept apart so the engine's stepping code stays
 * short.
 *
 * Calls come at exact event times between physics steps. Before anything reads the tool's pose
 * (a grip, a release, a distance), the robot's arm is brought to that time — its finished move
 * closed on its end values — and its forward kinematics computed there; the links' bodies are
 * re-posed at the next physics step as usual. Parts are where the last physics step left them.
 */
import { mat4Create } from '../kinematics/mat4';
import type { ActivityRecorder } from './activity';
import type { BodyInfo } from './body-plan';
import type { ContactEvents } from './contact-events';
import type { PartProbe } from './equipment/conveyors';
import type { SimEvent } from './events';
import type { Grippers } from './grippers';
import { LinearJointMove, type JointTrajectory } from './joint-motion';
import { partHalfExtents } from './parts';
import type { PhysicsWorld } from './physics-port';
import { POSE_FLOATS } from './pose';
import type { ProgramHost } from './program/host';
import type { RobotRig } from './robot-rig';
import type { RobotRuntime } from './simulation-core';
import type { PartRecord } from './snapshot';

/** What the host reaches inside the simulation. */
export interface HostAccess {
  rigs: readonly RobotRig[];
  robots: readonly RobotRuntime[];
  grippers: Grippers;
  physics: PhysicsWorld;
  contacts: ContactEvents;
  recorder: ActivityRecorder;
  infos: readonly BodyInfo[];
  /** The part records (reassigned on restore, hence a getter). */
  parts(): PartRecord[];
  staticBodies: number;
  /** The body of conveyor `id`, or undefined. */
  conveyorBody(id: string): number | undefined;
  emit(e: SimEvent): void;
}

/**
 * {@link ProgramHost} on a simulation (see the module comment); also what the simulation's
 * per-step part bookkeeping needs: the loose parts for the sinks, the removal of fallen parts.
 */
export class SimulationProgramHost implements ProgramHost, PartProbe {
  private readonly tcp = mat4Create();
  private readonly pose = new Float64Array(POSE_FLOATS);

  constructor(private readonly s: HostAccess) {}

  settleArm(robot: number, time: number): Float64Array {
    const r = this.s.robots[robot]!;
    if (r.arm.moving) {
      if (r.arm.endTime(time) <= time) r.arm.finish();
      else r.arm.advance(time);
      r.dirty = true;
    }
    this.s.rigs[robot]!.computePoses(r.arm.q, r.tool.q, null);
    return r.arm.q;
  }

  follow(robot: number, trajectory: JointTrajectory, time: number): void {
    const r = this.s.robots[robot]!;
    r.arm.follow(trajectory, time);
    r.dirty = true;
  }

  moveLinear(robot: number, q: ArrayLike<number>, speed: number, time: number): number {
    const rig = this.s.rigs[robot]!;
    const r = this.s.robots[robot]!;
    const move = LinearJointMove.plan(this.settleArm(robot, time), q, rig.speed, speed);
    r.arm.follow(move, time);
    r.dirty = true;
    return move.duration;
  }

  held(robot: number): number | null {
    return this.s.grippers.heldBy(this.s.rigs[robot]!.id);
  }

  partAtTool(robot: number, time: number): number | null {
    this.settleArm(robot, time);
    return this.s.grippers.reachablePart(this.s.rigs[robot]!);
  }

  grip(robot: number, time: number, part?: number): number | null {
    this.settleArm(robot, time);
    const rig = this.s.rigs[robot]!;
    const r = this.s.robots[robot]!;
    const event = part === undefined ? this.s.grippers.grip(rig, r.tool, time) : this.s.grippers.attach(rig, r.tool, part, time);
    this.s.emit(event);
    r.dirty = true;
    return this.s.grippers.heldBy(rig.id);
  }

  release(robot: number, time: number): number | null {
    this.settleArm(robot, time);
    const rig = this.s.rigs[robot]!;
    const r = this.s.robots[robot]!;
    const part = this.s.grippers.heldBy(rig.id);
    const event = this.s.grippers.release(rig, r.tool, time);
    if (event) this.s.emit(event);
    r.dirty = true;
    return part;
  }

  holdPart(part: number, held: boolean): void {
    this.s.physics.setHeld(part, held);
  }

  toolDistance(robot: number, part: number, time: number): number {
    this.settleArm(robot, time);
    const tcp = this.s.rigs[robot]!.tcpWorld(this.tcp);
    this.s.physics.readPose(part, this.pose, 0);
    return Math.hypot(tcp[12]! - this.pose[0]!, tcp[13]! - this.pose[1]!, tcp[14]! - this.pose[2]!);
  }

  partRadius(part: number): number {
    const record = this.s.parts()[part - this.s.staticBodies];
    return record ? Math.max(...partHalfExtents(record.spec)) : 0;
  }

  finishPart(part: number, time: number, sink: string, remove: boolean): void {
    const name = this.s.infos[part]?.name ?? `#${part}`;
    this.s.recorder.partFinished(name, time);
    this.s.emit({ type: 'part-finished', time, part: name, sink });
    if (remove) this.take(part);
  }

  removePart(part: number, time: number): void {
    if (this.take(part)) this.s.emit({ type: 'part-removed', time, part: this.s.infos[part]?.name ?? `#${part}` });
  }

  sensorOccupied(conveyor: string): boolean {
    const body = this.s.conveyorBody(conveyor);
    return body !== undefined && this.s.contacts.occupied(body);
  }

  event(e: SimEvent): void {
    this.s.emit(e);
  }

  forEachLoosePart(visit: (id: number, pose: Float64Array, half: readonly [number, number, number]) => void): void {
    for (const p of this.s.parts()) {
      if (p.removed || this.s.grippers.holderOf(p.id) !== null) continue;
      this.s.physics.readPose(p.id, this.pose, 0);
      visit(p.id, this.pose, partHalfExtents(p.spec));
    }
  }

  /** Removes the parts that fell below height `z` (out of the world) at `time`. */
  removeBelow(z: number, time: number): void {
    for (const p of this.s.parts()) {
      if (p.removed) continue;
      this.s.physics.readPose(p.id, this.pose, 0);
      if (this.pose[2]! < z) this.removePart(p.id, time);
    }
  }

  /** Takes a part out of the world for good; false when it was gone already. */
  private take(part: number): boolean {
    const record = this.s.parts()[part - this.s.staticBodies];
    if (!record || record.removed) return false;
    record.removed = true;
    this.s.grippers.forget(part);
    this.s.contacts.forget(part);
    this.s.physics.removeBody(part);
    return true;
  }
}
