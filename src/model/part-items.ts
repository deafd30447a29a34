/**
 * Parts placed in the cell as items (`type: 'part'`): their size, how they stand on the floor,
 * and the one list of parts present when a run starts — the cell file's `parts` followed by the
 * part items — that the simulation and the scene both read, so the two kinds behave the same.
 */
import type { Cell, PartItem } from './cell';
import type { Pose, Vec3 } from './geometry';

/** A part lying in the cell at the start of a run (an entry of `Cell['parts']`). */
export type StartingPart = NonNullable<Cell['parts']>[number];
/** What a part is made of: shape, mass (kg), friction. */
export type PartKind = Pick<StartingPart, 'shape' | 'mass' | 'friction'>;

/** The size of a part's bounding box along its own x, y, z (a cylinder stands along z). */
export function partSize(shape: PartKind['shape']): Vec3 {
  return shape.type === 'box' ? [...shape.size] : [2 * shape.radius, 2 * shape.radius, shape.length];
}

/**
 * A part item of `kind` standing on the spot `onFloor` (its pose is its centre, so it sits half
 * its height above the point it stands on, not in the floor).
 */
export function createPartItem(id: string, name: string, kind: PartKind, onFloor: Pose): PartItem {
  const [x, y, z] = onFloor.xyz;
  const h = partSize(kind.shape)[2];
  return {
    id,
    name,
    type: 'part',
    pose: { xyz: [x, y, z + h / 2], rpy: [...onFloor.rpy] },
    shape: kind.shape,
    mass: kind.mass,
    ...(kind.friction !== undefined ? { friction: kind.friction } : {}),
  };
}

/** A part item as an entry of `Cell['parts']` (same id, shape, mass, friction and pose). */
export function partItemAsStartingPart(item: PartItem): StartingPart {
  return {
    id: item.id,
    name: item.name,
    shape: item.shape,
    mass: item.mass,
    ...(item.friction !== undefined ? { friction: item.friction } : {}),
    pose: item.pose,
  };
}

/**
 * Every part present when a run starts: `cell.parts` first (so their body ids do not change when
 * part items are added), then the part items in document order.
 */
export function startingParts(cell: Pick<Cell, 'parts' | 'items'>): StartingPart[] {
  const items = cell.items.filter((i): i is PartItem => i.type === 'part').map(partItemAsStartingPart);
  return [...(cell.parts ?? []), ...items];
}
