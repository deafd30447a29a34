/**
 * A robot item as the simulation moves it: the arm's and the tool's forward kinematics, one body
 * per link that has collision geometry, and the world pose of each of those bodies for given
 * joint values (world = item pose · FK(link); tool links hang off the flange as in the scene).
 * Links without geometry (`base`, `flange`, `tool0`, `tcp`) get no body.
 */
import { ForwardKinematics } from '../kinematics/forward';
import { mat4Create, mat4FromXyzRpy, mat4MultiplyRigid, type Mat4 } from '../kinematics/mat4';
import type { RobotItem } from '../model/cell';
import { activeJoints, type RobotDescription } from '../model/robot-description';
import { findLibraryEntry, type GripperLibraryEntry } from '../model/robot-library';
import { flangeLink } from '../model/robot-flange';
import type { BodyPlan } from './body-plan';
import { linkColliders, type HullCache } from './link-shapes';
import { POSE_FLOATS, poseFromMat4, poseOf } from './pose';

/** Joint speed assumed when a URDF gives none (rad/s or m/s). */
export const DEFAULT_JOINT_SPEED = 1;

/** The descriptions a robot item needs: its arm and, when it carries one, its tool. */
export interface RobotDescriptions {
  arm: RobotDescription;
  tool?: RobotDescription | null;
}

/** One link body of a rig: which kinematic chain it hangs on, and its nearest bodied ancestor. */
export interface RigLink {
  plan: Omit<BodyPlan, 'id'>;
  chain: 'arm' | 'tool';
  index: number;
  /** Name of the body this one is jointed to (nearest ancestor with geometry), or null. */
  parentBody: string | null;
}

/** Per link of `robot`: the nearest ancestor link (itself excluded) in `withBody`, or null. */
function bodiedAncestors(robot: RobotDescription, withBody: Set<string>): Map<string, string | null> {
  const parentOf = new Map(robot.joints.map((j) => [j.child, j.parent]));
  const out = new Map<string, string | null>();
  for (const link of robot.links) {
    let p = parentOf.get(link.name);
    while (p !== undefined && !withBody.has(p)) p = parentOf.get(p);
    out.set(link.name, p ?? null);
  }
  return out;
}

/** Forward kinematics and link bodies of one robot item (with its tool). */
export class RobotRig {
  readonly id: string;
  readonly arm: ForwardKinematics;
  readonly tool: ForwardKinematics | null;
  /** The tool's library entry when it is a bundled gripper. */
  readonly gripper: GripperLibraryEntry | null;
  readonly links: readonly RigLink[];
  /** Joint limits of the arm's inputs: lower, upper, speed. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly speed: Float64Array;
  readonly toolSpeed: Float64Array;
  readonly toolOpen: Float64Array;
  readonly initialQ: Float64Array;
  /** The arm's description (for inverse kinematics and motion limits). */
  readonly description: RobotDescription;
  /** The flange link, where the tool mounts. */
  readonly flangeLink: string;
  /** The tool centre point in the flange frame (identity for a bare flange). */
  readonly tcpOffset: Mat4 = mat4Create();
  private readonly base: Mat4;
  private readonly flangeIndex: number;
  private readonly tcpIndex: number;
  private readonly scratch = mat4Create();
  private readonly flangeWorld = mat4Create();

  constructor(item: RobotItem, d: RobotDescriptions, hulls: HullCache, warnings: string[]) {
    this.id = item.id;
    this.arm = new ForwardKinematics(d.arm);
    this.tool = d.tool ? new ForwardKinematics(d.tool) : null;
    const entry = item.tool ? findLibraryEntry(item.tool.id) : undefined;
    this.gripper = entry?.kind === 'gripper' ? entry : null;
    if (item.tool && !d.tool) warnings.push(`${item.id}: tool "${item.tool.id}" has no description; the flange is bare`);
    this.base = mat4FromXyzRpy(mat4Create(), item.pose.xyz, item.pose.rpy);
    const flange = flangeLink(item.source, d.arm);
    this.description = d.arm;
    this.flangeLink = flange;
    this.flangeIndex = this.arm.indexOfLink(flange);
    const tcpLink = this.gripper?.tcpLink;
    this.tcpIndex = this.tool && tcpLink && this.tool.linkNames.includes(tcpLink) ? this.tool.indexOfLink(tcpLink) : -1;

    const limits = (robot: RobotDescription) => activeJoints(robot).map((j) => j.limits);
    const armLimits = limits(d.arm);
    this.lower = Float64Array.from(armLimits, (l) => l?.lower ?? -Infinity);
    this.upper = Float64Array.from(armLimits, (l) => l?.upper ?? Infinity);
    this.speed = Float64Array.from(armLimits, (l) => (l && l.velocity > 0 ? l.velocity : DEFAULT_JOINT_SPEED));
    const toolLimits = d.tool ? limits(d.tool) : [];
    this.toolSpeed = Float64Array.from(toolLimits, (l) => (l && l.velocity > 0 ? l.velocity : DEFAULT_JOINT_SPEED));
    // Grippers start open (upper limit of each finger joint) so they can close on a part.
    this.toolOpen = Float64Array.from(toolLimits, (l) => (l && Number.isFinite(l.upper) ? l.upper : 0));
    this.initialQ = Float64Array.from({ length: this.arm.dof }, (_, i) => item.joints?.[i] ?? 0);

    const links: RigLink[] = [];
    const addChain = (robot: RobotDescription, chain: 'arm' | 'tool', fk: ForwardKinematics, prefix: string, mountParent: string | null) => {
      const withBody = new Set(robot.links.filter((l) => l.collisions.length > 0).map((l) => l.name));
      const ancestors = bodiedAncestors(robot, withBody);
      for (const link of robot.links) {
        if (!withBody.has(link.name)) continue;
        const name = `${item.id}/${prefix}${link.name}`;
        const colliders = linkColliders(link, name, hulls, warnings);
        if (colliders.length === 0) continue;
        const parent = ancestors.get(link.name);
        links.push({
          plan: { name, kind: 'link', item: item.id, link: `${prefix}${link.name}`, pose: new Float64Array(POSE_FLOATS), colliders },
          chain,
          index: fk.indexOfLink(link.name),
          parentBody: parent ? `${item.id}/${prefix}${parent}` : mountParent,
        });
      }
    };
    addChain(d.arm, 'arm', this.arm, '', null);
    if (d.tool && this.tool) {
      // The tool's root hangs off the flange, whose nearest bodied ancestor is the last wrist link.
      const armBodies = new Set(d.arm.links.filter((l) => l.collisions.length > 0).map((l) => l.name));
      const flangeBody = armBodies.has(flange) ? flange : bodiedAncestors(d.arm, armBodies).get(flange) ?? null;
      addChain(d.tool, 'tool', this.tool, 'tool/', flangeBody ? `${item.id}/${flangeBody}` : null);
    }
    this.links = links;
    this.computePoses(this.initialQ, this.toolOpen, null);
    for (const l of links) l.plan.pose = poseOf(this.worldOf(l));
    // The TCP hangs off the tool's body, not off a finger, so its offset is the same for any opening.
    if (this.tool && this.tcpIndex >= 0) this.tcpOffset.set(this.tool.worldOf(this.tcpIndex));
  }

  /** The robot item's pose in the world (the arm's root frame); do not modify. */
  get baseMatrix(): Mat4 {
    return this.base;
  }

  /** Arm DOF (inputs of setJointTargets). */
  get dof(): number {
    return this.arm.dof;
  }

  /** Tool DOF (finger joints). */
  get toolDof(): number {
    return this.tool?.dof ?? 0;
  }

  /** Runs FK for `q` and `toolQ`; when `out` is given, writes each link body's pose at `slots[i] · 7`. */
  computePoses(q: ArrayLike<number>, toolQ: ArrayLike<number>, out: { poses: Float64Array; slots: ArrayLike<number> } | null): void {
    this.arm.compute(q);
    mat4MultiplyRigid(this.flangeWorld, this.base, this.arm.worldOf(this.flangeIndex));
    if (this.tool) this.tool.compute(toolQ);
    if (!out) return;
    for (let i = 0; i < this.links.length; i++) poseFromMat4(this.worldOf(this.links[i]!), out.poses, out.slots[i]! * POSE_FLOATS);
  }

  /** World transform of a rig link after computePoses (a scratch matrix, overwritten next call). */
  private worldOf(l: RigLink): Mat4 {
    if (l.chain === 'arm') return mat4MultiplyRigid(this.scratch, this.base, this.arm.worldOf(l.index));
    return mat4MultiplyRigid(this.scratch, this.flangeWorld, this.tool!.worldOf(l.index));
  }

  /** World transform of the tool centre point (the flange without a tool) after computePoses. */
  tcpWorld(out: Mat4): Mat4 {
    if (this.tool && this.tcpIndex >= 0) return mat4MultiplyRigid(out, this.flangeWorld, this.tool.worldOf(this.tcpIndex));
    out.set(this.flangeWorld);
    return out;
  }

  /** Pairs of link body names that share a joint: they always touch, so they never report. */
  adjacentPairs(): [string, string][] {
    return this.links.filter((l) => l.parentBody !== null).map((l) => [l.plan.name, l.parentBody!]);
  }
}
