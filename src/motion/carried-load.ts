/**
 * What a robot carries, for the payload model (payload.ts): its tool's mass always, plus a
 * part's mass while it holds one.
 *
 * Which part: the simulation and `celltwin plan` must agree without running the cell, so the
 * part's mass is read from the cell, not from the run: the heaviest kind of part the cell has
 * (its part sources, its starting parts and its loose part items). Most cells handle one kind;
 * where they handle several, the heaviest is the safe side of a cycle-time quote.
 */
import type { Cell } from '../model/cell';
import { findLibraryEntry } from '../model/robot-library';

/** Mass (kg) of the heaviest part the cell makes or starts with; 0 when it has none. */
export function cellPartMass(cell: Cell): number {
  let mass = 0;
  for (const item of cell.items) {
    if (item.type === 'conveyor' && item.source) mass = Math.max(mass, item.source.part.mass);
    if (item.type === 'part') mass = Math.max(mass, item.mass);
  }
  for (const part of cell.parts ?? []) mass = Math.max(mass, part.mass);
  return mass;
}

/** Mass (kg) of a bundled tool, 0 for a bare flange or a tool the library does not know. */
export function toolMass(toolId: string | null | undefined): number {
  if (!toolId) return 0;
  const entry = findLibraryEntry(toolId);
  return entry?.kind === 'gripper' ? entry.mass : 0;
}
