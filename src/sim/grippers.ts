/**
 * Grippers pick and release parts. A pick takes the part nearest to the tool frame (TCP) if it
 * is within {@link GRIP_REACH} of it (a vacuum cup must touch the part; a parallel gripper's TCP
 * sits between the fingertips, inside the part). The held part becomes a kinematic body that
 * follows the TCP rigidly — steadier than a fixed joint, whose compliance lets a heavy part sag
 * and jitter — and turns dynamic again on release, keeping the velocity it had, so it falls or
 * settles where it is let go. A parallel gripper's fingers close to the part's width (when it
 * fits the stroke) and open fully on release, at the finger joint's speed.
 */
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from '../kinematics/mat4';
import type { PickEvent, PickMissedEvent, ReleaseEvent } from './events';
import { LinearJointMove, type JointDriver } from './joint-motion';
import type { PhysicsWorld } from './physics-port';
import { mat4FromPose, POSE_FLOATS, poseFromMat4 } from './pose';
import type { RobotRig } from './robot-rig';

/** How far from the TCP a part may be and still be picked (m). */
export const GRIP_REACH = 0.01;

/** A held part and its pose in the TCP frame (column-major 4×4). */
interface Held {
  part: number;
  offset: Mat4;
}

/** Plain-data form of the held parts, for snapshots. */
export type HeldState = { robot: string; part: number; offset: number[] }[];

/** Half of the part's extent along the TCP's y axis (the jaw direction), from its box half extents. */
export function halfWidthAcross(tcp: Mat4, part: Mat4, half: readonly [number, number, number]): number {
  let w = 0;
  for (let i = 0; i < 3; i++) w += Math.abs(part[4 * i]! * tcp[4]! + part[4 * i + 1]! * tcp[5]! + part[4 * i + 2]! * tcp[6]!) * half[i]!;
  return w;
}

/** The grippers of a simulation: which robot holds which part. */
export class Grippers {
  private readonly held = new Map<string, Held>();
  private readonly tcp = mat4Create();
  private readonly partM = mat4Create();
  private readonly pose = new Float64Array(POSE_FLOATS);

  constructor(
    private readonly physics: PhysicsWorld,
    private readonly partName: (id: number) => string,
    private readonly partHalf: (id: number) => readonly [number, number, number],
  ) {}

  /** The part body `robot` holds, or null. */
  heldBy(robot: string): number | null {
    return this.held.get(robot)?.part ?? null;
  }

  /** The robot holding part `id`, or null. */
  holderOf(id: number): string | null {
    for (const [robot, h] of this.held) if (h.part === id) return robot;
    return null;
  }

  /**
   * The part a grip would take now (rig FK must be current): the nearest loose part within
   * {@link GRIP_REACH} of the TCP that fits a parallel gripper's opening; null when none.
   */
  reachablePart(rig: RobotRig): number | null {
    const tcp = rig.tcpWorld(this.tcp);
    const hit = this.physics.nearestPart(tcp[12]!, tcp[13]!, tcp[14]!, GRIP_REACH);
    if (!hit) return null;
    if (rig.gripper?.gripper.type === 'parallel' && rig.toolDof > 0) {
      this.physics.readPose(hit.id, this.pose, 0);
      const half = halfWidthAcross(tcp, mat4FromPose(this.partM, this.pose), this.partHalf(hit.id));
      if (half > Math.min(...rig.toolOpen)) return null;
    }
    return hit.id;
  }

  /** Picks the part at `rig`'s TCP (rig FK must be current). Holding already: reports that part. */
  grip(rig: RobotRig, tool: JointDriver, time: number): PickEvent | PickMissedEvent {
    const current = this.held.get(rig.id);
    if (current) return { type: 'pick', time, robot: rig.id, part: this.partName(current.part) };
    const id = this.reachablePart(rig);
    return id === null ? { type: 'pick-missed', time, robot: rig.id } : this.attach(rig, tool, id, time);
  }

  /**
   * Takes part `id` wherever it is relative to the TCP (rig FK must be current): the part a
   * station hands over, or the one {@link reachablePart} found. A parallel gripper closes on it.
   */
  attach(rig: RobotRig, tool: JointDriver, id: number, time: number): PickEvent {
    const tcp = rig.tcpWorld(this.tcp);
    this.physics.readPose(id, this.pose, 0);
    const part = mat4FromPose(this.partM, this.pose);
    if (rig.gripper?.gripper.type === 'parallel' && rig.toolDof > 0) {
      const half = Math.min(halfWidthAcross(tcp, part, this.partHalf(id)), ...rig.toolOpen);
      tool.advance(time);
      tool.follow(LinearJointMove.plan(tool.q, new Float64Array(rig.toolDof).fill(half), rig.toolSpeed), time);
    }
    const offset = mat4MultiplyRigid(mat4Create(), mat4InvertRigid(mat4Create(), tcp), part);
    this.physics.setHeld(id, true);
    this.held.set(rig.id, { part: id, offset });
    return { type: 'pick', time, robot: rig.id, part: this.partName(id) };
  }

  /** Lets go of the held part (null when holding none); a parallel gripper opens. */
  release(rig: RobotRig, tool: JointDriver, time: number): ReleaseEvent | null {
    const h = this.held.get(rig.id);
    if (rig.toolDof > 0) {
      tool.advance(time);
      tool.follow(LinearJointMove.plan(tool.q, rig.toolOpen, rig.toolSpeed), time);
    }
    if (!h) return null;
    this.held.delete(rig.id);
    this.physics.setHeld(h.part, false);
    return { type: 'release', time, robot: rig.id, part: this.partName(h.part) };
  }

  /** Drops a removed part from every gripper (no event). */
  forget(part: number): void {
    for (const [robot, h] of this.held) if (h.part === part) this.held.delete(robot);
  }

  /** Sets the next pose of the part `rig` holds from its TCP (rig FK must be current). */
  poseHeld(rig: RobotRig): void {
    const h = this.held.get(rig.id);
    if (!h) return;
    const m = mat4MultiplyRigid(this.partM, rig.tcpWorld(this.tcp), h.offset);
    this.physics.setKinematicTarget(h.part, poseFromMat4(m, this.pose, 0), 0);
  }

  /** The held parts as plain data. */
  save(): HeldState {
    return [...this.held].map(([robot, h]) => ({ robot, part: h.part, offset: Array.from(h.offset) }));
  }

  /** Puts back a saved state (the physics world restores the parts' body types itself). */
  load(state: HeldState): void {
    this.held.clear();
    for (const h of state) this.held.set(h.robot, { part: h.part, offset: Float64Array.from(h.offset) });
  }
}
