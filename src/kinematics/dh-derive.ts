/**
 * Derives a chain's DH tables (dh.ts) from its URDF geometry, every joint at zero.
 *
 * Each joint axis is a line L_i (a point on it: the joint's child origin; its unit direction
 * z_i, the URDF axis, so the joint value adds to θ or d with sign +1). Between consecutive
 * axes L_i and L_{i+1} the common normal gives x_i, the feet f_i (on L_i) and g_i (on L_{i+1}),
 * a_i = |g_i − f_i| and α_i (z_i to z_{i+1} about x_i):
 * - skew axes: the unique common normal;
 * - intersecting axes: a = 0, x_i = z_i × z_{i+1}, both feet at the crossing;
 * - parallel axes: the normal is not unique; it is taken through the previous frame's origin,
 *   so that d_i = 0 (the usual textbook choice); coincident axes keep the previous x.
 * Frame 0 sits where the base link's origin projects onto L_1 with x_0 = x_1 (θ_1 offset 0);
 * the last frame sits where the tip's origin projects onto L_n with x_n = x_{n−1}. Both
 * conventions then read their rows off the same normals (see dh.ts for the link transforms).
 *
 * A DH table describes a serial chain of one-variable joints only: chains where a joint moves
 * the base side, a mimic joint, or one input driving two joints get a note naming that joint.
 */
import type { Vec3 } from '../model/geometry';
import type { RobotDescription } from '../model/robot-description';
import { kinematicChain } from './chain';
import type { ForwardKinematics } from './forward';
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from './mat4';
import { cross, dot, norm, perpendicular, reject, scale, sub, add } from './ik-subproblems';
import type { DhDerivation, DhRow, DhTable } from './dh';

/** Below this sine two axes count as parallel; below this distance (m) lines count as meeting. */
const PARALLEL = 1e-9;
const MEET = 1e-12;

const unit = (v: Vec3): Vec3 => scale(v, 1 / norm(v));
/** Signed angle from u to v about the unit axis w (u, v perpendicular to w). */
const angleAbout = (u: Vec3, v: Vec3, w: Vec3): number => Math.atan2(dot(cross(u, v), w), dot(u, v));
/** Foot of the perpendicular from point p onto the line (r, w). */
const project = (p: Vec3, r: Vec3, w: Vec3): Vec3 => add(r, scale(w, dot(sub(p, r), w)));

/** A frame as a column-major rigid transform from its origin and x, z axes. */
function frame(origin: Vec3, x: Vec3, z: Vec3): Mat4 {
  const y = cross(z, x);
  const m = mat4Create();
  m.set([x[0], x[1], x[2], 0, y[0], y[1], y[2], 0, z[0], z[1], z[2], 0, origin[0], origin[1], origin[2], 1]);
  return m;
}

interface Normal {
  x: Vec3;
  f: Vec3;
  g: Vec3;
  a: number;
  alpha: number;
}

/** Common normal from line (ra, za) to line (rb, zb); `from` is the previous origin, on line a. */
function commonNormal(ra: Vec3, za: Vec3, rb: Vec3, zb: Vec3, from: Vec3, previousX: Vec3 | null): Normal {
  const n = cross(za, zb);
  const sine = norm(n);
  if (sine > PARALLEL) {
    // Closest points: f = ra + s·za, g = rb + t·zb with (g − f) ⟂ za, zb.
    const d = sub(rb, ra);
    const n2 = sine * sine;
    const s = dot(cross(d, zb), n) / n2;
    const t = dot(cross(d, za), n) / n2;
    const f = add(ra, scale(za, s));
    const g = add(rb, scale(zb, t));
    const gap = sub(g, f);
    const a = norm(gap);
    const x = a > MEET ? scale(gap, 1 / a) : scale(n, 1 / sine);
    return { x, f: a > MEET ? f : g, g, a: a > MEET ? a : 0, alpha: angleAbout(za, zb, x) };
  }
  const g = project(from, rb, zb);
  const gap = sub(g, from);
  const a = norm(gap);
  const x = a > MEET ? scale(gap, 1 / a) : (previousX ?? perpendicular(za));
  return { x, f: from, g: a > MEET ? g : from, a: a > MEET ? a : 0, alpha: angleAbout(za, zb, x) };
}

/**
 * The standard and modified DH tables of the chain `base` → `tip`, with the base and tool
 * transforms that make them reproduce the URDF's forward kinematics exactly; or a note naming
 * the joint that a DH table cannot describe. Runs FK at zero (clobbering the FK state).
 */
export function deriveDh(robot: RobotDescription, fk: ForwardKinematics, base: string, tip: string): DhDerivation {
  const chain = kinematicChain(robot, fk, base, tip);
  const byName = new Map(robot.joints.map((j) => [j.name, j]));
  const seen = new Set<number>();
  for (const j of chain.joints) {
    const joint = byName.get(j.name);
    let why: string | null = null;
    if (j.scale < 0) why = `joint "${j.name}" lies between ${base} and the common ancestor of ${base} and ${tip}: it moves the base, so the chain is not serial from ${base}`;
    else if (joint?.mimic) why = `joint "${j.name}" mimics "${joint.mimic.joint}": a DH row has its own variable`;
    else if (seen.has(j.input)) why = `joint "${j.name}" is driven by the same input as another joint of the chain`;
    if (why) return { ok: false, base, tip, joint: j.name, note: `No DH table for ${base} → ${tip}: ${why}.` };
    seen.add(j.input);
  }

  fk.compute(new Float64Array(fk.dof));
  const toBase = mat4InvertRigid(mat4Create(), fk.worldOf(chain.baseLink));
  const local = mat4Create();
  const lines = chain.joints.map((j) => {
    mat4MultiplyRigid(local, toBase, fk.worldOf(j.childLink));
    const [x, y, z] = j.axis;
    const w = unit([local[0]! * x + local[4]! * y + local[8]! * z, local[1]! * x + local[5]! * y + local[9]! * z, local[2]! * x + local[6]! * y + local[10]! * z]);
    return { r: [local[12]!, local[13]!, local[14]!] as Vec3, z: w };
  });
  const tipPose = mat4MultiplyRigid(mat4Create(), toBase, fk.worldOf(chain.tipLink));
  const tipOrigin: Vec3 = [tipPose[12]!, tipPose[13]!, tipPose[14]!];
  const n = lines.length;
  if (n === 0) {
    const table = (convention: DhTable['convention']): DhTable => ({ convention, rows: [], base: mat4Create(), tool: tipPose.slice() });
    return { ok: true, base, tip, standard: table('standard'), modified: table('modified') };
  }

  // g_0: the base origin projected onto L_1; then the normals between consecutive axes.
  const first = lines[0]!;
  const origins: Vec3[] = [project([0, 0, 0], first.r, first.z)];
  const normals: Normal[] = [];
  let previousX: Vec3 | null = null;
  for (let i = 0; i + 1 < n; i++) {
    const a = lines[i]!, b = lines[i + 1]!;
    const normal = commonNormal(a.r, a.z, b.r, b.z, origins[i]!, previousX);
    normals.push(normal);
    origins.push(normal.g);
    previousX = normal.x;
  }
  const last = lines[n - 1]!;
  const end = project(tipOrigin, last.r, last.z);
  normals.push({ x: previousX ?? perpendicular(last.z), f: end, g: end, a: 0, alpha: 0 });
  origins.push(end);
  const xs: Vec3[] = [normals[0]!.x, ...normals.map((m) => m.x)];

  const standard: DhRow[] = [];
  const modified: DhRow[] = [];
  for (let i = 0; i < n; i++) {
    const j = chain.joints[i]!;
    const z = lines[i]!.z;
    const normal = normals[i]!;
    const common = { joint: j.name, input: j.input, prismatic: j.prismatic };
    const theta = angleAbout(reject(xs[i]!, z), reject(xs[i + 1]!, z), z);
    const d = dot(sub(normal.f, origins[i]!), z);
    standard.push({ ...common, a: normal.a, alpha: normal.alpha, d, theta });
    const before = i === 0 ? { a: 0, alpha: 0 } : normals[i - 1]!;
    modified.push({ ...common, a: before.a, alpha: before.alpha, d, theta });
  }

  const baseFrame = frame(origins[0]!, xs[0]!, first.z);
  const endFrame = frame(end, xs[n]!, last.z);
  const tool = mat4MultiplyRigid(mat4Create(), mat4InvertRigid(mat4Create(), endFrame), tipPose);
  return {
    ok: true,
    base,
    tip,
    standard: { convention: 'standard', rows: standard, base: baseFrame, tool },
    modified: { convention: 'modified', rows: modified, base: baseFrame.slice(), tool: tool.slice() },
  };
}
