/**
 * Edits of the cell's camera tour (`presentation.stops`, model/presentation-schema.ts): add,
 * change, move and delete stops. Each is one undo step and is refused, with the stop's place in
 * the file (`presentation.stops[1].duration: expected at least 0.5 s`), when the result would
 * not validate. Removing the last stop removes the section, so a cell without a tour stays as it was.
 */
import type { Cell } from '../model';
import { formatPath } from '../model/validate';
import { presentationSchema, type CameraStop } from '../model/presentation-schema';
import { EditError, type EditCommand } from './cell-store';

/** Seconds a new stop lasts unless the planner changes it. */
export const DEFAULT_STOP_SECONDS = 6;

const stopsOf = (cell: Cell): CameraStop[] => cell.presentation?.stops ?? [];

/** The cell with `stops` as its tour, checked; an empty list drops the section. */
function withStops(cell: Cell, stops: CameraStop[]): Cell {
  if (stops.length === 0) {
    const { presentation: _gone, ...rest } = cell;
    return rest;
  }
  const checked = presentationSchema.safeParse({ stops });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new EditError(`presentation.${formatPath(issue.path)}: ${issue.message}`);
  }
  return { ...cell, presentation: checked.data };
}

const stopAt = (cell: Cell, index: number): CameraStop => {
  const stop = stopsOf(cell)[index];
  if (stop === undefined) throw new EditError(`no camera stop ${index + 1} (the tour has ${stopsOf(cell).length})`);
  return stop;
};

/** Appends a stop (or inserts it at `index`). */
export function addCameraStop(stop: CameraStop, index?: number): EditCommand {
  return {
    label: 'Add camera stop',
    apply(cell) {
      const stops = [...stopsOf(cell)];
      stops.splice(index ?? stops.length, 0, stop);
      return withStops(cell, stops);
    },
  };
}

/** Changes fields of stop `index` (caption, duration, or a re-captured view). */
export function updateCameraStop(index: number, patch: Partial<CameraStop>, label = 'Edit camera stop'): EditCommand {
  return {
    label,
    apply(cell) {
      const stop = stopAt(cell, index);
      return withStops(cell, stopsOf(cell).map((s, i) => (i === index ? { ...stop, ...patch } : s)));
    },
  };
}

/** Moves stop `index` by `delta` places (−1 earlier, +1 later); a move past either end is refused. */
export function moveCameraStop(index: number, delta: number): EditCommand {
  return {
    label: 'Reorder camera stops',
    apply(cell) {
      const stops = [...stopsOf(cell)];
      const to = index + delta;
      const stop = stopAt(cell, index);
      if (to < 0 || to >= stops.length) throw new EditError(`camera stop ${index + 1} cannot move to place ${to + 1} of ${stops.length}`);
      stops.splice(index, 1);
      stops.splice(to, 0, stop);
      return withStops(cell, stops);
    },
  };
}

/** Deletes stop `index`. */
export function removeCameraStop(index: number): EditCommand {
  return {
    label: 'Delete camera stop',
    apply(cell) {
      stopAt(cell, index);
      return withStops(cell, stopsOf(cell).filter((_, i) => i !== index));
    },
  };
}
