/**
 * Forward kinematics on a {@link RobotDescription}: the pose of every link for a joint vector.
 *
 * Built once per robot, then `compute(q)` runs every physics step for every robot, so it
 * allocates nothing: joint origins are turned into matrices at construction, and the world
 * transforms of all links live in one preallocated `Float64Array` (16 numbers per link,
 * column-major — see mat4.ts). "World" here means the robot's root link frame.
 *
 * Joint semantics follow URDF: the child frame is `origin · motion(value)`, where motion is a
 * rotation about the unit axis (revolute, continuous), a translation along it (prismatic), or
 * nothing (fixed; floating and planar joints are never driven and stay at their origin).
 * A mimic joint's value is `multiplier · master + offset` and is not an input.
 */
import { activeJoints, type JointDescription, type RobotDescription } from '../model/robot-description';
import {
  mat4Create,
  mat4FromXyzRpy,
  mat4InvertRigid,
  mat4MultiplyRigid,
  mat4Position,
  mat4Quaternion,
  mat4ToRowMajor,
  type Mat4,
} from './mat4';
import type { Vec3 } from '../model/geometry';

// Joint kinds in the hot loop. Rotations about a frame axis (nearly every industrial robot)
// get their own kinds: they only mix two columns, a third of the work of a general rotation.
const FIXED = 0;
const REVOLUTE_X = 1; // X, Y, Z consecutive: kind − REVOLUTE_X is the axis index 0, 1, 2.
const REVOLUTE_Y = 2;
const REVOLUTE_Z = 3;
const REVOLUTE = 4;
const PRISMATIC = 5;
/** A fixed joint whose origin is the identity (collision frames, `world`): the child copies its parent. */
const FIXED_IDENTITY = 6;

/** Where a joint's value comes from: `scale · q[input] + bias`, or just `bias` when input < 0. */
export interface ValueSource {
  input: number;
  scale: number;
  bias: number;
}

/** A pose in the form the CLI and the UI print: position, quaternion [x, y, z, w], row-major matrix. */
export interface PoseReport {
  position: Vec3;
  quaternion: [number, number, number, number];
  /** The 4×4 transform, 16 numbers, row-major. */
  matrix: number[];
}

/** Describes a column-major rigid transform as {@link PoseReport}. Allocates; not for hot loops. */
export function describePose(m: Mat4): PoseReport {
  return { position: mat4Position(m), quaternion: mat4Quaternion(m), matrix: mat4ToRowMajor(m) };
}

/**
 * Precomputed forward kinematics for one robot.
 *
 * @example
 * const fk = new ForwardKinematics(robot);
 * fk.compute([0, -Math.PI / 2, 0, -Math.PI / 2, 0, 0]);
 * const tool = fk.relativePose('base', 'tool0'); // column-major 4×4
 */
export class ForwardKinematics {
  /** Link names; index i's world transform is at `transforms[16 i … 16 i + 15]`. */
  readonly linkNames: readonly string[];
  /** The inputs of {@link compute}: movable, non-mimic joints in tree order. */
  readonly inputJoints: readonly JointDescription[];
  /** Number of inputs (the robot's degrees of freedom). */
  readonly dof: number;
  /** World (root-frame) transforms of every link, column-major, 16 numbers per link. */
  readonly transforms: Float64Array;

  private readonly linkIndexByName = new Map<string, number>();
  private readonly jointIndexByName = new Map<string, number>();
  /** Per link: a view into `transforms`. */
  private readonly world: Mat4[] = [];
  /** Per joint, in computation order (parents before children). */
  private readonly kind: Uint8Array;
  private readonly parent: Int32Array;
  private readonly child: Int32Array;
  /** Per joint: its origin (column-major 4×4) at 16 i. */
  private readonly origins: Float64Array;
  private readonly axis: Float64Array;
  /** Sign of the axis for the axis-aligned kinds, folded into the angle. */
  private readonly sign: Float64Array;
  /** The joint's value is `scale · q[input] + bias`, or just `bias` when input < 0 (see resolveSource). */
  private readonly input: Int32Array;
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  private readonly values: Float64Array;
  /** Index in computation order of each input joint. */
  private readonly inputOrder: Int32Array;
  private readonly scratch = mat4Create();
  /**
   * Per link: when only fixed joints lie between it and the root, the inverse of its (constant)
   * world transform, else null — relativePose from such a base (the usual case) skips the
   * inversion.
   */
  private readonly fixedInverse: (Mat4 | null)[];

  constructor(robot: RobotDescription) {
    const links = robot.links.map((l) => l.name);
    this.linkNames = links;
    links.forEach((name, i) => this.linkIndexByName.set(name, i));
    this.transforms = new Float64Array(16 * links.length);
    for (let i = 0; i < links.length; i++) {
      const m = this.transforms.subarray(16 * i, 16 * i + 16);
      m[0] = m[5] = m[10] = m[15] = 1;
      this.world.push(m);
    }

    // Our own tree walk from the root, so a parent's transform is always ready before its
    // children's even if the description lists joints in another order.
    const ordered = orderFromRoot(robot);
    const n = ordered.length;
    this.kind = new Uint8Array(n);
    this.parent = new Int32Array(n);
    this.child = new Int32Array(n);
    this.origins = new Float64Array(16 * n);
    this.axis = new Float64Array(3 * n);
    this.sign = new Float64Array(n);
    this.input = new Int32Array(n);
    this.scale = new Float64Array(n);
    this.bias = new Float64Array(n);
    this.values = new Float64Array(n);
    this.inputJoints = activeJoints(robot);
    this.dof = this.inputJoints.length;
    const byName = new Map(robot.joints.map((j) => [j.name, j]));
    const inputIndex = new Map(this.inputJoints.map((j, i) => [j.name, i]));
    ordered.forEach((j, i) => {
      this.jointIndexByName.set(j.name, i);
      const [kind, sign] = classify(j);
      this.kind[i] = kind === FIXED && isIdentityOrigin(j) ? FIXED_IDENTITY : kind;
      this.sign[i] = sign;
      this.parent[i] = this.indexOfLink(j.parent);
      this.child[i] = this.indexOfLink(j.child);
      this.origins.set(mat4FromXyzRpy(mat4Create(), j.origin.xyz, j.origin.rpy), 16 * i);
      this.axis.set(j.axis, 3 * i);
      const source = resolveSource(j, byName, inputIndex);
      this.input[i] = source.input;
      this.scale[i] = source.scale;
      this.bias[i] = source.bias;
    });
    this.inputOrder = Int32Array.from(this.inputJoints, (j) => this.jointIndexByName.get(j.name) ?? -1);

    // World transforms of the links fixed to the root, by the same products compute() makes.
    const fixedWorld: (Mat4 | null)[] = links.map((name) => (name === robot.root ? mat4Create() : null));
    for (let i = 0; i < n; i++) {
      const parentWorld = fixedWorld[this.parent[i]!];
      const k = this.kind[i]!;
      if (parentWorld && (k === FIXED || k === FIXED_IDENTITY)) {
        fixedWorld[this.child[i]!] = mat4MultiplyRigid(mat4Create(), parentWorld, this.origins.subarray(16 * i, 16 * i + 16));
      }
    }
    this.fixedInverse = fixedWorld.map((m) => (m ? mat4InvertRigid(m, m) : null));
  }

  /** Index of a link by name; throws naming the link when there is none. */
  indexOfLink(name: string): number {
    const i = this.linkIndexByName.get(name);
    if (i === undefined) throw new Error(`unknown link "${name}"`);
    return i;
  }

  /**
   * Fills the world transform of every link for the input joint values `q` (length {@link dof},
   * in the order of {@link inputJoints}; radians or metres). Allocation-free.
   */
  compute(q: ArrayLike<number>): this {
    if (q.length !== this.dof) throw new Error(`expected ${this.dof} joint values, got ${q.length}`);
    const { kind, parent, child, axis, sign, input, scale, bias, values, origins: O, transforms: T } = this;
    for (let i = 0; i < kind.length; i++) {
      // child = parent · L with L = origin · motion(value): the motion is folded into the
      // origin's columns in locals first (a frame-axis rotation mixes two of them), so each
      // joint reads and writes the big array once.
      const p = 16 * parent[i]!, c = 16 * child[i]!, o = 16 * i;
      const k = kind[i]!;
      if (k === FIXED_IDENTITY) {
        for (let e = 0; e < 16; e++) T[c + e] = T[p + e]!;
        continue;
      }
      let l00 = O[o]!, l10 = O[o + 1]!, l20 = O[o + 2]!;
      let l01 = O[o + 4]!, l11 = O[o + 5]!, l21 = O[o + 6]!;
      let l02 = O[o + 8]!, l12 = O[o + 9]!, l22 = O[o + 10]!;
      let l03 = O[o + 12]!, l13 = O[o + 13]!, l23 = O[o + 14]!;
      if (k !== FIXED) {
        const src = input[i]!;
        const v = src >= 0 ? scale[i]! * q[src]! + bias[i]! : bias[i]!;
        values[i] = v;
        if (k === PRISMATIC) {
          const dx = axis[3 * i]! * v, dy = axis[3 * i + 1]! * v, dz = axis[3 * i + 2]! * v;
          l03 += l00 * dx + l01 * dy + l02 * dz;
          l13 += l10 * dx + l11 * dy + l12 * dz;
          l23 += l20 * dx + l21 * dy + l22 * dz;
        } else if (k === REVOLUTE) {
          // L ← L · Rot(axis, v), Rodrigues.
          const x = axis[3 * i]!, y = axis[3 * i + 1]!, z = axis[3 * i + 2]!;
          const cs = Math.cos(v), sn = Math.sin(v), t = 1 - cs;
          const r00 = t * x * x + cs, r10 = t * x * y + sn * z, r20 = t * x * z - sn * y;
          const r01 = t * x * y - sn * z, r11 = t * y * y + cs, r21 = t * y * z + sn * x;
          const r02 = t * x * z + sn * y, r12 = t * y * z - sn * x, r22 = t * z * z + cs;
          const a00 = l00, a10 = l10, a20 = l20, a01 = l01, a11 = l11, a21 = l21, a02 = l02, a12 = l12, a22 = l22;
          l00 = a00 * r00 + a01 * r10 + a02 * r20; l10 = a10 * r00 + a11 * r10 + a12 * r20; l20 = a20 * r00 + a21 * r10 + a22 * r20;
          l01 = a00 * r01 + a01 * r11 + a02 * r21; l11 = a10 * r01 + a11 * r11 + a12 * r21; l21 = a20 * r01 + a21 * r11 + a22 * r21;
          l02 = a00 * r02 + a01 * r12 + a02 * r22; l12 = a10 * r02 + a11 * r12 + a12 * r22; l22 = a20 * r02 + a21 * r12 + a22 * r22;
        } else {
          // A rotation about frame axis x, y or z mixes the other two columns (as mat4RotateFrameAxis).
          const angle = sign[i]! * v;
          const cs = Math.cos(angle), sn = Math.sin(angle);
          if (k === REVOLUTE_Z) {
            const b0 = l00, b1 = l10, b2 = l20;
            l00 = cs * b0 + sn * l01; l10 = cs * b1 + sn * l11; l20 = cs * b2 + sn * l21;
            l01 = cs * l01 - sn * b0; l11 = cs * l11 - sn * b1; l21 = cs * l21 - sn * b2;
          } else if (k === REVOLUTE_Y) {
            const b0 = l02, b1 = l12, b2 = l22;
            l02 = cs * b0 + sn * l00; l12 = cs * b1 + sn * l10; l22 = cs * b2 + sn * l20;
            l00 = cs * l00 - sn * b0; l10 = cs * l10 - sn * b1; l20 = cs * l20 - sn * b2;
          } else {
            const b0 = l01, b1 = l11, b2 = l21;
            l01 = cs * b0 + sn * l02; l11 = cs * b1 + sn * l12; l21 = cs * b2 + sn * l22;
            l02 = cs * l02 - sn * b0; l12 = cs * l12 - sn * b1; l22 = cs * l22 - sn * b2;
          }
        }
      }
      // T[child] = T[parent] · L. Rigid: the bottom row, 0 0 0 1, was written at construction
      // and is never touched.
      const a00 = T[p]!, a10 = T[p + 1]!, a20 = T[p + 2]!;
      const a01 = T[p + 4]!, a11 = T[p + 5]!, a21 = T[p + 6]!;
      const a02 = T[p + 8]!, a12 = T[p + 9]!, a22 = T[p + 10]!;
      const a03 = T[p + 12]!, a13 = T[p + 13]!, a23 = T[p + 14]!;
      T[c] = a00 * l00 + a01 * l10 + a02 * l20;
      T[c + 1] = a10 * l00 + a11 * l10 + a12 * l20;
      T[c + 2] = a20 * l00 + a21 * l10 + a22 * l20;
      T[c + 4] = a00 * l01 + a01 * l11 + a02 * l21;
      T[c + 5] = a10 * l01 + a11 * l11 + a12 * l21;
      T[c + 6] = a20 * l01 + a21 * l11 + a22 * l21;
      T[c + 8] = a00 * l02 + a01 * l12 + a02 * l22;
      T[c + 9] = a10 * l02 + a11 * l12 + a12 * l22;
      T[c + 10] = a20 * l02 + a21 * l12 + a22 * l22;
      T[c + 12] = a00 * l03 + a01 * l13 + a02 * l23 + a03;
      T[c + 13] = a10 * l03 + a11 * l13 + a12 * l23 + a13;
      T[c + 14] = a20 * l03 + a21 * l13 + a22 * l23 + a23;
    }
    return this;
  }

  /**
   * The world transform of a link after {@link compute}: a live view into {@link transforms},
   * overwritten by the next compute. Read it, don't keep or modify it.
   */
  worldOf(link: string | number): Mat4 {
    const i = typeof link === 'number' ? link : this.indexOfLink(link);
    const m = this.world[i];
    if (m === undefined) throw new Error(`no link with index ${i}`);
    return m;
  }

  /**
   * Pose of `link` in the root link's frame, copied into `out` (column-major 4×4). Without
   * `out` a new array is made: pass one in per-step code.
   */
  linkPose(link: string | number, out: Mat4 = mat4Create()): Mat4 {
    out.set(this.worldOf(link));
    return out;
  }

  /**
   * Pose of `tip` in `base`'s frame, `base⁻¹ · tip`, written into `out` (column-major 4×4; use
   * describePose for the CLI's row-major form). Pass `out` in per-step code to avoid allocating.
   */
  relativePose(base: string | number, tip: string | number, out: Mat4 = mat4Create()): Mat4 {
    const b = typeof base === 'number' ? base : this.indexOfLink(base);
    const inverse = this.fixedInverse[b] ?? mat4InvertRigid(this.scratch, this.worldOf(b));
    return mat4MultiplyRigid(out, inverse, this.worldOf(tip));
  }

  /** Value of any movable joint (mimic ones included) after the last {@link compute}. */
  jointValue(name: string): number {
    const i = this.jointIndexByName.get(name);
    if (i === undefined) throw new Error(`unknown joint "${name}"`);
    return this.values[i]!;
  }

  /**
   * World axis (unit) of input joint `i` after {@link compute}, written into `out`. The axis is
   * fixed in the child frame (a rotation about it leaves it unchanged), so it is the child's
   * rotation applied to the joint axis. For Jacobians.
   */
  inputAxis(i: number, out: Float64Array | number[]): void {
    const j = this.inputOrder[i];
    if (j === undefined) throw new Error(`no input joint ${i}`);
    const m = this.world[this.child[j]!]!;
    const ax = this.axis[3 * j]!, ay = this.axis[3 * j + 1]!, az = this.axis[3 * j + 2]!;
    out[0] = m[0]! * ax + m[4]! * ay + m[8]! * az;
    out[1] = m[1]! * ax + m[5]! * ay + m[9]! * az;
    out[2] = m[2]! * ax + m[6]! * ay + m[10]! * az;
  }

  /**
   * Where joint `name`'s value comes from (any joint; fixed ones give input −1): an input
   * joint has scale 1 and bias 0, a mimic joint follows its master's input through its chain of
   * multipliers and offsets. For Jacobians, where a mimic joint adds `scale ×` its column to
   * its master's.
   */
  valueSource(name: string): ValueSource {
    const i = this.jointIndexByName.get(name);
    if (i === undefined) throw new Error(`unknown joint "${name}"`);
    return { input: this.input[i]!, scale: this.scale[i]!, bias: this.bias[i]! };
  }

  /** Index of input joint `i`'s child link, whose origin lies on the joint axis. For Jacobians. */
  inputChildLink(i: number): number {
    const j = this.inputOrder[i];
    if (j === undefined) throw new Error(`no input joint ${i}`);
    return this.child[j]!;
  }
}

/** The hot-loop kind of a joint and, for rotations about ±x, ±y or ±z, the axis sign. */
function classify(j: JointDescription): [number, number] {
  if (j.type === 'prismatic') return [PRISMATIC, 1];
  if (j.type !== 'revolute' && j.type !== 'continuous') return [FIXED, 1];
  const [x, y, z] = j.axis;
  if (y === 0 && z === 0 && Math.abs(x) === 1) return [REVOLUTE_X, x];
  if (x === 0 && z === 0 && Math.abs(y) === 1) return [REVOLUTE_Y, y];
  if (x === 0 && y === 0 && Math.abs(z) === 1) return [REVOLUTE_Z, z];
  return [REVOLUTE, 1];
}

/** True when a joint's origin is exactly the identity (no offset, no rotation). */
function isIdentityOrigin(j: JointDescription): boolean {
  return [...j.origin.xyz, ...j.origin.rpy].every((v) => v === 0);
}

/** Joints in an order where each joint's parent link is placed before the joint itself. */
function orderFromRoot(robot: RobotDescription): JointDescription[] {
  const byParent = new Map<string, JointDescription[]>();
  for (const j of robot.joints) {
    const list = byParent.get(j.parent);
    if (list) list.push(j);
    else byParent.set(j.parent, [j]);
  }
  const out: JointDescription[] = [];
  const stack = [robot.root];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const link = stack.pop()!;
    if (seen.has(link)) throw new Error(`link "${link}" is reached twice: the joints form a cycle`);
    seen.add(link);
    const children = byParent.get(link) ?? [];
    for (const j of children) out.push(j);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!.child);
  }
  return out;
}

/** Follows mimic chains to an input joint (or to a constant when the chain ends at a fixed joint). */
function resolveSource(
  joint: JointDescription,
  byName: Map<string, JointDescription>,
  inputIndex: Map<string, number>,
): ValueSource {
  let scale = 1;
  let bias = 0;
  let j = joint;
  const visited = new Set<string>();
  while (j.mimic !== null) {
    if (visited.has(j.name)) throw new Error(`mimic joints form a cycle through "${j.name}"`);
    visited.add(j.name);
    const master = byName.get(j.mimic.joint);
    if (master === undefined) throw new Error(`joint "${j.name}" mimics unknown joint "${j.mimic.joint}"`);
    // value(j) = m·value(master) + o, composed with what we had: scale·value(j) + bias.
    bias += scale * j.mimic.offset;
    scale *= j.mimic.multiplier;
    j = master;
  }
  const input = inputIndex.get(j.name);
  return input === undefined ? { input: -1, scale: 0, bias } : { input, scale, bias };
}
