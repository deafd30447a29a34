/**
 * Every closed-form IK branch for a tip pose, each named the way textbooks and teach pendants
 * name arm configurations (after Paul's PUMA convention), from the geometry of the branch
 * itself rather than from the solver's branch number:
 *
 * - **shoulder right / left**: the arm's wrist point lies in front of axis 1 (along the arm's
 *   forward direction — where it points with every joint at zero — turned by joint 1), or
 *   behind it, the arm reaching back over its shoulder;
 * - **elbow up / down**: in the plane of the parallel axes, the elbow (axis 3) lies above or
 *   below the line from the shoulder (axis 2) to the wrist point, "above" meaning along the base
 *   link's z;
 * - **wrist flip / no flip**: the sign of sin θ5 (negative: flip), θ5 as the URDF measures it.
 *
 * The wrist point is what the elbow moves: the wrist centre of a spherical wrist, a point on
 * axis 4 for a UR-type arm (ik-arm.ts).
 */
import type { Vec3 } from '../model/geometry';
import { analyseArm } from './ik-arm';
import type { InverseKinematics } from './ik';
import type { IkBranch } from './ik-types';
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid, mat4Position, mat4RotationAngle, type Mat4 } from './mat4';
import { dot, norm, reject, scale, sub } from './ik-subproblems';

/** A closed-form branch with its configuration names and how well its FK meets the target. */
export interface LabelledBranch extends IkBranch {
  shoulder: 'right' | 'left';
  elbow: 'up' | 'down';
  wrist: 'flip' | 'no flip';
  /** "shoulder right, elbow up, no flip" */
  label: string;
  /** Distance (m) and angle (rad) between the branch's tip and the target. */
  positionError: number;
  orientationError: number;
}

/** A point or a direction given in a link's frame, for reading it back in the root frame later. */
function toLocal(world: Mat4, p: Vec3, direction: boolean): Vec3 {
  const inv = mat4InvertRigid(mat4Create(), world);
  const w = direction ? 0 : 1;
  return [
    inv[0]! * p[0] + inv[4]! * p[1] + inv[8]! * p[2] + w * inv[12]!,
    inv[1]! * p[0] + inv[5]! * p[1] + inv[9]! * p[2] + w * inv[13]!,
    inv[2]! * p[0] + inv[6]! * p[1] + inv[10]! * p[2] + w * inv[14]!,
  ];
}
function toWorld(world: Mat4, p: Vec3, direction: boolean): Vec3 {
  const w = direction ? 0 : 1;
  return [
    world[0]! * p[0] + world[4]! * p[1] + world[8]! * p[2] + w * world[12]!,
    world[1]! * p[0] + world[5]! * p[1] + world[9]! * p[2] + w * world[13]!,
    world[2]! * p[0] + world[6]! * p[1] + world[10]! * p[2] + w * world[14]!,
  ];
}
const origin = (m: Mat4): Vec3 => [m[12]!, m[13]!, m[14]!];

/** What the labels need of an arm, fixed by its geometry: read once per chain (see frameOf). */
interface BranchFrame {
  /** The link the wrist point is fixed in, and the point in that link's frame. */
  wristLink: number;
  wristLocal: Vec3;
  /** The arm's forward direction in joint 1's child frame. */
  forwardLocal: Vec3;
}

/**
 * Per chain: its branch frame, or null when it has no closed form. The chain object is fixed
 * for the life of its Jacobian, so its identity keys the analysis (a WeakMap: a dropped robot
 * takes its entry with it). The lesson checker labels branches on every jog step, so the
 * analysis (FK at zero and the arm's screws) is done once per robot rather than per step.
 */
const frames = new WeakMap<object, BranchFrame | null>();

/** The chain's branch frame, computed at zero on first use (clobbering the FK state then). */
function frameOf(ik: InverseKinematics): BranchFrame | null {
  const { fk, chain } = ik.jacobian;
  const cached = frames.get(chain);
  if (cached !== undefined) return cached;
  const arm = analyseArm(ik.jacobian);
  if (!arm) {
    frames.set(chain, null);
    return null;
  }
  const [j1, , , j4, j5] = chain.joints as [typeof chain.joints[0], typeof chain.joints[0], typeof chain.joints[0], typeof chain.joints[0], typeof chain.joints[0]];
  // Constants in link frames, read at zero: the wrist point (fixed in joint 5's child, on whose
  // axis it lies, or in joint 4's child for the UR point on axis 4) and the forward direction.
  fk.compute(new Float64Array(fk.dof));
  const baseWorld = fk.linkPose(chain.baseLink);
  const inRoot = (p: Vec3): Vec3 => toWorld(baseWorld, p, false);
  const wristLink = arm.kind === 'spherical-wrist' ? j5.childLink : j4.childLink;
  const wristZero = arm.kind === 'spherical-wrist' ? inRoot(arm.center) : origin(fk.worldOf(j4.childLink));
  const wristLocal = toLocal(fk.worldOf(wristLink), wristZero, false);
  const axis1Zero = toWorld(fk.worldOf(j1.childLink), j1.axis, true);
  const forwardZero = reject(sub(wristZero, origin(fk.worldOf(j1.childLink))), scale(axis1Zero, 1 / norm(axis1Zero)));
  const forwardLocal = toLocal(fk.worldOf(j1.childLink), forwardZero, true);
  const frame = { wristLink, wristLocal, forwardLocal };
  frames.set(chain, frame);
  return frame;
}

/**
 * All closed-form branches of `ik` for `target` (tip in base, column-major), labelled; empty
 * when the chain has no closed form or the target is out of reach. `seed` as in
 * InverseKinematics.branches. Runs FK (clobbering the FK state). The arm's analysis is done
 * once per chain and reused by later calls.
 */
export function labelledBranches(ik: InverseKinematics, target: Mat4, seed?: ArrayLike<number>): LabelledBranch[] {
  const frame = frameOf(ik);
  if (!frame) return [];
  const branches = ik.branches(target, seed);
  const { fk, chain } = ik.jacobian;
  const [j1, j2, j3, , j5] = chain.joints as [typeof chain.joints[0], typeof chain.joints[0], typeof chain.joints[0], typeof chain.joints[0], typeof chain.joints[0]];
  const { wristLink, wristLocal, forwardLocal } = frame;

  const reached = mat4Create();
  const local = mat4Create();
  return branches.map((b) => {
    fk.compute(b.q);
    const l1 = fk.worldOf(j1.childLink);
    const w1 = toWorld(l1, j1.axis, true);
    const wrist = toWorld(fk.worldOf(wristLink), wristLocal, false);
    const shoulderAhead = dot(reject(sub(wrist, origin(l1)), scale(w1, 1 / norm(w1))), toWorld(l1, forwardLocal, true));
    const w2 = toWorld(fk.worldOf(j2.childLink), j2.axis, true);
    const s = origin(fk.worldOf(j2.childLink));
    const toElbow = reject(sub(origin(fk.worldOf(j3.childLink)), s), w2);
    const toWrist = reject(sub(wrist, s), w2);
    const across = sub(toElbow, scale(toWrist, dot(toElbow, toWrist) / dot(toWrist, toWrist)));
    const up = toWorld(fk.worldOf(chain.baseLink), [0, 0, 1], true);
    const q5 = b.q[j5.input] ?? 0;
    const shoulder = shoulderAhead >= 0 ? 'right' : 'left';
    const elbow = dot(across, up) >= 0 ? 'up' : 'down';
    const wristName = Math.sin(q5) < 0 ? 'flip' : 'no flip';
    mat4MultiplyRigid(reached, mat4InvertRigid(local, fk.worldOf(chain.baseLink)), fk.worldOf(chain.tipLink));
    const p = mat4Position(reached);
    // Fields written out rather than spread: a spread here cost more than the labelling itself
    // (bench/cases/lesson-check-ur5e.ts); same fields, same order.
    return {
      branch: b.branch,
      q: b.q,
      withinLimits: b.withinLimits,
      shoulder,
      elbow,
      wrist: wristName,
      label: `shoulder ${shoulder}, elbow ${elbow}, ${wristName === 'flip' ? 'wrist flip' : 'no flip'}`,
      positionError: Math.hypot(p[0] - target[12]!, p[1] - target[13]!, p[2] - target[14]!),
      orientationError: mat4RotationAngle(reached, target),
    };
  });
}
