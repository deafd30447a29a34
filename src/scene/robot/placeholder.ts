/**
 * Grey stand-ins for meshes that could not be found or read: a box of about the link's size,
 * so the robot still reads as a robot and the load never hangs on a missing file.
 */
import { BoxGeometry, Group, Mesh, MeshStandardMaterial } from 'three';
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
