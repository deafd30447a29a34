/**
 * A robot as plain data: the tree of links and joints read from a URDF (or xacro), with no
 * three.js objects, so the kinematics, the simulation worker and the CLI in Node all share it.
 * Lengths in metres, angles in radians.
 */
import type { Pose, Vec3 } from './geometry';

/** The joint types URDF defines. `floating` and `planar` are kept but never driven. */
export type JointType = 'revolute' | 'continuous' | 'prismatic' | 'fixed' | 'floating' | 'planar';

/** Joint limits as URDF states them (position limits are absent for continuous joints). */
export interface JointLimits {
  /** Lower position limit (rad or m); -Infinity when the joint has none. */
  lower: number;
  /** Upper position limit (rad or m); +Infinity when the joint has none. */
  upper: number;
  /** Maximum speed (rad/s or m/s); 0 when the file gives none. */
  velocity: number;
  /** Maximum effort (N·m or N); 0 when the file gives none. */
  effort: number;
}

/** `<mimic>`: this joint's value is `multiplier * master + offset`. */
export interface Mimic {
  joint: string;
  multiplier: number;
  offset: number;
}

/** A joint: parent and child are link names; the axis is a unit vector in the joint frame. */
export interface JointDescription {
  name: string;
  type: JointType;
  parent: string;
  child: string;
  /** Pose of the joint frame in the parent link's frame. */
  origin: Pose;
  /** Unit axis in the joint frame (defaults to [1, 0, 0] as URDF says). */
  axis: Vec3;
  limits: JointLimits | null;
  mimic: Mimic | null;
  /** `<dynamics>` damping and friction, when the file gives them (0 for an absent attribute). */
  dynamics?: { damping: number; friction: number };
}

/** Shape of a visual or collision element. Mesh filenames are kept as written in the file. */
export type GeometryDescription =
  | { type: 'box'; size: Vec3 }
  | { type: 'cylinder'; radius: number; length: number }
  | { type: 'sphere'; radius: number }
  | { type: 'mesh'; filename: string; scale: Vec3 };

/** One `<visual>` or `<collision>` element of a link. */
export interface ShapeDescription {
  origin: Pose;
  geometry: GeometryDescription;
  /** RGBA in 0..1 from the material, when the visual has a colour. */
  color?: [number, number, number, number];
  /** Texture filename from the material, as written in the file (visuals only). */
  texture?: string;
}

/** Mass properties from `<inertial>`. */
export interface InertialDescription {
  origin: Pose;
  mass: number;
  /** ixx, ixy, ixz, iyy, iyz, izz in kg·m². */
  inertia: [number, number, number, number, number, number];
}

/** A link: a rigid body with optional visual, collision and inertial elements. */
export interface LinkDescription {
  name: string;
  visuals: ShapeDescription[];
  collisions: ShapeDescription[];
  inertial: InertialDescription | null;
  /**
   * True for a link the file references but never declares. Only `world` gets this treatment
   * (Drake and Gazebo files attach the robot to an undeclared `world`); it has no geometry.
   */
  implicit?: true;
}

/** A whole robot, its joints listed in tree order from the root (depth first). */
export interface RobotDescription {
  name: string;
  root: string;
  links: LinkDescription[];
  joints: JointDescription[];
}

/** The movable, non-mimic joints in tree order: the inputs of forward kinematics. */
export function activeJoints(robot: RobotDescription): JointDescription[] {
  return robot.joints.filter(
    (j) => j.mimic === null && (j.type === 'revolute' || j.type === 'continuous' || j.type === 'prismatic'),
  );
}
