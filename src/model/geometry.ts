/**
 * Plain geometric value types shared by every layer. SI units inside: metres and radians.
 * The world frame is Z-up and right-handed, as in ROS and URDF.
 */

/** Three numbers, e.g. a position in metres or roll/pitch/yaw in radians. */
export type Vec3 = [number, number, number];

/**
 * A placement in its parent frame: translation in metres, then a fixed-axis roll/pitch/yaw
 * rotation in radians (URDF convention: R = Rz(yaw) · Ry(pitch) · Rx(roll)).
 */
export interface Pose {
  xyz: Vec3;
  rpy: Vec3;
}

/** The identity pose: at the origin, unrotated. */
export function identityPose(): Pose {
  return { xyz: [0, 0, 0], rpy: [0, 0, 0] };
}

/** True when `v` is an array of exactly three finite numbers. */
export function isVec3(v: unknown): v is Vec3 {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}
