/**
 * New items with the defaults a planner expects when dragging one from the library: real-world
 * sizes (a EUR pallet is 1.2 × 0.8 m, a table top is at 0.75 m, a belt at 0.8 m).
 */
import type { CellItem, ItemType } from './cell';
import type { Pose } from './geometry';
import { curtainGeometry, CURTAIN_DEFAULT_ELEVATION } from './light-curtain';
import { partSize } from './part-items';
import { findLibraryEntry } from './robot-library';

/** The item types the library offers without a robot description. */
export const LIBRARY_ITEM_TYPES = ['conveyor', 'table', 'pallet', 'machine', 'fence', 'lightCurtain', 'operator', 'pedestal', 'track'] as const;
export type LibraryItemType = (typeof LIBRARY_ITEM_TYPES)[number];

const NAMES: Record<ItemType, string> = {
  robot: 'Robot',
  conveyor: 'Conveyor',
  table: 'Table',
  pallet: 'Pallet',
  machine: 'CNC machine',
  fence: 'Safety fence',
  operator: 'Operator',
  pedestal: 'Robot pedestal',
  track: 'Linear track',
  lightCurtain: 'Light curtain',
  part: 'Part',
};

/** A human label for an item type. */
export function itemTypeLabel(type: ItemType): string {
  return NAMES[type];
}

/** Creates a library item of `type` with `id` at `pose`, with default dimensions. */
export function createItem(type: LibraryItemType, id: string, pose: Pose, name = NAMES[type]): CellItem {
  const base = { id, name, pose };
  switch (type) {
    case 'conveyor':
      return { ...base, type, length: 2, width: 0.5, height: 0.8, speed: 0.2 };
    case 'table':
      return { ...base, type, size: [1.2, 0.8, 0.75] };
    case 'pallet':
      return { ...base, type, size: [1.2, 0.8, 0.144] };
    case 'machine':
      return { ...base, type, machineType: 'cnc', size: [1.8, 1.4, 2.1], processTime: 45 };
    case 'fence':
      return { ...base, type, length: 2, height: 2 };
    case 'operator':
      return { ...base, type, taskTime: 0 };
    case 'pedestal':
      // A welded steel riser: 600 × 600 mm plate, robot flange 500 mm above the floor.
      return { ...base, type, size: [0.6, 0.6, 0.5] };
    case 'track':
      // A floor track (7th axis): 4 m of rail, 700 mm wide, carriage top at 450 mm.
      return { ...base, type, length: 4, width: 0.7, height: 0.45 };
    case 'lightCurtain':
      // A 900 mm opening guarded by a type 4 curtain with a 1500 mm protective field (a stock
      // height of curtains sold in 150 mm steps), lowest beam 300 mm above the floor.
      return { ...base, type, width: 0.9, height: 1.5, elevation: CURTAIN_DEFAULT_ELEVATION };
  }
}

/**
 * The item's axis-aligned size in its own frame (x, y, z in metres), with its origin at the
 * centre of the footprint on the floor. Used for selection boxes and footprints.
 */
export function itemExtent(item: CellItem): [number, number, number] {
  switch (item.type) {
    case 'conveyor':
      return [item.length, item.width, item.height];
    case 'table':
    case 'pallet':
    case 'machine':
      return item.size;
    case 'fence':
      return [item.length, 0.05, item.height];
    case 'operator':
      return [0.5, 0.35, 1.75];
    case 'pedestal':
      return item.size;
    case 'track':
      return [item.length, item.width, item.height];
    case 'lightCurtain':
      return curtainGeometry(item).extent;
    case 'part':
      // A part's pose is its centre, not a point on the floor (like the cell file's `parts`).
      return partSize(item.shape);
    case 'robot': {
      // The bundled library knows the base and the reach; an imported robot gets a generic box.
      const entry = item.source.type === 'bundled' ? findLibraryEntry(item.source.id) : undefined;
      if (entry?.kind !== 'robot') return [0.4, 0.4, 1];
      const side = Math.max(entry.footprint[0], entry.footprint[1]) * 1.3;
      return [side, side, entry.reach * 1.15];
    }
  }
}
