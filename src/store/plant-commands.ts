/**
 * Edits of the cell's `plant` section (the plant roll-up of robot density): each one undo step,
 * refused with the file's located message when the result would not validate.
 */
import { formatPath } from '../model/validate';
import { plantSchema, type Plant } from '../model/plant-schema';
import { EditError, type EditCommand } from './cell-store';

/** A plant to start the roll-up from: 100 people per shift, no robots yet, one copy of the cell. */
export function defaultPlant(cellWorkers: number): Plant {
  return { name: 'Plant', workersPerShift: 100, shifts: 1, robots: 0, thisCell: { copies: 1, workersReplaced: Math.max(2, cellWorkers + 1) } };
}

/** Sets (or with null removes) the plant section. */
export function setPlant(plant: Plant | null, label = 'Edit plant roll-up'): EditCommand {
  return {
    label,
    apply(cell) {
      if (plant === null) {
        const { plant: _gone, ...rest } = cell;
        return rest;
      }
      const checked = plantSchema.safeParse(plant);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw new EditError(`plant.${formatPath(issue.path)}: ${issue.message}`);
      }
      return { ...cell, plant: checked.data };
    },
  };
}
