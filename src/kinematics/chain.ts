/**
 * The kinematic chain between two links: which joints move `tip` relative to `base`, and how.
 * Jacobians, IK and the reach sampler all start from it.
 *
 * The path runs from `base` up to the deepest common ancestor and down to `tip`. Joints on the
 * way down move the tip; joints on the way up move the base, which the tip sees as the opposite
 * motion, so they count with a negative sign. A mimic joint counts toward its master's input
 * with its multiplier. Inputs that touch no joint of the path are not chain variables.
 */
import type { JointDescription, RobotDescription } from '../model/robot-description';
import type { Vec3 } from '../model/geometry';
import type { ForwardKinematics } from './forward';

/** One moving joint of a chain, in the form the Jacobian loop reads. */
export interface ChainJoint {
  name: string;
  /** Index (ForwardKinematics link index) of the joint's child link: its origin lies on the axis. */
  childLink: number;
  /** Unit axis in the child link's frame (a rotation about it leaves it unchanged). */
  axis: Vec3;
  prismatic: boolean;
  /** Input joint (column of ForwardKinematics.compute's q) that drives it. */
  input: number;
  /** d(joint value)/d(input), times −1 for joints on the base side of the path. */
  scale: number;
}

/** The joints between `base` and `tip` (see the file comment). */
export interface KinematicChain {
  base: string;
  tip: string;
  baseLink: number;
  tipLink: number;
  /** Moving joints of the path that an input drives, base side first, then root to tip. */
  joints: ChainJoint[];
  /** Input joints that move the tip relative to the base, ascending: the chain's variables. */
  inputs: number[];
  /**
   * True when the chain is a plain serial arm: every moving joint lies between the common
   * ancestor and the tip (none on the base side), none is a mimic, no input drives two joints.
   * Closed-form IK is tried only on such chains.
   */
  serial: boolean;
}

const MOVING = new Set(['revolute', 'continuous', 'prismatic']);

/** Joints from the root down to `link` (exclusive of the root). */
function pathFromRoot(link: string, parentJoint: Map<string, JointDescription>): JointDescription[] {
  const out: JointDescription[] = [];
  const seen = new Set<string>();
  for (let j = parentJoint.get(link); j !== undefined; j = parentJoint.get(j.parent)) {
    if (seen.has(j.name)) throw new Error(`the joints form a cycle through "${j.name}"`);
    seen.add(j.name);
    out.push(j);
  }
  return out.reverse();
}

/**
 * Builds the chain from `base` to `tip` on a robot and its ForwardKinematics. Throws naming
 * the link when either is unknown.
 */
export function kinematicChain(robot: RobotDescription, fk: ForwardKinematics, base: string, tip: string): KinematicChain {
  const baseLink = fk.indexOfLink(base);
  const tipLink = fk.indexOfLink(tip);
  const parentJoint = new Map(robot.joints.map((j) => [j.child, j]));
  const up = pathFromRoot(base, parentJoint);
  const down = pathFromRoot(tip, parentJoint);
  let common = 0;
  while (common < up.length && common < down.length && up[common] === down[common]) common++;

  const joints: ChainJoint[] = [];
  let serial = true;
  const add = (j: JointDescription, side: 1 | -1): void => {
    if (!MOVING.has(j.type)) return;
    const source = fk.valueSource(j.name);
    if (source.input < 0 || source.scale === 0) return; // a mimic of a fixed joint never moves
    if (side < 0 || j.mimic !== null) serial = false;
    joints.push({
      name: j.name,
      childLink: fk.indexOfLink(j.child),
      axis: [...j.axis],
      prismatic: j.type === 'prismatic',
      input: source.input,
      scale: side * source.scale,
    });
  };
  for (const j of up.slice(common)) add(j, -1);
  for (const j of down.slice(common)) add(j, 1);

  const inputs = [...new Set(joints.map((j) => j.input))].sort((a, b) => a - b);
  if (inputs.length !== joints.length) serial = false;
  return { base, tip, baseLink, tipLink, joints, inputs, serial };
}
