/**
 * The bodies of a cell as plain data: what the physics adapter builds, named the way events and
 * the renderer name them. The simulation makes the plan from the cell document and the robot
 * descriptions; the physics layer turns each entry into a Rapier body with its colliders.
 */

/**
 * A collision shape in its collider's frame. Cylinders run along their local z axis (URDF's
 * convention; Rapier's run along y, which the physics adapter handles). A hull is the convex
 * hull of `points` (x, y, z triples, already scaled); `key` names it for caching.
 */
export type ShapeSpec =
  | { type: 'box'; half: [number, number, number] }
  | { type: 'cylinder'; radius: number; halfLength: number }
  | { type: 'sphere'; radius: number }
  | { type: 'hull'; points: Float32Array; key: string };

/**
 * What a collider is for: `solid` collides; `belt` is a conveyor's running surface (frictionless,
 * the simulation sets the speed of what lies on it); `sensor` is a light barrier (detects parts,
 * pushes nothing).
 */
export type ColliderRole = 'solid' | 'belt' | 'sensor';

/** One collider of a body: its shape, its pose in the body frame (7 numbers), friction, role. */
export interface ColliderPlan {
  shape: ShapeSpec;
  pose: Float64Array;
  friction: number;
  role: ColliderRole;
}

/**
 * `fixture`: never moves (tables, machines, pallets, fences, conveyors, operators, the floor).
 * `link`: a robot or tool link, moved kinematically by forward kinematics.
 * `part`: a dynamic body with mass, moved by contacts, belts and grippers.
 */
export type BodyKind = 'fixture' | 'link' | 'part';

/** A body of the cell. `id` is its index in the simulation's body table, never reused. */
export interface BodyPlan {
  id: number;
  /** Event and renderer name: `table-1`, `robot-1/forearm_link`, `robot-1/tool/base_link`, `part-3`. */
  name: string;
  kind: BodyKind;
  /** The cell item it belongs to (robot, fixture or conveyor id); the part's own id for parts. */
  item: string;
  /** For links: the URDF link name (`tool/LINK` for tool links). */
  link: string | null;
  /** Initial world pose, 7 numbers [x, y, z, qx, qy, qz, qw]. */
  pose: Float64Array;
  colliders: ColliderPlan[];
  /** Mass in kg (parts only). */
  mass?: number;
}

/** Public description of a body (what `Simulation.bodies()` returns), without geometry. */
export interface BodyInfo {
  id: number;
  name: string;
  kind: BodyKind;
  item: string;
  link: string | null;
}

/** Half extents of a box of full size `size`. */
export function boxHalf(size: readonly [number, number, number]): [number, number, number] {
  return [size[0] / 2, size[1] / 2, size[2] / 2];
}

/** The identity pose plus a translation, as a new 7-number array. */
export function translationPose(x: number, y: number, z: number): Float64Array {
  return Float64Array.of(x, y, z, 0, 0, 0, 1);
}
