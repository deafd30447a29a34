/**
 * The geometric Jacobian of a chain (6 × n: linear velocity of the tip origin, then angular
 * velocity, both in the base frame) and Yoshikawa's manipulability measure.
 *
 * Column k belongs to the chain's k-th input joint (`inputs[k]` in ForwardKinematics order).
 * Each moving joint on the path adds its own column into its input's column: a revolute joint
 * with world axis a through point p adds [a × (p_tip − p); a], a prismatic one [a; 0], each
 * times the chain scale (a mimic's multiplier, −1 on the base side of the path). Expressing the
 * world columns in the base frame at the end also covers a base that is not the root.
 */
import type { RobotDescription } from '../model/robot-description';
import { ForwardKinematics } from './forward';
import { kinematicChain, type KinematicChain } from './chain';
import { determinantInPlace, gramInto } from './linalg';

/** Which rows manipulability looks at: all six, the three linear or the three angular ones. */
export type ManipulabilityRows = 'full' | 'position' | 'orientation';

/**
 * A reusable Jacobian for one base/tip pair: buffers are allocated once, so {@link update} and
 * {@link manipulability} allocate nothing and can run every frame (UI readout, IK).
 *
 * @example
 * const jac = new Jacobian(robot, 'base', 'tool0');
 * jac.compute([0, -1.57, 1.57, 0, 0.5, 0]);
 * const w = jac.manipulability(); // sqrt(det(J Jᵀ)), 0 at a singularity
 */
export class Jacobian {
  readonly fk: ForwardKinematics;
  readonly chain: KinematicChain;
  /** Number of columns: the chain's input joints. */
  readonly columns: number;
  /** 6 × {@link columns}, row-major: rows vx, vy, vz, ωx, ωy, ωz, in the base frame. */
  readonly matrix: Float64Array;
  private readonly columnOfInput: Int32Array;
  private readonly gram: Float64Array;
  // The chain's joints as flat arrays, for the loop in update (see ChainJoint).
  private readonly jointLink: Int32Array;
  private readonly jointColumn: Int32Array;
  private readonly jointAxis: Float64Array;
  private readonly jointScale: Float64Array;
  private readonly jointPrismatic: Uint8Array;

  /** Pass `fk` to share one ForwardKinematics (IK does); otherwise the Jacobian makes its own. */
  constructor(robot: RobotDescription, base: string, tip: string, fk: ForwardKinematics = new ForwardKinematics(robot)) {
    this.fk = fk;
    this.chain = kinematicChain(robot, fk, base, tip);
    this.columns = this.chain.inputs.length;
    this.matrix = new Float64Array(6 * this.columns);
    this.columnOfInput = new Int32Array(fk.dof).fill(-1);
    this.chain.inputs.forEach((input, k) => (this.columnOfInput[input] = k));
    const side = Math.max(6, this.columns);
    this.gram = new Float64Array(side * side);
    const joints = this.chain.joints;
    this.jointLink = Int32Array.from(joints, (j) => j.childLink);
    this.jointColumn = Int32Array.from(joints, (j) => this.columnOfInput[j.input]!);
    this.jointAxis = Float64Array.from(joints.flatMap((j) => j.axis));
    this.jointScale = Float64Array.from(joints, (j) => j.scale);
    this.jointPrismatic = Uint8Array.from(joints, (j) => (j.prismatic ? 1 : 0));
  }

  /** Input joint index (ForwardKinematics.compute order) of column `k`. */
  inputOfColumn(k: number): number {
    const i = this.chain.inputs[k];
    if (i === undefined) throw new Error(`no column ${k}`);
    return i;
  }

  /** Runs forward kinematics for `q` (all inputs, ForwardKinematics order), then {@link update}. */
  compute(q: ArrayLike<number>): Float64Array {
    this.fk.compute(q);
    return this.update();
  }

  /** Fills {@link matrix} from the ForwardKinematics' last compute. Allocation-free. */
  update(): Float64Array {
    const { matrix: J, columns: n, jointLink, jointColumn, jointAxis, jointScale, jointPrismatic } = this;
    const T = this.fk.transforms; // link i's world transform at 16 i (column-major)
    J.fill(0);
    const t = 16 * this.chain.tipLink;
    const tx = T[t + 12]!, ty = T[t + 13]!, tz = T[t + 14]!;
    for (let j = 0; j < jointLink.length; j++) {
      const o = 16 * jointLink[j]!;
      const x = jointAxis[3 * j]!, y = jointAxis[3 * j + 1]!, z = jointAxis[3 * j + 2]!;
      const s = jointScale[j]!;
      const ax = (T[o]! * x + T[o + 4]! * y + T[o + 8]! * z) * s;
      const ay = (T[o + 1]! * x + T[o + 5]! * y + T[o + 9]! * z) * s;
      const az = (T[o + 2]! * x + T[o + 6]! * y + T[o + 10]! * z) * s;
      const k = jointColumn[j]!;
      if (jointPrismatic[j] === 1) {
        J[k] = J[k]! + ax;
        J[n + k] = J[n + k]! + ay;
        J[2 * n + k] = J[2 * n + k]! + az;
        continue;
      }
      const rx = tx - T[o + 12]!, ry = ty - T[o + 13]!, rz = tz - T[o + 14]!;
      J[k] = J[k]! + ay * rz - az * ry;
      J[n + k] = J[n + k]! + az * rx - ax * rz;
      J[2 * n + k] = J[2 * n + k]! + ax * ry - ay * rx;
      J[3 * n + k] = J[3 * n + k]! + ax;
      J[4 * n + k] = J[4 * n + k]! + ay;
      J[5 * n + k] = J[5 * n + k]! + az;
    }
    // World → base frame: multiply both halves of every column by the base rotation's transpose.
    const b = 16 * this.chain.baseLink;
    const b0 = T[b]!, b1 = T[b + 1]!, b2 = T[b + 2]!, b4 = T[b + 4]!, b5 = T[b + 5]!, b6 = T[b + 6]!;
    const b8 = T[b + 8]!, b9 = T[b + 9]!, b10 = T[b + 10]!;
    for (let k = 0; k < n; k++) {
      for (let half = 0; half < 6; half += 3) {
        const vx = J[half * n + k]!, vy = J[(half + 1) * n + k]!, vz = J[(half + 2) * n + k]!;
        J[half * n + k] = b0 * vx + b1 * vy + b2 * vz;
        J[(half + 1) * n + k] = b4 * vx + b5 * vy + b6 * vz;
        J[(half + 2) * n + k] = b8 * vx + b9 * vy + b10 * vz;
      }
    }
    return J;
  }

  /**
   * Yoshikawa's manipulability of the last {@link update}: the product of the singular values
   * of the selected rows, 0 exactly at a singularity. With at least as many columns as rows it
   * is sqrt(det(J Jᵀ)); a chain with fewer joints than rows (a 5-axis arm, a 2-joint pan-tilt)
   * would always give 0 that way, so it uses sqrt(det(Jᵀ J)) instead — the volume its joints
   * can still sweep. Units mix metres and radians, as in the usual definition: compare values of
   * one robot, not across robots. Allocation-free.
   */
  manipulability(rows: ManipulabilityRows = 'full'): number {
    const first = rows === 'orientation' ? 3 : 0;
    const count = rows === 'full' ? 6 : 3;
    const byRows = count <= this.columns;
    const size = byRows ? count : this.columns;
    if (size === 0) return 0;
    gramInto(this.gram, this.matrix, this.columns, first, count, byRows);
    return Math.sqrt(Math.max(0, determinantInPlace(this.gram, size)));
  }

  /** The Jacobian as 6 rows of {@link ForwardKinematics.dof} numbers (zeros off the chain). Allocates. */
  toRows(): number[][] {
    const n = this.columns;
    return [0, 1, 2, 3, 4, 5].map((r) => {
      const row = new Array<number>(this.fk.dof).fill(0);
      for (let k = 0; k < n; k++) row[this.chain.inputs[k]!] = this.matrix[r * n + k]!;
      return row;
    });
  }
}
