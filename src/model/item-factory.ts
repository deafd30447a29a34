/**
 * New items with the defaults a planner expects when dragging one from the library: real-world
 * sizes (a EUR pallet is 1.2 × 0.8 m, a table top is at 0.75 m, a belt at 0.8 m).
 */
import type { CellItem, ItemType } from './cell';
import type { Pose } from './geometry';
import { findLibraryEntry } from './robot-library';

/** The item types the library offers without a robot description. */
export const LIBRARY_ITEM_TYPES = ['conveyor', 'table', 'pallet', 'machine', 'fence', 'operator'] as const;
export type LibraryItemType = (typeof LIBRARY_ITEM_TYPES)[number];

const NAMES: Record<ItemType, string> = {
  robot: 'Robot',
  conveyor: 'Conveyor',
  table: 'Table',
  pallet: 'Pallet',
  machine: 'CNC machine',
  fence: 'Safety fence',
  operator: 'Operator',
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
    case 'robot': {
      // The bundled library knows the base and the reach; an imported robot gets a generic box.
      const entry = item.source.type === 'bundled' ? findLibraryEntry(item.source.id) : undefined;
      if (entry?.kind !== 'robot') return [0.4, 0.4, 1];
      const side = Math.max(entry.footprint[0], entry.footprint[1]) * 1.3;
      return [side, side, entry.reach * 1.15];
    }
  }
}
