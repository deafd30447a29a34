/**
 * Motion planning for one robot of the simulation: where its tool centre point (TCP) must go
 * becomes joint values by inverse kinematics, and joint values become timed trajectories from the
 * motion layer — MoveJ (synchronized, trapezoidal, at the joint speed and acceleration limits),
 * MoveL (a straight TCP line through IK) and blended sequences of both.
 *
 * Frames: targets come as TCP poses in the world. The IK chain runs from the arm's root link to
 * its flange, so a TCP target is first put in the robot's base frame (the item's pose inverted)
 * and then moved back from the TCP to the flange (the tool's TCP offset inverted).
 *
 * Limits: joint speeds from the URDF (as the rig has them), accelerations from the bundled
 * library (`jointAccelerations`) when the robot is one of its entries, else the motion layer's
 * default ramp (full speed in 0.25 s); then the cell's calibration (`item.motion`) and the
 * payload model (motion/payload.ts): the tool's mass always, plus the cell's part mass
 * (motion/carried-load.ts) on moves made while holding a part. MoveL's TCP speed and
 * acceleration come from motion/motion-data.ts `tcpLimitsForLoad` (capped by the vendor's).
 *
 * A looping program plans the same moves from the same joint values every cycle, and a MoveL
 * solves IK at every millimetre of its path, so IK answers and MoveL plans are memoized on their
 * exact inputs. Both are deterministic functions of those inputs (the IK's restarts use a seeded
 * generator), so a remembered answer is the one a fresh solve would give: runs, restored runs
 * and runs with a cold cache stay identical.
 */
import { ForwardKinematics } from '../kinematics/forward';
import { InverseKinematics } from '../kinematics/ik';
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from '../kinematics/mat4';
import type { RobotItem } from '../model/cell';
import { findLibraryEntry } from '../model/robot-library';
import { BlendedSequence } from '../motion/blend';
import { toolMass } from '../motion/carried-load';
import { jointMotionLimits, type JointMotionLimits } from '../motion/limits';
import { limitsForLoad, robotMotionModel, tcpLimitsForLoad, type RobotMotionModel } from '../motion/motion-data';
import { MoveJ } from '../motion/move-j';
import { planMoveL, type CartesianMoveResult } from '../motion/move-l';
import type { BlendableMove } from '../motion/trajectory';
import type { RobotRig } from './robot-rig';

/** Tool speed (m/s) of a moveL that names none (motion-data.ts). */
export { DEFAULT_MOVEL_SPEED as DEFAULT_TCP_SPEED } from '../motion/motion-data';
/**
 * Tool acceleration (m/s²) of a moveL that names none, on a robot whose vendor states no TCP
 * acceleration (else that maximum), before the payload factor (motion-data.ts).
 */
export { DEFAULT_MOVEL_ACCELERATION as DEFAULT_TCP_ACCELERATION } from '../motion/motion-data';
/** Joint values this close outside a limit (rad or m) still count as inside: IK rounding. */
const LIMIT_SLACK = 1e-9;
/** Remembered answers per robot before the memo starts afresh (a program has a few dozen moves). */
const MEMO_SIZE = 512;

/** The exact inputs of a plan as a string key (every bit of every number counts). */
const keyOf = (...parts: (ArrayLike<number> | number)[]): string =>
  parts.map((p) => (typeof p === 'number' ? String(p) : Array.prototype.join.call(p, ','))).join('|');

/** A bounded memo: cleared when full, which keeps it simple and its results exact. */
class Memo<T> {
  private readonly map = new Map<string, T>();
  get(key: string, compute: () => T): T {
    const known = this.map.get(key);
    if (known !== undefined || this.map.has(key)) return known as T;
    if (this.map.size >= MEMO_SIZE) this.map.clear();
    const value = compute();
    this.map.set(key, value);
    return value;
  }
}

/** The motion limits of a rig's bare arm, before calibration and load (see the module comment). */
export function rigMotionLimits(rig: RobotRig, item: RobotItem): JointMotionLimits {
  const entry = item.source.type === 'bundled' ? findLibraryEntry(item.source.id) : undefined;
  const accelerations = entry?.kind === 'robot' && entry.jointAccelerations.length === rig.dof ? entry.jointAccelerations : undefined;
  return jointMotionLimits({
    names: rig.arm.inputJoints.map((j) => j.name),
    velocity: rig.speed,
    ...(accelerations ? { acceleration: accelerations } : {}),
    lower: rig.lower,
    upper: rig.upper,
  });
}

/** The root link of a description: the one link that is no joint's child. */
function rootLink(rig: RobotRig): string {
  const children = new Set(rig.description.joints.map((j) => j.child));
  const root = rig.description.links.find((l) => !children.has(l.name));
  if (!root) throw new Error(`${rig.id}: the robot description has no root link`);
  return root.name;
}

/** Plans the moves of one robot (see the module comment). */
export class RobotMotion {
  /** Limits with the tool only (no part held); positions as the rig's. */
  readonly limits: JointMotionLimits;
  /** Limits while holding a part (tool + the cell's part mass). */
  readonly loadedLimits: JointMotionLimits;
  /** Source, calibration and TCP maxima of the robot's motion data. */
  readonly model: RobotMotionModel;
  /** Carried mass (kg): the tool's, and the tool's plus the part's. */
  readonly load: { empty: number; loaded: number };
  private readonly ik: InverseKinematics;
  private readonly fk: ForwardKinematics;
  private readonly flangeIndex: number;
  private readonly baseInverse: Mat4;
  private readonly tcpInverse: Mat4;
  private readonly flangeTarget = mat4Create();
  private readonly scratch = mat4Create();
  private readonly solved = new Memo<Float64Array | null>();
  private readonly lines = new Memo<CartesianMoveResult>();

  /**
   * @param partMass mass (kg) of the part the robot carries while holding one (motion/carried-load.ts `cellPartMass`)
   */
  constructor(
    private readonly rig: RobotRig,
    item: RobotItem,
    partMass = 0,
  ) {
    const entry = item.source.type === 'bundled' ? findLibraryEntry(item.source.id) : undefined;
    this.model = robotMotionModel(entry?.kind === 'robot' ? entry : undefined, item.motion);
    const tool = toolMass(item.tool?.id);
    this.load = { empty: tool, loaded: tool + partMass };
    const bare = rigMotionLimits(rig, item);
    this.limits = limitsForLoad(bare, this.model, this.load.empty);
    this.loadedLimits = limitsForLoad(bare, this.model, this.load.loaded);
    // Its own FK, apart from the rig's: planning must not disturb the poses the step computed.
    this.fk = new ForwardKinematics(rig.description);
    this.flangeIndex = this.fk.indexOfLink(rig.flangeLink);
    this.ik = new InverseKinematics(rig.description, rootLink(rig), rig.flangeLink, new ForwardKinematics(rig.description));
    this.baseInverse = mat4InvertRigid(mat4Create(), rig.baseMatrix);
    this.tcpInverse = mat4InvertRigid(mat4Create(), rig.tcpOffset);
  }

  /** The TCP pose in the robot's base frame for joint values `q`. */
  tcpInBase(q: ArrayLike<number>, out: Mat4 = mat4Create()): Mat4 {
    return mat4MultiplyRigid(out, this.fk.compute(q).worldOf(this.flangeIndex), this.rig.tcpOffset);
  }

  /** A world TCP pose in the robot's base frame. */
  toBase(tcpWorld: Mat4, out: Mat4 = mat4Create()): Mat4 {
    return mat4MultiplyRigid(out, this.baseInverse, tcpWorld);
  }

  /**
   * Joint values that put the TCP at `tcpBase` (base frame), nearest to `seed` (the closed form
   * picks the nearest branch; `restarts` random restarts when it has none), or null when the pose
   * is out of reach or only reachable outside the joint limits.
   */
  solve(tcpBase: Mat4, seed: ArrayLike<number>, restarts = 24): Float64Array | null {
    const q = this.solved.get(keyOf(tcpBase, seed, restarts), () => this.solveFresh(tcpBase, seed, restarts));
    // A copy: callers keep and change what they get.
    return q && Float64Array.from(q);
  }

  private solveFresh(tcpBase: Mat4, seed: ArrayLike<number>, restarts: number): Float64Array | null {
    mat4MultiplyRigid(this.flangeTarget, tcpBase, this.tcpInverse);
    // The seed only picks the branch; a start pose a hair outside a limit must not stop the solver.
    const { lower, upper } = this.limits;
    const inside = Float64Array.from(seed, (v, i) => Math.min(upper[i]!, Math.max(lower[i]!, v)));
    const result = this.ik.solve(this.flangeTarget, inside, { restarts });
    if (!result.converged) return null;
    const q = Float64Array.from(result.q);
    for (let i = 0; i < q.length; i++) {
      if (q[i]! < this.limits.lower[i]! - LIMIT_SLACK || q[i]! > this.limits.upper[i]! + LIMIT_SLACK) return null;
    }
    return q;
  }

  /** The joint limits for a move made holding a part (`loaded`) or not. */
  limitsFor(loaded: boolean): JointMotionLimits {
    return loaded ? this.loadedLimits : this.limits;
  }

  /** A synchronized joint move at the limits × `speed` (trapezoidal profile), holding a part or not. */
  moveJ(from: ArrayLike<number>, to: ArrayLike<number>, speed: number, loaded = false): MoveJ {
    return new MoveJ(from, to, this.limitsFor(loaded), { speed });
  }

  /**
   * A straight TCP line from the pose of `fromQ` to `tcpBase`; joints are slowed where they must
   * be. TCP speed and acceleration: the step's, else the defaults, capped by the vendor's maxima
   * (motion-data.ts `tcpLimitsForLoad`).
   */
  moveL(fromQ: Float64Array, tcpBase: Mat4, options: { speed: number; tcpSpeed?: number | undefined; tcpAcceleration?: number | undefined }, loaded = false): CartesianMoveResult {
    const tcp = tcpLimitsForLoad(this.model, loaded ? this.load.loaded : this.load.empty, { speed: options.tcpSpeed, acceleration: options.tcpAcceleration });
    // The trajectory is only ever sampled, so one object can serve every loop that plans it.
    const key = keyOf(fromQ, tcpBase, options.speed, tcp.speed, tcp.acceleration, loaded ? 1 : 0);
    return this.lines.get(key, () => this.moveLFresh(fromQ, tcpBase, options.speed, tcp, this.limitsFor(loaded)));
  }

  private moveLFresh(fromQ: Float64Array, tcpBase: Mat4, speed: number, tcp: { speed: number; acceleration: number }, limits: JointMotionLimits): CartesianMoveResult {
    const start = this.tcpInBase(fromQ, this.scratch);
    return planMoveL(Float64Array.from(start), tcpBase, {
      startQ: fromQ,
      ik: (target, seed) => this.solve(target, seed, 0),
      limits,
      speed: tcp.speed,
      acceleration: tcp.acceleration,
      override: speed,
    });
  }

  /** Moves run as one motion, corner `k` rounded with radius `radii[k]`, holding a part or not. */
  blend(moves: readonly BlendableMove[], radii: readonly number[], loaded = false): BlendedSequence {
    return new BlendedSequence(moves, radii, this.limitsFor(loaded));
  }
}
