/**
 * Stand-ins for meshes that could not be found or read: the link's collision mesh when that one
 * is there, else a grey box of about the link's size, so the robot still reads as a robot and
 * the load never hangs on a missing file.
 */
import { BoxGeometry, Euler, Group, Matrix4, Mesh, MeshStandardMaterial, Quaternion, Vector3, type Object3D } from 'three';
import type { RobotDescription, ShapeDescription, Vec3 } from '../../model';

const placeholderMaterial = new MeshStandardMaterial({ color: '#9aa1a8', roughness: 0.8, transparent: true, opacity: 0.85 });

/** Box size and centre (in the link frame) that stand for a link whose mesh is missing. */
export interface LinkBox {
  size: Vec3;
  centre: Vec3;
}

function primitiveBox(shape: ShapeDescription): LinkBox | null {
  const g = shape.geometry;
  const centre = shape.origin.xyz;
  if (g.type === 'box') return { size: g.size, centre };
  if (g.type === 'cylinder') return { size: [2 * g.radius, 2 * g.radius, g.length], centre };
  if (g.type === 'sphere') return { size: [2 * g.radius, 2 * g.radius, 2 * g.radius], centre };
  return null;
}

/**
 * For each mesh file a robot references, the box of the link that uses it: a primitive
 * collision shape of the same link when there is one, else a bar from the link origin to its
 * farthest child joint (what a link physically spans), at least 60 mm thick.
 */
export function placeholderBoxes(robot: RobotDescription): Map<string, LinkBox> {
  const boxes = new Map<string, LinkBox>();
  for (const link of robot.links) {
    const primitive = link.collisions.map(primitiveBox).find((b) => b !== null) ?? null;
    let box = primitive;
    if (!box) {
      let far: Vec3 = [0, 0, 0];
      for (const j of robot.joints) {
        if (j.parent === link.name && Math.hypot(...j.origin.xyz) > Math.hypot(...far)) far = j.origin.xyz;
      }
      const t = 0.06;
      box = {
        size: [Math.max(t, Math.abs(far[0])), Math.max(t, Math.abs(far[1])), Math.max(t, Math.abs(far[2]))],
        centre: [far[0] / 2, far[1] / 2, far[2] / 2],
      };
    }
    for (const shape of [...link.visuals, ...link.collisions]) {
      if (shape.geometry.type === 'mesh') boxes.set(shape.geometry.filename, box);
    }
  }
  return boxes;
}

/** A grey box object for a missing mesh. Wrapped in a group because urdf-loader zeroes the root's offset. */
export function placeholderObject(box: LinkBox | undefined): Group {
  const group = new Group();
  const b = box ?? { size: [0.1, 0.1, 0.1] as Vec3, centre: [0, 0, 0] as Vec3 };
  const mesh = new Mesh(new BoxGeometry(...b.size), placeholderMaterial);
  mesh.position.set(...b.centre);
  mesh.name = 'missing-mesh-placeholder';
  group.add(mesh);
  return group;
}

/** A collision mesh drawn in place of a link's missing visual mesh. */
export interface CollisionStandIn {
  /** The collision mesh's filename, as the URDF writes it. */
  filename: string;
  /** The visual element whose mesh is missing (its origin and scale frame the stand-in). */
  visual: ShapeDescription;
  collision: ShapeDescription;
}

/**
 * The collision mesh of the link that uses `visualFilename` as a visual, when it is another file
 * and (if `available` is given) one that was found. A collision mesh is coarser, but it is the
 * link's real shape: far closer than a box.
 */
export function collisionStandIn(robot: RobotDescription, visualFilename: string, available?: ReadonlySet<string>): CollisionStandIn | null {
  for (const link of robot.links) {
    const visual = link.visuals.find((v) => v.geometry.type === 'mesh' && v.geometry.filename === visualFilename);
    if (!visual) continue;
    for (const collision of link.collisions) {
      const g = collision.geometry;
      if (g.type !== 'mesh' || g.filename === visualFilename) continue;
      if (available && !available.has(g.filename)) continue;
      return { filename: g.filename, visual, collision };
    }
  }
  return null;
}

const scaleOf = (shape: ShapeDescription): Vec3 => (shape.geometry.type === 'mesh' ? shape.geometry.scale : [1, 1, 1]);

function poseMatrix(pose: { xyz: Vec3; rpy: Vec3 }, scale: Vec3): Matrix4 {
  // URDF rpy is fixed-axis X, then Y, then Z: R = Rz·Ry·Rx, which is three's Euler order 'ZYX'.
  const q = new Quaternion().setFromEuler(new Euler(pose.rpy[0], pose.rpy[1], pose.rpy[2], 'ZYX'));
  return new Matrix4().compose(new Vector3(...pose.xyz), q, new Vector3(...scale));
}

/**
 * Wraps a loaded collision mesh so it sits where the collision element says, inside the visual
 * element's frame (urdf-loader places the returned object at the visual's origin and scale).
 */
export function standInObject(mesh: Object3D, standIn: CollisionStandIn): Group {
  const group = new Group();
  const inVisual = poseMatrix(standIn.visual.origin, scaleOf(standIn.visual))
    .invert()
    .multiply(poseMatrix(standIn.collision.origin, scaleOf(standIn.collision)));
  inVisual.decompose(mesh.position, mesh.quaternion, mesh.scale);
  mesh.name = 'collision-stand-in';
  group.add(mesh);
  return group;
}
