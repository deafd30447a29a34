/**
 * The kinematics rows of issue 4's benchmark: forward kinematics per call and IK per solve with
 * its success rate, on four corpus arms read from tests/corpus.
 *
 * - FK: the tool pose in the chain's base frame for a joint vector. Ours: ForwardKinematics
 *   `compute(q)` (every link of the robot) then `relativePose(base, tip)`. Reference: a plain
 *   three.js Matrix4 chain over the same URDF joints ({@link ReferenceChain}, written here),
 *   which only walks the joints between the root and the tip and the root and the base.
 * - IK, 6-axis arms: the same 1,000 targets and seeds solved by our closed form (tried first,
 *   the default) against our numerical solver (`closedForm: false`: damped least squares from
 *   the seed, then up to 24 random restarts — the default options).
 * - IK, Panda (7 axes, no closed form): our numerical solver against a textbook DLS written here
 *   ({@link ReferenceDls}: fixed damping, clamped to the limits, the same restart budget).
 *
 * Targets are reachable by construction: FK of seeded random joint vectors, uniform within the
 * limits. Each solve starts from another seeded random joint vector within the limits (not the
 * target's own), for both sides. A solve succeeds when it reports converged and FK of its answer
 * is within 1e-6 m and 1e-5 rad of the target with every joint inside its limits — the round-trip
 * criterion of tests/unit/kinematics-ik.test.ts. Success rates are measured once in setup over
 * all 1,000 poses (untimed); each timed call solves all 1,000, and times are per solve.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { parseUrdf } from '../../../src/io/urdf/parse-urdf';
import { ForwardKinematics } from '../../../src/kinematics/forward';
import { InverseKinematics } from '../../../src/kinematics/ik';
import { jointRange } from '../../../src/kinematics/limits';
import { mat4Create, mat4RotationAngle, type Mat4 } from '../../../src/kinematics/mat4';
import { seededRandom } from '../../../src/kinematics/random';
import { activeJoints, type JointDescription, type RobotDescription } from '../../../src/model/robot-description';
import { defineCase, type BenchCase, type BenchRow } from '../../harness';
import { CORPUS_DIR } from './corpus-robots';

/** An arm of the benchmark: a corpus URDF and the chain that FK and IK work on. */
export interface BenchArm {
  /** Short name for the row (`UR5e`). */
  label: string;
  /** Path below tests/corpus. */
  file: string;
  base: string;
  tip: string;
}

export const UR5E: BenchArm = { label: 'UR5e', file: 'ur_description/urdf/ur5e.urdf', base: 'base', tip: 'tool0' };
export const KR6: BenchArm = { label: 'KR 6 R900 sixx', file: 'kuka_kr6_support/urdf/kr6r900sixx.urdf', base: 'base_link', tip: 'tool0' };
export const IRB120: BenchArm = { label: 'IRB 120', file: 'abb_irb120_support/urdf/irb120_3_58.urdf', base: 'base_link', tip: 'tool0' };
export const PANDA: BenchArm = { label: 'Panda', file: 'franka_description/robots/panda/panda.urdf', base: 'panda_link0', tip: 'panda_link8' };

/** Poses per IK row (and joint vectors cycled through by the FK rows). */
export const POSES = 1000;
/** Seeds of the RNG streams: targets and solve seeds never share numbers. */
const TARGET_SEED = 0x4b1;
const START_SEED = 0x5eed;
/** Round-trip tolerances of a successful solve (m, rad), as in the IK tests. */
const POSITION_OK = 1e-6;
const ANGLE_OK = 1e-5;

function loadArm(arm: BenchArm): RobotDescription {
  return parseUrdf(readFileSync(path.join(CORPUS_DIR, arm.file), 'utf8'), arm.file).robot;
}

/** `count` joint vectors of the robot's inputs, uniform within the limits ([−π, π] where there is none). */
function randomJointVectors(robot: RobotDescription, count: number, seed: number): Float64Array[] {
  const random = seededRandom(seed);
  const ranges = activeJoints(robot).map((j) => {
    const [lo, hi] = jointRange(j);
    return [Number.isFinite(lo) ? lo : -Math.PI, Number.isFinite(hi) ? hi : Math.PI] as const;
  });
  return Array.from({ length: count }, () => Float64Array.from(ranges, ([lo, hi]) => lo + (hi - lo) * random()));
}

// ---------------------------------------------------------------------------------------------
// Reference forward kinematics: three.js Matrix4, one joint at a time.

/** A joint of a reference chain: its origin as a Matrix4 and how its value is found. */
interface RefJoint {
  joint: JointDescription;
  origin: Matrix4;
  axis: Vector3;
  /** Value = scale · q[input] + offset; input −1 for fixed joints. */
  input: number;
  scale: number;
  offset: number;
}

/**
 * Straightforward FK over the URDF joints, independent of src/kinematics: for each joint from
 * the root, world ← world · origin · motion(value), with three.js `Matrix4.multiply`,
 * `makeRotationAxis` and `makeTranslation`; the pose of the tip in the base is base⁻¹ · tip
 * (`Matrix4.invert`). Origins are built once (URDF rpy = Rz(yaw) Ry(pitch) Rx(roll)); nothing
 * else is precomputed.
 */
export class ReferenceChain {
  /** Joints from the root to the tip, root first. */
  readonly tipPath: RefJoint[];
  /** Joints from the root to the base, root first. */
  readonly basePath: RefJoint[];
  /** World frame of each tipPath joint's child link after {@link tipPose} (or {@link tipWorld}). */
  readonly frames: Matrix4[];
  private readonly motion = new Matrix4();
  private readonly baseWorld = new Matrix4();
  private readonly world = new Matrix4();
  private readonly step = new Vector3();

  constructor(robot: RobotDescription, base: string, tip: string) {
    const inputs = new Map(activeJoints(robot).map((j, i) => [j.name, i]));
    const byName = new Map(robot.joints.map((j) => [j.name, j]));
    const byChild = new Map(robot.joints.map((j) => [j.child, j]));
    const refJoint = (joint: JointDescription): RefJoint => {
      const { xyz, rpy } = joint.origin;
      // URDF rpy: fixed axes X, then Y, then Z, i.e. R = Rz(yaw) · Ry(pitch) · Rx(roll).
      const origin = new Matrix4()
        .makeRotationZ(rpy[2])
        .multiply(new Matrix4().makeRotationY(rpy[1]))
        .multiply(new Matrix4().makeRotationX(rpy[0]))
        .setPosition(xyz[0], xyz[1], xyz[2]);
      let scale = 1, offset = 0, source = joint;
      while (source.mimic !== null) {
        offset += scale * source.mimic.offset;
        scale *= source.mimic.multiplier;
        source = byName.get(source.mimic.joint)!;
      }
      const moving = joint.type === 'revolute' || joint.type === 'continuous' || joint.type === 'prismatic';
      const input = moving ? (inputs.get(source.name) ?? -1) : -1;
      return { joint, origin, axis: new Vector3(...joint.axis), input, scale: input < 0 ? 0 : scale, offset };
    };
    const pathTo = (link: string): RefJoint[] => {
      const out: RefJoint[] = [];
      for (let j = byChild.get(link); j !== undefined; j = byChild.get(j.parent)) out.push(refJoint(j));
      return out.reverse();
    };
    this.tipPath = pathTo(tip);
    this.basePath = pathTo(base);
    this.frames = this.tipPath.map(() => new Matrix4());
  }

  /** world ← world · origin · motion for each joint of `joints`; records frames when asked. */
  private walk(joints: RefJoint[], q: ArrayLike<number>, world: Matrix4, frames: Matrix4[] | null): Matrix4 {
    world.identity();
    for (let k = 0; k < joints.length; k++) {
      const j = joints[k]!;
      world.multiply(j.origin);
      const type = j.joint.type;
      if (type === 'revolute' || type === 'continuous' || type === 'prismatic') {
        const v = j.input >= 0 ? j.scale * q[j.input]! + j.offset : j.offset;
        if (type === 'prismatic') {
          this.step.copy(j.axis).multiplyScalar(v);
          this.motion.makeTranslation(this.step.x, this.step.y, this.step.z);
        } else {
          this.motion.makeRotationAxis(j.axis, v);
        }
        world.multiply(this.motion);
      }
      if (frames) frames[k]!.copy(world);
    }
    return world;
  }

  /** World (root-frame) pose of the tip, with every tip-path frame recorded in {@link frames}. */
  tipWorld(q: ArrayLike<number>): Matrix4 {
    return this.walk(this.tipPath, q, this.world, this.frames);
  }

  /** World pose of the base link. */
  baseWorldPose(q: ArrayLike<number>): Matrix4 {
    return this.walk(this.basePath, q, this.baseWorld, null);
  }

  /** The tip's pose in the base frame, base⁻¹ · tip, written column-major into `out`. */
  tipPose(q: ArrayLike<number>, out: Mat4): Mat4 {
    const base = this.walk(this.basePath, q, this.baseWorld, null).invert();
    const tip = this.walk(this.tipPath, q, this.world, null);
    out.set(base.multiply(tip).elements);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Reference numerical IK: textbook damped least squares on the reference chain.

/**
 * Textbook DLS (Wampler / Nakamura–Hanafusa): dq = Jᵀ (J Jᵀ + λ² I)⁻¹ e with a fixed λ, the
 * geometric Jacobian and the pose error (position difference, rotation vector of R_t R_cᵀ) in
 * the root frame, every step clamped into the joint limits. 100 iterations from the seed, then
 * up to 24 restarts from random joint vectors within the limits (seeded), stopping at the first
 * that converges — the same budget as ours, without adaptive damping, limit locking or a choice
 * among several solutions. Same tolerances as ours (1e-8 m, 1e-7 rad).
 */
export class ReferenceDls {
  private readonly chain: ReferenceChain;
  private readonly lo: number[];
  private readonly hi: number[];
  /** Columns: the tipPath indices of moving joints that an input drives. */
  private readonly moving: number[];
  private readonly target = new Matrix4();
  private readonly e = new Float64Array(6);
  private readonly J: Float64Array;
  private readonly A = new Float64Array(36);
  private readonly y = new Float64Array(6);
  private readonly rot = new Matrix4();
  private readonly quat = new Quaternion();
  iterations = 0;

  constructor(
    robot: RobotDescription,
    base: string,
    tip: string,
    private readonly lambda = 1e-3,
  ) {
    this.chain = new ReferenceChain(robot, base, tip);
    const joints = activeJoints(robot);
    this.lo = joints.map((j) => jointRange(j)[0]);
    this.hi = joints.map((j) => jointRange(j)[1]);
    this.moving = this.chain.tipPath.flatMap((j, k) => (j.input >= 0 && j.scale !== 0 ? [k] : []));
    this.J = new Float64Array(6 * this.moving.length);
  }

  /** Solves for `target` (tip in base, column-major) from `seed`; returns q and whether it converged. */
  solve(target: Mat4, seed: ArrayLike<number>, restarts = 24, randomSeed = 1): { q: Float64Array; converged: boolean } {
    // Target in the root frame: base world · target.
    this.target.fromArray(target).premultiply(this.chain.baseWorldPose(seed));
    const q = Float64Array.from(seed);
    this.iterations = 0;
    if (this.run(q)) return { q, converged: true };
    const random = seededRandom(randomSeed);
    for (let r = 0; r < restarts; r++) {
      for (const k of this.moving) {
        const i = this.chain.tipPath[k]!.input;
        const lo = Number.isFinite(this.lo[i]!) ? this.lo[i]! : -Math.PI, hi = Number.isFinite(this.hi[i]!) ? this.hi[i]! : Math.PI;
        q[i] = lo + (hi - lo) * random();
      }
      if (this.run(q)) return { q, converged: true };
    }
    return { q, converged: false };
  }

  /** Up to 100 DLS iterations from q (in place); true when within the tolerances. */
  private run(q: Float64Array): boolean {
    const { e, J, A, y, moving, chain } = this;
    const n = moving.length;
    for (let it = 0; ; it++) {
      const tip = chain.tipWorld(q);
      this.error(tip);
      const pos = Math.sqrt(e[0]! ** 2 + e[1]! ** 2 + e[2]! ** 2), ang = Math.sqrt(e[3]! ** 2 + e[4]! ** 2 + e[5]! ** 2);
      if (pos <= 1e-8 && ang <= 1e-7) return true;
      if (it === 100) return false;
      this.iterations++;
      const te = tip.elements;
      for (let c = 0; c < n; c++) {
        const j = chain.tipPath[moving[c]!]!;
        const f = chain.frames[moving[c]!]!.elements;
        // World axis a = R_child · axis (times the mimic scale), through the child origin p.
        const ax = (f[0]! * j.axis.x + f[4]! * j.axis.y + f[8]! * j.axis.z) * j.scale;
        const ay = (f[1]! * j.axis.x + f[5]! * j.axis.y + f[9]! * j.axis.z) * j.scale;
        const az = (f[2]! * j.axis.x + f[6]! * j.axis.y + f[10]! * j.axis.z) * j.scale;
        if (j.joint.type === 'prismatic') {
          J[c] = ax; J[n + c] = ay; J[2 * n + c] = az; J[3 * n + c] = 0; J[4 * n + c] = 0; J[5 * n + c] = 0;
          continue;
        }
        const rx = te[12]! - f[12]!, ry = te[13]! - f[13]!, rz = te[14]! - f[14]!;
        J[c] = ay * rz - az * ry; J[n + c] = az * rx - ax * rz; J[2 * n + c] = ax * ry - ay * rx;
        J[3 * n + c] = ax; J[4 * n + c] = ay; J[5 * n + c] = az;
      }
      // (J Jᵀ + λ² I) y = e by Gaussian elimination, then dq = Jᵀ y.
      for (let r = 0; r < 6; r++) {
        for (let c = 0; c < 6; c++) {
          let s = r === c ? this.lambda * this.lambda : 0;
          for (let k = 0; k < n; k++) s += J[r * n + k]! * J[c * n + k]!;
          A[r * 6 + c] = s;
        }
        y[r] = e[r]!;
      }
      gaussSolve(A, y, 6);
      for (let c = 0; c < n; c++) {
        let dq = 0;
        for (let r = 0; r < 6; r++) dq += J[r * n + c]! * y[r]!;
        const input = chain.tipPath[moving[c]!]!.input;
        q[input] = Math.min(this.hi[input]!, Math.max(this.lo[input]!, q[input]! + dq));
      }
    }
  }

  /** Pose error from the current tip (root frame) to the target: position, then rotation vector. */
  private error(tip: Matrix4): void {
    const t = this.target.elements, c = tip.elements, e = this.e;
    e[0] = t[12]! - c[12]!; e[1] = t[13]! - c[13]!; e[2] = t[14]! - c[14]!;
    // R_err = R_t · R_cᵀ as a quaternion, then axis · angle.
    this.rot.extractRotation(tip).transpose().premultiply(this.rot.clone().extractRotation(this.target));
    const qe = this.quat.setFromRotationMatrix(this.rot);
    if (qe.w < 0) qe.set(-qe.x, -qe.y, -qe.z, -qe.w);
    const s = Math.sqrt(qe.x * qe.x + qe.y * qe.y + qe.z * qe.z);
    const k = s < 1e-12 ? 2 : (2 * Math.atan2(s, qe.w)) / s;
    e[3] = qe.x * k; e[4] = qe.y * k; e[5] = qe.z * k;
  }
}

/** Solves A x = b (n×n row-major, in place) by Gaussian elimination with partial pivoting. */
function gaussSolve(A: Float64Array, b: Float64Array, n: number): void {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]!) > Math.abs(A[p * n + c]!)) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [A[c * n + k], A[p * n + k]] = [A[p * n + k]!, A[c * n + k]!];
      [b[c], b[p]] = [b[p]!, b[c]!];
    }
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c]! / A[c * n + c]!;
      for (let k = c; k < n; k++) A[r * n + k] = A[r * n + k]! - f * A[c * n + k]!;
      b[r] = b[r]! - f * b[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= A[r * n + k]! * b[k]!;
    b[r] = s / A[r * n + r]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Rows.

/** Largest |ours − reference| over the 16 entries of two poses. */
function maxDifference(a: Mat4, b: Mat4): number {
  let worst = 0;
  for (let k = 0; k < 16; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
  return worst;
}

const us = (ms: number): string => (ms * 1000 >= 100 ? (ms * 1000).toFixed(0) : (ms * 1000).toPrecision(3));
const percent = (rate: number): string => `${(100 * rate).toFixed(1)}%`;

/** FK row: tool pose per call, ours against the three.js Matrix4 chain. */
export function fkCase(arm: BenchArm): BenchCase {
  return defineCase({
    name: `kinematics ${arm.label}: FK ${arm.base} → ${arm.tip}`,
    ours: 'ForwardKinematics.compute(q) (all links) + relativePose(base, tip) (src/kinematics)',
    reference: 'three.js Matrix4 chain over the same URDF joints (root → tip, root → base), base⁻¹ · tip',
    setup() {
      const robot = loadArm(arm);
      const fk = new ForwardKinematics(robot);
      const ref = new ReferenceChain(robot, arm.base, arm.tip);
      const qs = randomJointVectors(robot, POSES, TARGET_SEED);
      const a = mat4Create(), b = mat4Create();
      const baseIndex = fk.indexOfLink(arm.base), tipIndex = fk.indexOfLink(arm.tip);
      let worst = 0;
      for (const q of qs) worst = Math.max(worst, maxDifference(fk.compute(q).relativePose(baseIndex, tipIndex, a), ref.tipPose(q, b)));
      if (worst > 1e-9) throw new Error(`${arm.file}: ours and the reference FK differ by ${worst}`);
      let i = 0, j = 0;
      return {
        ours: () => fk.compute(qs[(i = (i + 1) % POSES)]!).relativePose(baseIndex, tipIndex, a),
        reference: () => ref.tipPose(qs[(j = (j + 1) % POSES)]!, b),
        metrics: { dof: fk.dof, joints: robot.joints.length, worst_difference: worst },
      };
    },
    notes: (row) => `ours ${us(row.ours_ms)} µs/call, reference ${us(row.reference_ms)} µs/call (${row.metrics?.dof} inputs, ${row.metrics?.joints} joints)`,
  });
}

/** How one side of an IK row did over the poses, measured once in setup. */
interface SolveStats {
  success: number;
  iterations: number;
  closedForm: number;
}

/** Checks a solve the way the IK round-trip tests do. */
function solvedWell(fk: ForwardKinematics, arm: BenchArm, q: ArrayLike<number>, converged: boolean, target: Mat4, reached: Mat4): boolean {
  if (!converged) return false;
  for (let i = 0; i < fk.dof; i++) {
    const [lo, hi] = jointRange(fk.inputJoints[i]!);
    if (!(q[i]! >= lo && q[i]! <= hi)) return false;
  }
  fk.compute(q).relativePose(arm.base, arm.tip, reached);
  const position = Math.hypot(reached[12]! - target[12]!, reached[13]! - target[13]!, reached[14]! - target[14]!);
  return position <= POSITION_OK && mat4RotationAngle(reached, target) <= ANGLE_OK;
}

/** The reachable targets and solve seeds of an IK row. */
function ikInputs(robot: RobotDescription, arm: BenchArm): { targets: Mat4[]; seeds: Float64Array[] } {
  const fk = new ForwardKinematics(robot);
  const targets = randomJointVectors(robot, POSES, TARGET_SEED).map((q) => fk.compute(q).relativePose(arm.base, arm.tip, mat4Create()));
  return { targets, seeds: randomJointVectors(robot, POSES, START_SEED) };
}

/** `closed form 3.1 µs/solve, 100.0% solved; numerical 412 µs/solve, 99.5% solved, 150 it/solve`. */
function ikNote(row: BenchRow, ours: string, reference: string, oursIterations: boolean): string {
  const m = row.metrics ?? {};
  const iterations = (n: number | undefined): string => `, ${(n ?? NaN).toFixed(0)} it/solve`;
  return (
    `${ours} ${us(row.ours_ms)} µs/solve, ${percent(m.ours_success ?? NaN)} solved${oursIterations ? iterations(m.ours_iterations) : ''}; ` +
    `${reference} ${us(row.reference_ms)} µs/solve, ${percent(m.reference_success ?? NaN)} solved${iterations(m.reference_iterations)}`
  );
}

/** IK row of a 6-axis arm: closed form (ours, the default path) against our numerical solver. */
export function ikClosedFormCase(arm: BenchArm): BenchCase {
  return defineCase({
    name: `kinematics ${arm.label}: IK closed-form vs numerical`,
    ours: `InverseKinematics.solve(target, seed): closed form first (all branches, nearest the seed, FK check), ${POSES} reachable poses, random seeds`,
    reference: `InverseKinematics.solve(target, seed, { closedForm: false }): DLS from the seed + up to 24 random restarts, same poses and seeds`,
    rounds: 10,
    setup() {
      const robot = loadArm(arm);
      const closed = new InverseKinematics(robot, arm.base, arm.tip);
      const numerical = new InverseKinematics(robot, arm.base, arm.tip);
      if (closed.closedForm === null) throw new Error(`${arm.file}: ${arm.base} → ${arm.tip} has no closed form`);
      const { targets, seeds } = ikInputs(robot, arm);
      const check = new ForwardKinematics(robot);
      const reached = mat4Create();
      const stats = (numericalOnly: boolean): SolveStats => {
        const s: SolveStats = { success: 0, iterations: 0, closedForm: 0 };
        const ik = numericalOnly ? numerical : closed;
        for (let i = 0; i < POSES; i++) {
          const r = ik.solve(targets[i]!, seeds[i]!, numericalOnly ? { closedForm: false } : {});
          if (solvedWell(check, arm, r.q, r.converged, targets[i]!, reached)) s.success++;
          s.iterations += r.iterations;
          if (r.method === 'closed-form') s.closedForm++;
        }
        return { success: s.success / POSES, iterations: s.iterations / POSES, closedForm: s.closedForm / POSES };
      };
      const ours = stats(false), reference = stats(true);
      const noClosedForm = { closedForm: false };
      return {
        ours: () => {
          let last: unknown;
          for (let i = 0; i < POSES; i++) last = closed.solve(targets[i]!, seeds[i]!);
          return last;
        },
        reference: () => {
          let last: unknown;
          for (let i = 0; i < POSES; i++) last = numerical.solve(targets[i]!, seeds[i]!, noClosedForm);
          return last;
        },
        units: POSES,
        metrics: {
          poses: POSES,
          ours_success: ours.success,
          ours_closed_form_answers: ours.closedForm,
          ours_iterations: ours.iterations,
          reference_success: reference.success,
          reference_iterations: reference.iterations,
        },
      };
    },
    notes: (row) => ikNote(row, 'closed form', 'numerical', false),
  });
}

/** IK row of an arm without a closed form: our numerical solver against textbook DLS. */
export function ikNumericalCase(arm: BenchArm): BenchCase {
  return defineCase({
    name: `kinematics ${arm.label}: IK numerical vs textbook DLS`,
    ours: `InverseKinematics.solve(target, seed) (no closed form: adaptive DLS from the seed + up to 24 random restarts), ${POSES} reachable poses, random seeds`,
    reference: 'textbook DLS, fixed λ = 1e-3, clamped to limits, three.js FK, same restart budget (bench/cases/support/kinematics.ts), same poses and seeds',
    rounds: 10,
    setup() {
      const robot = loadArm(arm);
      const ik = new InverseKinematics(robot, arm.base, arm.tip);
      if (ik.closedForm !== null) throw new Error(`${arm.file}: expected a chain without a closed form`);
      const ref = new ReferenceDls(robot, arm.base, arm.tip);
      const { targets, seeds } = ikInputs(robot, arm);
      const check = new ForwardKinematics(robot);
      const reached = mat4Create();
      const ours: SolveStats = { success: 0, iterations: 0, closedForm: 0 };
      const reference: SolveStats = { success: 0, iterations: 0, closedForm: 0 };
      for (let i = 0; i < POSES; i++) {
        const r = ik.solve(targets[i]!, seeds[i]!);
        if (solvedWell(check, arm, r.q, r.converged, targets[i]!, reached)) ours.success++;
        ours.iterations += r.iterations;
        const s = ref.solve(targets[i]!, seeds[i]!);
        if (solvedWell(check, arm, s.q, s.converged, targets[i]!, reached)) reference.success++;
        reference.iterations += ref.iterations;
      }
      return {
        ours: () => {
          let last: unknown;
          for (let i = 0; i < POSES; i++) last = ik.solve(targets[i]!, seeds[i]!);
          return last;
        },
        reference: () => {
          let last: unknown;
          for (let i = 0; i < POSES; i++) last = ref.solve(targets[i]!, seeds[i]!);
          return last;
        },
        units: POSES,
        metrics: {
          poses: POSES,
          ours_success: ours.success / POSES,
          ours_iterations: ours.iterations / POSES,
          reference_success: reference.success / POSES,
          reference_iterations: reference.iterations / POSES,
        },
      };
    },
    notes: (row) => ikNote(row, 'ours', 'textbook', true),
  });
}
