/**
 * Just enough rigid-transform arithmetic for the model layer (which imports nothing from
 * kinematics): compose a pose with an offset in its own frame, express a pose in another's frame,
 * compare rotations. Rotations are row-major 3×3 arrays; rpy follows URDF, R = Rz·Ry·Rx.
 */
import type { Pose, Vec3 } from './geometry';

/** A rotation matrix, row-major: element (r, c) is `m[r * 3 + c]`. */
export type Rot3 = readonly number[];

/** The rotation of fixed-axis roll, pitch, yaw (rad): Rz(yaw) · Ry(pitch) · Rx(roll). */
export function rpyToRot(rpy: readonly number[]): Rot3 {
  const [r = 0, p = 0, y = 0] = rpy;
  const cr = Math.cos(r);
  const sr = Math.sin(r);
  const cp = Math.cos(p);
  const sp = Math.sin(p);
  const cy = Math.cos(y);
  const sy = Math.sin(y);
  return [cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr, sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr, -sp, cp * sr, cp * cr];
}

/** Roll, pitch, yaw of a rotation (at pitch ±90° roll is reported as 0, as in kinematics/rpy.ts). */
export function rotToRpy(m: Rot3): Vec3 {
  const r20 = m[6] ?? 0;
  const pitch = Math.asin(Math.max(-1, Math.min(1, -r20)));
  if (Math.abs(r20) > 1 - 1e-12) return [0, pitch, Math.atan2(-(m[1] ?? 0), m[4] ?? 1)];
  return [Math.atan2(m[7] ?? 0, m[8] ?? 1), pitch, Math.atan2(m[3] ?? 0, m[0] ?? 1)];
}

/** a · b. */
export function mulRot(a: Rot3, b: Rot3): Rot3 {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) out.push((a[r * 3] ?? 0) * (b[c] ?? 0) + (a[r * 3 + 1] ?? 0) * (b[3 + c] ?? 0) + (a[r * 3 + 2] ?? 0) * (b[6 + c] ?? 0));
  }
  return out;
}

/** The inverse of a rotation (its transpose). */
export function transposeRot(m: Rot3): Rot3 {
  return [0, 3, 6, 1, 4, 7, 2, 5, 8].map((k) => m[k] ?? 0);
}

/** m · v. */
export function rotateVec(m: Rot3, v: readonly number[]): Vec3 {
  const [x = 0, y = 0, z = 0] = v;
  return [
    (m[0] ?? 0) * x + (m[1] ?? 0) * y + (m[2] ?? 0) * z,
    (m[3] ?? 0) * x + (m[4] ?? 0) * y + (m[5] ?? 0) * z,
    (m[6] ?? 0) * x + (m[7] ?? 0) * y + (m[8] ?? 0) * z,
  ];
}

/** Rotation about z by `yaw` (rad). */
export function yawRot(yaw: number): Rot3 {
  return rpyToRot([0, 0, yaw]);
}

/** The yaw (rad) of a rotation's x axis projected on the xy plane. */
export function rotYaw(m: Rot3): number {
  return Math.atan2(m[3] ?? 0, m[0] ?? 1);
}

/** `pose` expressed in `frame`: position and rotation relative to it. */
export function poseInFrame(frame: Pose, pose: Pose): { xyz: Vec3; rot: Rot3 } {
  const inv = transposeRot(rpyToRot(frame.rpy));
  const d = [pose.xyz[0] - frame.xyz[0], pose.xyz[1] - frame.xyz[1], pose.xyz[2] - frame.xyz[2]];
  return { xyz: rotateVec(inv, d), rot: mulRot(inv, rpyToRot(pose.rpy)) };
}

/** The world pose of a point `local` in `frame`, with rotation `frame · localRot`. */
export function poseFromFrame(frame: Pose, local: readonly number[], localRot: Rot3): Pose {
  const r = rpyToRot(frame.rpy);
  const o = rotateVec(r, local);
  return { xyz: [frame.xyz[0] + o[0], frame.xyz[1] + o[1], frame.xyz[2] + o[2]], rpy: rotToRpy(mulRot(r, localRot)) };
}

/** True when two poses place a frame at the same spot (within `eps` in m, and in matrix entries). */
export function samePlacement(a: Pose, b: Pose, eps = 1e-9): boolean {
  if (a.xyz.some((v, i) => Math.abs(v - (b.xyz[i] ?? NaN)) > eps)) return false;
  const ra = rpyToRot(a.rpy);
  const rb = rpyToRot(b.rpy);
  return ra.every((v, i) => Math.abs(v - (rb[i] ?? NaN)) <= eps);
}
