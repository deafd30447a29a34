/**
 * Types of the cell document, derived from its schema so that the two can never disagree.
 */
import type { z } from 'zod';
import type {
  moveJStepSchema,
  moveLStepSchema,
  pickStepSchema,
  placeStepSchema,
  programSchema,
  programStepSchema,
  waitReasonSchema,
} from './program-schema';
import type {
  cellSchema,
  conveyorItemSchema,
  fenceItemSchema,
  itemSchema,
  lightCurtainItemSchema,
  machineItemSchema,
  operatorItemSchema,
  palletItemSchema,
  pedestalItemSchema,
  partItemSchema,
  robotItemSchema,
  robotSourceSchema,
  tableItemSchema,
  targetSchema,
  trackItemSchema,
} from './cell-schema';

/** A whole cell document at the current schema version. */
export type Cell = z.infer<typeof cellSchema>;
/** Any placed item. Narrow on `type`. */
export type CellItem = z.infer<typeof itemSchema>;
/** The `type` tag of an item. */
export type ItemType = CellItem['type'];
export type RobotItem = z.infer<typeof robotItemSchema>;
export type RobotSource = z.infer<typeof robotSourceSchema>;
export type ConveyorItem = z.infer<typeof conveyorItemSchema>;
export type TableItem = z.infer<typeof tableItemSchema>;
export type PalletItem = z.infer<typeof palletItemSchema>;
export type MachineItem = z.infer<typeof machineItemSchema>;
export type FenceItem = z.infer<typeof fenceItemSchema>;
export type OperatorItem = z.infer<typeof operatorItemSchema>;
export type PedestalItem = z.infer<typeof pedestalItemSchema>;
export type TrackItem = z.infer<typeof trackItemSchema>;
/** What a robot stands on (see mounts.ts). */
export type RobotMount = NonNullable<RobotItem['mount']>;
export type LightCurtainItem = z.infer<typeof lightCurtainItemSchema>;
/** A loose part placed in the cell as an item (simulated like an entry of `Cell['parts']`). */
export type PartItem = z.infer<typeof partItemSchema>;
export type Target = z.infer<typeof targetSchema>;
/** A robot program: a loop of steps. */
export type Program = z.infer<typeof programSchema>;
/** One step of a program. Narrow on `type`. */
export type ProgramStep = z.infer<typeof programStepSchema>;
/** The `type` tag of a step. */
export type ProgramStepType = ProgramStep['type'];
export type MoveJStep = z.infer<typeof moveJStepSchema>;
export type MoveLStep = z.infer<typeof moveLStepSchema>;
export type PickStep = z.infer<typeof pickStepSchema>;
export type PlaceStep = z.infer<typeof placeStepSchema>;
/** What a robot's wait counts as: starved, blocked or interlock. */
export type WaitReason = z.infer<typeof waitReasonSchema>;

/** A blank cell: a 10 m × 8 m floor and nothing on it. */
export function emptyCell(name = 'Untitled cell'): Cell {
  return {
    schemaVersion: 1,
    name,
    units: 'SI: m, rad, s, kg',
    floor: { width: 10, depth: 8 },
    workersPerShift: 1,
    items: [],
    targets: [],
    programs: [],
    simulation: { dt: 1 / 240, seed: 1, duration: 60 },
  };
}
