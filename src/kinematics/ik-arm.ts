/**
 * Recognises the 6-axis arm families that have a closed-form IK, from the chain's geometry at
 * zero — never from the robot's name, so a renamed or re-exported URDF still matches:
 *
 * - **spherical wrist** (KUKA, ABB, FANUC, Yaskawa, Stäubli …): axes 4, 5 and 6 meet in one
 *   point, axes 2 and 3 are parallel, axis 1 is not parallel to them;
 * - **UR type** (Universal Robots and their clones): axes 2, 3 and 4 are parallel, axis 1 is
 *   not, and axes 5 and 6 meet in one point.
 *
 * The joints are described as screws (unit axis and a point on it, in the base frame, every
 * joint at zero), the form the solvers in ik-closed-form.ts work in.
 */
import type { Vec3 } from '../model/geometry';
import type { Jacobian } from './jacobian';
import { mat4Create } from './mat4';
import { cross, dot, norm, reject, scale, sub, add, type Mat3 } from './ik-subproblems';

/** Which closed-form solver fits a chain. */
export type ClosedFormKind = 'ur' | 'spherical-wrist';

/** A 6-axis arm as screws at zero, with what its solver needs. */
export interface ArmGeometry {
  kind: ClosedFormKind;
  /** Unit axis of each joint (base frame, all joints at zero). */
  w: Vec3[];
  /** A point on each joint's axis (the child link's origin). */
  r: Vec3[];
  /** Tip pose in the base frame with all joints at zero: rotation (row-major) and position. */
  homeR: Mat3;
  homeP: Vec3;
  /** Spherical wrist: where axes 4, 5, 6 meet. UR type: where axes 5 and 6 meet. */
  center: Vec3;
  /** Input joint (ForwardKinematics order) of each of the six joints, base to tip. */
  inputs: number[];
}

/** How far (m, or sine of an angle) the geometry may be off and still count as the family. */
export const GEOMETRY_TOLERANCE = 1e-6;

const parallel = (a: Vec3, b: Vec3): boolean => norm(cross(a, b)) < GEOMETRY_TOLERANCE;

/** Where two non-parallel lines meet (midpoint of their closest points), or null if they miss. */
function meet(r1: Vec3, w1: Vec3, r2: Vec3, w2: Vec3): Vec3 | null {
  const n = cross(w1, w2);
  const n2 = dot(n, n);
  if (n2 < GEOMETRY_TOLERANCE ** 2) return null;
  const d = sub(r2, r1);
  if (Math.abs(dot(d, n)) / Math.sqrt(n2) > GEOMETRY_TOLERANCE) return null;
  const t1 = dot(cross(d, w2), n) / n2;
  const t2 = dot(cross(d, w1), n) / n2;
  return scale(add(add(r1, scale(w1, t1)), add(r2, scale(w2, t2))), 0.5);
}

/** Two parallel axes that are distinct lines (a planar link between them has a length). */
const distinctParallel = (ra: Vec3, wa: Vec3, rb: Vec3, wb: Vec3): boolean =>
  parallel(wa, wb) && norm(reject(sub(rb, ra), wa)) > GEOMETRY_TOLERANCE;

/**
 * The arm's geometry when the Jacobian's chain is a plain serial chain of six revolute joints
 * in one of the closed-form families; null otherwise. Runs FK at zero (clobbering the FK state).
 */
export function analyseArm(jacobian: Jacobian): ArmGeometry | null {
  const { chain, fk } = jacobian;
  if (!chain.serial || chain.joints.length !== 6 || chain.joints.some((j) => j.prismatic)) return null;
  fk.compute(new Float64Array(fk.dof));
  const base = fk.worldOf(chain.baseLink);
  // World vector → base frame: Rᵀ v, with R column-major in `base`.
  const toBase = (x: number, y: number, z: number): Vec3 => [
    base[0]! * x + base[1]! * y + base[2]! * z,
    base[4]! * x + base[5]! * y + base[6]! * z,
    base[8]! * x + base[9]! * y + base[10]! * z,
  ];
  const w: Vec3[] = [];
  const r: Vec3[] = [];
  for (const j of chain.joints) {
    const m = fk.worldOf(j.childLink);
    const [x, y, z] = j.axis;
    const a = toBase(m[0]! * x + m[4]! * y + m[8]! * z, m[1]! * x + m[5]! * y + m[9]! * z, m[2]! * x + m[6]! * y + m[10]! * z);
    w.push(scale(a, 1 / norm(a)));
    r.push(toBase(m[12]! - base[12]!, m[13]! - base[13]!, m[14]! - base[14]!));
  }
  const home = fk.relativePose(chain.baseLink, chain.tipLink, mat4Create());
  const homeR = [home[0]!, home[4]!, home[8]!, home[1]!, home[5]!, home[9]!, home[2]!, home[6]!, home[10]!];
  const homeP: Vec3 = [home[12]!, home[13]!, home[14]!];
  const inputs = chain.joints.map((j) => j.input);
  const [w1, w2, w3, w4, w5, w6] = w as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
  const [, r2, r3, r4, r5, r6] = r as [Vec3, Vec3, Vec3, Vec3, Vec3, Vec3];
  if (parallel(w1, w2) || !distinctParallel(r2, w2, r3, w3)) return null;

  const w45 = meet(r4, w4, r5, w5);
  const w56 = meet(r5, w5, r6, w6);
  // The wrist centre must lie off axis 3, or the elbow angle would not move it.
  if (w45 && w56 && norm(sub(w45, w56)) < GEOMETRY_TOLERANCE && norm(reject(sub(w45, r3), w3)) > GEOMETRY_TOLERANCE) {
    return { kind: 'spherical-wrist', w, r, homeR, homeP, center: w45, inputs };
  }
  if (w56 && distinctParallel(r3, w3, r4, w4) && !parallel(w5, w2) && !parallel(w6, w5)) {
    return { kind: 'ur', w, r, homeR, homeP, center: w56, inputs };
  }
  return null;
}
