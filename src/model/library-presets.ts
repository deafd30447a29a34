/**
 * Library entries that are not a bare item type but a ready-made configuration of one: a part
 * source (an infeed conveyor that makes parts), a part sink (an exit conveyor where parts leave
 * the cell), a press and an inspection station (machines with their own size and times), and loose parts (a carton, a steel blank). The library shows them beside the plain
 * item types; both kinds are a {@link EquipmentEntry}.
 */
import type { CellItem, ConveyorItem } from './cell';
import type { Pose } from './geometry';
import { createItem, itemTypeLabel, LIBRARY_ITEM_TYPES, type LibraryItemType } from './item-factory';
import { createPartItem, type PartKind } from './part-items';

/** The ready-made entries, in the order the library lists them. */
export const LIBRARY_PRESETS = ['press', 'inspectionStation', 'partSource', 'partSink', 'boxPart', 'cylinderPart'] as const;
export type LibraryPreset = (typeof LIBRARY_PRESETS)[number];
/** Anything the library can add without a robot description: an item type or a preset. */
export type EquipmentEntry = LibraryItemType | LibraryPreset;

/** A corrugated carton of 300 × 200 × 150 mm and 2 kg, the long side along x. */
export const BOX_PART: PartKind = { shape: { type: 'box', size: [0.3, 0.2, 0.15] }, mass: 2 };
/** A steel blank Ø 60 × 100 mm: π · 0.03² · 0.1 m³ × 7,850 kg/m³ ≈ 2.2 kg, standing on its end. */
export const CYLINDER_PART: PartKind = { shape: { type: 'cylinder', radius: 0.03, length: 0.1 }, mass: 2.2 };

/** The part source's belt: 2 m long, 0.5 m wide, top at 0.8 m, running at 200 mm/s. */
const BELT = { length: 2, width: 0.5, height: 0.8, speed: 0.2 } as const;
/** Seconds between parts at the source. */
export const SOURCE_INTERVAL = 6;
/**
 * Where the source conveyor's sensor is, from the infeed end (m): 200 mm before the outfeed end,
 * so a 300 mm carton stops there whole on the belt, ready to be picked.
 */
export const SOURCE_SENSOR_POSITION = BELT.length - 0.2;

/**
 * A servo press in a guarded frame, 1.6 × 1.2 m and 2.6 m tall, 6 s a stroke cycle including the
 * part's dwell in the die, and a 1.5 s light-guard/door time each way.
 */
export const PRESS = { size: [1.6, 1.2, 2.6] as [number, number, number], processTime: 6, doorTime: 1.5 };
/** A vision inspection booth, 1.0 × 0.8 × 1.9 m, 3 s of multi-shot inspection, no door. */
export const INSPECTION_STATION = { size: [1, 0.8, 1.9] as [number, number, number], processTime: 3, doorTime: 0 };

const LABELS: Record<LibraryPreset, string> = {
  press: 'Press',
  inspectionStation: 'Inspection station',
  partSource: 'Part source',
  partSink: 'Part sink',
  boxPart: 'Box part',
  cylinderPart: 'Cylinder part',
};

/** Names the new items get: what they are in the cell, not only what the library called them. */
const ITEM_NAMES: Record<LibraryPreset, string> = {
  press: 'Press',
  inspectionStation: 'Inspection station',
  partSource: 'Infeed (part source)',
  partSink: 'Exit (part sink)',
  boxPart: 'Carton',
  cylinderPart: 'Steel blank',
};

const ID_PREFIX: Record<LibraryPreset, string> = { press: 'press', inspectionStation: 'inspection', partSource: 'infeed', partSink: 'exit', boxPart: 'part', cylinderPart: 'part' };

/** True when `entry` is a preset rather than an item type. */
export function isLibraryPreset(entry: string): entry is LibraryPreset {
  return (LIBRARY_PRESETS as readonly string[]).includes(entry);
}

/** Every library entry, in the order the library lists them: sources and sinks after the plain conveyor, parts last. */
export function equipmentEntries(): EquipmentEntry[] {
  const out: EquipmentEntry[] = [];
  for (const type of LIBRARY_ITEM_TYPES) {
    out.push(type);
    if (type === 'conveyor') out.push('partSource', 'partSink');
    if (type === 'machine') out.push('press', 'inspectionStation');
  }
  out.push('boxPart', 'cylinderPart');
  return out;
}

/** The library's label of an entry ("Part source", "Safety fence"). */
export function equipmentLabel(entry: EquipmentEntry): string {
  return isLibraryPreset(entry) ? LABELS[entry] : itemTypeLabel(entry);
}

/** The id prefix of the items an entry makes (`infeed` → `infeed-1`). */
export function equipmentIdPrefix(entry: EquipmentEntry): string {
  if (isLibraryPreset(entry)) return ID_PREFIX[entry];
  return entry === 'lightCurtain' ? 'curtain' : entry;
}

function conveyor(id: string, name: string, pose: Pose, extra: Partial<ConveyorItem>): ConveyorItem {
  return { id, name, pose, type: 'conveyor', ...BELT, ...extra };
}

/**
 * The item an entry makes, with `id`, standing on the floor spot `pose`. A part's pose is its
 * centre, so it is lifted by half its height.
 */
export function createEquipment(entry: EquipmentEntry, id: string, pose: Pose): CellItem {
  if (!isLibraryPreset(entry)) return createItem(entry, id, pose);
  const name = ITEM_NAMES[entry];
  switch (entry) {
    case 'press':
      return { id, name, pose, type: 'machine', machineType: 'press', ...PRESS, size: [...PRESS.size] };
    case 'inspectionStation':
      return { id, name, pose, type: 'machine', machineType: 'inspection', ...INSPECTION_STATION, size: [...INSPECTION_STATION.size] };
    case 'partSource':
      return conveyor(id, name, pose, {
        source: { part: BOX_PART, interval: SOURCE_INTERVAL, distribution: 'fixed' },
        sensor: { position: SOURCE_SENSOR_POSITION, accumulate: true },
      });
    case 'partSink':
      return conveyor(id, name, pose, { sink: true });
    case 'boxPart':
      return createPartItem(id, name, BOX_PART, pose);
    case 'cylinderPart':
      return createPartItem(id, name, CYLINDER_PART, pose);
  }
}
