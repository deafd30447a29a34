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
    const { fk, matrix: J, columns: n } = this;
    J.fill(0);
    const tip = fk.worldOf(this.chain.tipLink);
    const tx = tip[12]!, ty = tip[13]!, tz = tip[14]!;
    for (const joint of this.chain.joints) {
      const m = fk.worldOf(joint.childLink);
      const [x, y, z] = joint.axis;
      const s = joint.scale;
      const ax = (m[0]! * x + m[4]! * y + m[8]! * z) * s;
      const ay = (m[1]! * x + m[5]! * y + m[9]! * z) * s;
      const az = (m[2]! * x + m[6]! * y + m[10]! * z) * s;
      const k = this.columnOfInput[joint.input]!;
      if (joint.prismatic) {
        J[k] = J[k]! + ax;
        J[n + k] = J[n + k]! + ay;
        J[2 * n + k] = J[2 * n + k]! + az;
        continue;
      }
      const rx = tx - m[12]!, ry = ty - m[13]!, rz = tz - m[14]!;
      J[k] = J[k]! + ay * rz - az * ry;
      J[n + k] = J[n + k]! + az * rx - ax * rz;
      J[2 * n + k] = J[2 * n + k]! + ax * ry - ay * rx;
      J[3 * n + k] = J[3 * n + k]! + ax;
      J[4 * n + k] = J[4 * n + k]! + ay;
      J[5 * n + k] = J[5 * n + k]! + az;
    }
    // World → base frame: multiply both halves of every column by the base rotation's transpose.
    const b = fk.worldOf(this.chain.baseLink);
    for (let k = 0; k < n; k++) {
      for (let half = 0; half < 6; half += 3) {
        const vx = J[half * n + k]!, vy = J[(half + 1) * n + k]!, vz = J[(half + 2) * n + k]!;
        J[half * n + k] = b[0]! * vx + b[1]! * vy + b[2]! * vz;
        J[(half + 1) * n + k] = b[4]! * vx + b[5]! * vy + b[6]! * vz;
        J[(half + 2) * n + k] = b[8]! * vx + b[9]! * vy + b[10]! * vz;
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
