/**
 * Denavit–Hartenberg tables: the data type, the two conventions' link transforms, and forward
 * kinematics rebuilt from a table. The derivation from a URDF chain is in dh-derive.ts.
 *
 * - **Standard** (distal, Denavit & Hartenberg 1955 as taught in most textbooks): frame i sits
 *   on joint i+1's axis; A_i = Rot_z(θ_i) · Trans_z(d_i) · Trans_x(a_i) · Rot_x(α_i).
 * - **Modified** (proximal, Craig): frame i sits on joint i's axis;
 *   A_i = Rot_x(α_{i−1}) · Trans_x(a_{i−1}) · Rot_z(θ_i) · Trans_z(d_i).
 *
 * Both tables describe the same frames up to where they are attached, so they share one constant
 * base transform (the base link to frame 0) and one tool transform (the last DH frame to the tip
 * link): tip = base · A_1(q_1) ⋯ A_n(q_n) · tool. SI units: a and d in metres, angles in radians.
 */
import { mat4Create, mat4MultiplyRigid, type Mat4 } from './mat4';

/** One row of a DH table. For a revolute joint θ = q + theta; for a prismatic one d = q + d. */
export interface DhRow {
  /** The URDF joint this row belongs to. */
  joint: string;
  /** Input joint (ForwardKinematics.compute's q) that drives the row. */
  input: number;
  prismatic: boolean;
  /** Standard: a_i, α_i of this row. Modified: a_{i−1}, α_{i−1} (the previous axis to this one). */
  a: number;
  alpha: number;
  /** Constant part of d (m) and θ (rad); the joint value adds to d (prismatic) or θ (revolute). */
  d: number;
  theta: number;
}

/** A DH table of a chain, with the constant transforms that make it reproduce the URDF. */
export interface DhTable {
  convention: 'standard' | 'modified';
  rows: DhRow[];
  /** Base link → frame 0 (column-major, constant). */
  base: Mat4;
  /** Last DH frame → tip link (column-major, constant). */
  tool: Mat4;
}

/** Both conventions for a chain, or the reason the chain has none. */
export type DhDerivation =
  | { ok: true; base: string; tip: string; standard: DhTable; modified: DhTable }
  | { ok: false; base: string; tip: string; note: string; joint: string | null };

/** Rot_z(θ) · Trans_z(d) · Trans_x(a) · Rot_x(α), column-major, into `out`. */
export function standardLink(out: Mat4, theta: number, d: number, a: number, alpha: number): Mat4 {
  const ct = Math.cos(theta), st = Math.sin(theta), ca = Math.cos(alpha), sa = Math.sin(alpha);
  out[0] = ct; out[1] = st; out[2] = 0; out[3] = 0;
  out[4] = -st * ca; out[5] = ct * ca; out[6] = sa; out[7] = 0;
  out[8] = st * sa; out[9] = -ct * sa; out[10] = ca; out[11] = 0;
  out[12] = a * ct; out[13] = a * st; out[14] = d; out[15] = 1;
  return out;
}

/** Rot_x(α) · Trans_x(a) · Rot_z(θ) · Trans_z(d), column-major, into `out`. */
export function modifiedLink(out: Mat4, alpha: number, a: number, theta: number, d: number): Mat4 {
  const ct = Math.cos(theta), st = Math.sin(theta), ca = Math.cos(alpha), sa = Math.sin(alpha);
  out[0] = ct; out[1] = st * ca; out[2] = st * sa; out[3] = 0;
  out[4] = -st; out[5] = ct * ca; out[6] = ct * sa; out[7] = 0;
  out[8] = 0; out[9] = -sa; out[10] = ca; out[11] = 0;
  out[12] = a; out[13] = -sa * d; out[14] = ca * d; out[15] = 1;
  return out;
}

/** The row's link transform for the input vector `q` (all inputs, ForwardKinematics order). */
export function dhLinkTransform(table: DhTable, row: DhRow, q: ArrayLike<number>, out: Mat4 = mat4Create()): Mat4 {
  const value = q[row.input] ?? 0;
  const theta = row.prismatic ? row.theta : row.theta + value;
  const d = row.prismatic ? row.d + value : row.d;
  return table.convention === 'standard' ? standardLink(out, theta, d, row.a, row.alpha) : modifiedLink(out, row.alpha, row.a, theta, d);
}

/**
 * The tip in the base link rebuilt from the table: base · A_1 ⋯ A_n · tool. `frames`, when
 * given, receives each DH frame (0…n) in the base link, for drawing.
 */
export function dhForward(table: DhTable, q: ArrayLike<number>, out: Mat4 = mat4Create(), frames?: Mat4[]): Mat4 {
  const link = mat4Create();
  out.set(table.base);
  frames?.push(out.slice());
  for (const row of table.rows) {
    mat4MultiplyRigid(out, out, dhLinkTransform(table, row, q, link));
    frames?.push(out.slice());
  }
  return mat4MultiplyRigid(out, out, table.tool);
}
