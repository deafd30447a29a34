/**
 * {@link ProgramHost} on the events engine: the programs and equipment of program/ run
 * unchanged; robot motion goes to the robots' joint drivers, grips and releases move parts
 * between places of the part world (part-world.ts), sensors read the lanes. Every call comes at
 * the current event time.
 */
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid } from '../../kinematics/mat4';
import type { ActivityRecorder } from '../activity';
import type { SimEvent } from '../events';
import { GRIP_REACH, halfWidthAcross } from '../grippers';
import { LinearJointMove, type JointTrajectory } from '../joint-motion';
import type { ProgramHost } from '../program/host';
import type { RobotRig } from '../robot-rig';
import type { PartWorld } from './part-world';
import { settleRobot, type RobotRuntime } from './robot-runtime';

/** What the host reaches in the engine: nothing more. */
export interface EventsHostContext {
  rigs: readonly RobotRig[];
  robots: readonly RobotRuntime[];
  world: PartWorld;
  recorder: ActivityRecorder;
  /** Lane index of conveyor `id`, or −1. */
  laneOf(conveyor: string): number;
  emit(e: SimEvent): void;
  /** Parts were taken, let go or removed at `time`: who waits for a part looks again. */
  partsChanged(time: number): void;
  /** Robot `robot` starts `trajectory` at `time` (the collision sweep checks it). */
  moved(robot: number, trajectory: JointTrajectory, time: number): void;
}

/** The program host of the events engine (see the module comment). */
export class EventsProgramHost implements ProgramHost {
  private readonly tcp = mat4Create();
  private readonly partM = mat4Create();

  constructor(private readonly c: EventsHostContext) {}

  settleArm(robot: number, time: number): Float64Array {
    return settleRobot(this.c.rigs[robot]!, this.c.robots[robot]!, time);
  }

  follow(robot: number, trajectory: JointTrajectory, time: number): void {
    this.c.robots[robot]!.arm.follow(trajectory, time);
    this.c.moved(robot, trajectory, time);
  }

  moveLinear(robot: number, q: ArrayLike<number>, speed: number, time: number): number {
    const move = LinearJointMove.plan(this.settleArm(robot, time), q, this.c.rigs[robot]!.speed, speed);
    this.c.robots[robot]!.arm.follow(move, time);
    this.c.moved(robot, move, time);
    return move.duration;
  }

  held(robot: number): number | null {
    return this.c.robots[robot]!.held;
  }

  partAtTool(robot: number, time: number): number | null {
    this.settleArm(robot, time);
    const rig = this.c.rigs[robot]!;
    const tcp = rig.tcpWorld(this.tcp);
    const hit = this.c.world.nearestLoose(tcp[12]!, tcp[13]!, tcp[14]!, GRIP_REACH, time);
    if (!hit) return null;
    if (rig.gripper?.gripper.type === 'parallel' && rig.toolDof > 0) {
      const part = this.c.world.part(hit.id);
      const m = this.c.world.matrixAt(hit.id, time, this.partM)!;
      if (halfWidthAcross(tcp, m, part.half) > Math.min(...rig.toolOpen)) return null;
    }
    return hit.id;
  }

  grip(robot: number, time: number, part?: number): number | null {
    const rig = this.c.rigs[robot]!;
    const r = this.c.robots[robot]!;
    if (r.held !== null && part === undefined) {
      this.c.emit({ type: 'pick', time, robot: rig.id, part: this.c.world.part(r.held).name });
      return r.held;
    }
    const id = part ?? this.partAtTool(robot, time);
    if (id === null) {
      this.c.emit({ type: 'pick-missed', time, robot: rig.id });
      return null;
    }
    this.settleArm(robot, time);
    const tcp = rig.tcpWorld(this.tcp);
    const m = this.c.world.matrixAt(id, time, this.partM)!;
    if (rig.gripper?.gripper.type === 'parallel' && rig.toolDof > 0) {
      const half = Math.min(halfWidthAcross(tcp, m, this.c.world.part(id).half), ...rig.toolOpen);
      r.tool.follow(LinearJointMove.plan(r.tool.q, new Float64Array(rig.toolDof).fill(half), rig.toolSpeed), time);
    }
    const offset = mat4MultiplyRigid(mat4Create(), mat4InvertRigid(mat4Create(), tcp), m);
    this.c.world.lift(id, time);
    this.c.world.hold(id, robot, offset);
    r.held = id;
    this.c.partsChanged(time);
    this.c.emit({ type: 'pick', time, robot: rig.id, part: this.c.world.part(id).name });
    return id;
  }

  release(robot: number, time: number): number | null {
    const rig = this.c.rigs[robot]!;
    const r = this.c.robots[robot]!;
    this.settleArm(robot, time);
    if (rig.toolDof > 0) r.tool.follow(LinearJointMove.plan(r.tool.q, rig.toolOpen, rig.toolSpeed), time);
    const id = r.held;
    if (id === null) return null;
    const m = this.c.world.matrixAt(id, time, mat4Create())!;
    r.held = null;
    this.c.world.lift(id, time);
    this.c.world.drop(id, m, time);
    this.c.partsChanged(time);
    this.c.emit({ type: 'release', time, robot: rig.id, part: this.c.world.part(id).name });
    return id;
  }

  holdPart(part: number, held: boolean): void {
    // A station's fixture takes the part as it is let go; nothing lets a held part go again.
    if (held) this.c.world.fixWhereReleased(part);
  }

  toolDistance(robot: number, part: number, time: number): number {
    this.settleArm(robot, time);
    const tcp = this.c.rigs[robot]!.tcpWorld(this.tcp);
    const m = this.c.world.matrixAt(part, time, this.partM);
    if (!m) return Infinity;
    return Math.hypot(tcp[12]! - m[12]!, tcp[13]! - m[13]!, tcp[14]! - m[14]!);
  }

  partRadius(part: number): number {
    return Math.max(...this.c.world.part(part).half);
  }

  finishPart(part: number, time: number, sink: string, remove: boolean): void {
    const name = this.c.world.part(part).name;
    this.c.recorder.partFinished(name, time);
    this.c.emit({ type: 'part-finished', time, part: name, sink });
    if (remove) this.c.world.remove(part, time);
    this.c.partsChanged(time);
  }

  removePart(part: number, time: number): void {
    if (this.c.world.remove(part, time)) this.c.emit({ type: 'part-removed', time, part: this.c.world.part(part).name });
    this.c.partsChanged(time);
  }

  sensorOccupied(conveyor: string): boolean {
    const lane = this.c.laneOf(conveyor);
    return lane >= 0 && this.c.world.lanes[lane]!.inside.length > 0;
  }

  event(e: SimEvent): void {
    this.c.emit(e);
  }
}
