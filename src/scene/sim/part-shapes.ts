/**
 * The shape of a simulated part, for drawing it: a part placed in the cell file (in `parts` or
 * as a part item) carries its own shape; a part a conveyor's source made is named
 * `<conveyor>/part-N` and has its source's shape.
 */
import { BoxGeometry, CylinderGeometry, type BufferGeometry } from 'three';
import { startingParts, type Cell } from '../../model';

type PartShape = { type: 'box'; size: [number, number, number] } | { type: 'cylinder'; radius: number; length: number };

/** The shape of the part body named `name`, or null when the cell does not say. */
export function partShape(cell: Cell, name: string): PartShape | null {
  const own = startingParts(cell).find((p) => p.id === name);
  if (own) return own.shape;
  const conveyorId = name.split('/')[0];
  const conveyor = cell.items.find((i) => i.id === conveyorId);
  if (conveyor?.type === 'conveyor' && conveyor.source) return conveyor.source.part.shape;
  return null;
}

/** three geometry for a part shape, in the part's frame (cylinders along z, as in the simulation). */
export function partGeometry(shape: PartShape | null): BufferGeometry {
  if (!shape) return new BoxGeometry(0.1, 0.1, 0.1);
  if (shape.type === 'box') return new BoxGeometry(...shape.size);
  // three builds cylinders along y; the simulation's stand along z.
  return new CylinderGeometry(shape.radius, shape.radius, shape.length, 24).rotateX(Math.PI / 2);
}
