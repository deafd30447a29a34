/**
 * Tool paths for MoveL and MoveC, parametrised by u ∈ [0, 1] at constant speed along the path:
 * the position moves on a line (MoveL) or a circular arc (MoveC) with its length proportional to
 * u, and the orientation turns from the start to the end orientation by quaternion slerp, also
 * proportional to u (constant angular speed about one fixed axis — what a controller's linear
 * move does with the tool orientation). Poses are column-major 4×4 (kinematics/mat4.ts).
 */
import { mat4Quaternion, type Mat4 } from '../kinematics/mat4';
import type { Vec3 } from '../model/geometry';

/** A tool path from u = 0 to u = 1. */
export interface CartesianPath {
  /** Length of the position path (m). */
  readonly length: number;
  /** Total rotation of the orientation (rad, 0 … π). */
  readonly angle: number;
  /** The pose at `u` ∈ [0, 1] into `out`. Allocation-free. */
  pose(u: number, out: Mat4): Mat4;
}

type Quat = [number, number, number, number];

/** Orientation interpolation by slerp along the shorter arc, with its total angle. */
class Slerp {
  readonly angle: number;
  private readonly q0: Quat;
  private readonly q1: Quat;
  private readonly sinAngle: number;

  constructor(from: Mat4, to: Mat4) {
    this.q0 = mat4Quaternion(from);
    const q1 = mat4Quaternion(to);
    let dot = this.q0[0] * q1[0] + this.q0[1] * q1[1] + this.q0[2] * q1[2] + this.q0[3] * q1[3];
    // q and −q are the same rotation: take the one that turns the short way.
    if (dot < 0) {
      for (let i = 0; i < 4; i++) q1[i] = -q1[i]!;
      dot = -dot;
    }
    this.q1 = q1;
    this.angle = 2 * Math.acos(Math.min(1, dot));
    this.sinAngle = Math.sin(this.angle / 2);
  }

  /** Writes the rotation at `u` into the upper 3×3 of `out`. */
  rotation(u: number, out: Mat4): void {
    const half = this.angle / 2;
    // Below ~1e-6 rad sin(half) loses precision; linear interpolation is exact enough there.
    const small = this.sinAngle < 1e-9;
    const w0 = small ? 1 - u : Math.sin((1 - u) * half) / this.sinAngle;
    const w1 = small ? u : Math.sin(u * half) / this.sinAngle;
    let x = w0 * this.q0[0] + w1 * this.q1[0];
    let y = w0 * this.q0[1] + w1 * this.q1[1];
    let z = w0 * this.q0[2] + w1 * this.q1[2];
    let w = w0 * this.q0[3] + w1 * this.q1[3];
    const n = 1 / Math.hypot(x, y, z, w);
    x *= n; y *= n; z *= n; w *= n;
    out[0] = 1 - 2 * (y * y + z * z); out[1] = 2 * (x * y + z * w); out[2] = 2 * (x * z - y * w); out[3] = 0;
    out[4] = 2 * (x * y - z * w); out[5] = 1 - 2 * (x * x + z * z); out[6] = 2 * (y * z + x * w); out[7] = 0;
    out[8] = 2 * (x * z + y * w); out[9] = 2 * (y * z - x * w); out[10] = 1 - 2 * (x * x + y * y); out[11] = 0;
    out[15] = 1;
  }
}

const position = (m: Mat4): Vec3 => [m[12]!, m[13]!, m[14]!];

/** MoveL's path: a straight line from `from`'s position to `to`'s, orientation by slerp. */
export function linePath(from: Mat4, to: Mat4): CartesianPath {
  const p0 = position(from);
  const d: Vec3 = [to[12]! - p0[0], to[13]! - p0[1], to[14]! - p0[2]];
  const slerp = new Slerp(from, to);
  return {
    length: Math.hypot(...d),
    angle: slerp.angle,
    pose(u, out) {
      slerp.rotation(u, out);
      out[12] = p0[0] + d[0] * u;
      out[13] = p0[1] + d[1] * u;
      out[14] = p0[2] + d[2] * u;
      return out;
    },
  };
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];

/**
 * MoveC's path: the circular arc from `from` through the position `via` to `to`, orientation by
 * slerp from `from` to `to` (the via point's orientation, as on most controllers, is ignored).
 * Throws when the three positions are (nearly) on one line, where no circle is defined.
 */
export function arcPath(from: Mat4, via: Vec3, to: Mat4): CartesianPath {
  const p0 = position(from);
  const p2 = position(to);
  const u1 = sub(via, p0);
  const u2 = sub(p2, p0);
  const w = cross(u1, u2);
  const w2 = dot(w, w);
  if (w2 <= 1e-18 * dot(u1, u1) * dot(u2, u2) || w2 === 0) throw new Error('MoveC: start, via and end are on one line');
  // Circumcentre of the triangle: p0 + ((|u1|²·u2 − |u2|²·u1) × w) / (2|w|²).
  const c = cross(sub(scale(u2, dot(u1, u1)), scale(u1, dot(u2, u2))), w);
  const centre: Vec3 = [p0[0] + c[0] / (2 * w2), p0[1] + c[1] / (2 * w2), p0[2] + c[2] / (2 * w2)];
  const r0 = sub(p0, centre);
  const radius = Math.hypot(...r0);
  // Travel from p0 through via to p2 is counter-clockwise about n = (via − p0) × (p2 − via).
  const nRaw = cross(u1, sub(p2, via));
  const n = scale(nRaw, 1 / Math.hypot(...nRaw));
  const e1 = scale(r0, 1 / radius);
  const e2 = cross(n, e1);
  const r2 = sub(p2, centre);
  let sweep = Math.atan2(dot(r2, e2), dot(r2, e1));
  if (sweep <= 0) sweep += 2 * Math.PI;
  const slerp = new Slerp(from, to);
  return {
    length: radius * sweep,
    angle: slerp.angle,
    pose(u, out) {
      slerp.rotation(u, out);
      const c1 = radius * Math.cos(sweep * u);
      const s1 = radius * Math.sin(sweep * u);
      out[12] = centre[0] + c1 * e1[0] + s1 * e2[0];
      out[13] = centre[1] + c1 * e1[1] + s1 * e2[1];
      out[14] = centre[2] + c1 * e1[2] + s1 * e2[2];
      return out;
    },
  };
}
