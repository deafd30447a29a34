/**
 * The optional `plant` section of a cell file: the plant the cell is planned for, so that robot
 * density can be read at plant level (sim/kpi/plant-density.ts) instead of as the cell's own
 * "robots per 10,000 workers", which for a cell of 2 robots and 2 operators is just a big number.
 *
 * All head counts are people per shift. `shifts` turns them into employees, the denominator the
 * IFR statistic uses (a robot works every shift; people do not).
 */
import { z } from 'zod';

const count = z.number({ error: 'expected a number' }).finite().nonnegative({ error: 'expected a number ≥ 0' });
const copies = z.number({ error: 'expected a number' }).int({ error: 'expected a whole number' }).nonnegative({ error: 'expected a whole number ≥ 0' });

/** Another cell design rolled into the plant: its figures are kept here, so no other file is needed. */
export const plantCellSchema = z.strictObject({
  name: z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty name' }),
  /** Robots in one copy of that cell. */
  robots: copies,
  /** People one copy needs per shift (its operators). */
  workersPerShift: count,
  /** Manual workers per shift one copy takes over. */
  workersReplaced: count,
  /** How many copies the plant gets. */
  copies,
});

/** The plant roll-up: the plant as it is today, and the cells that are to be added to it. */
export const plantSchema = z
  .strictObject({
    /** Name of the plant or line (for labels). */
    name: z.string({ error: 'expected a string' }).optional(),
    /** The plant's headcount per shift today, before any of the cells below. */
    workersPerShift: z.number({ error: 'expected a number' }).finite().positive({ error: 'expected a headcount > 0' }),
    /** Shifts per day (default 1): employees = workers per shift × shifts. */
    shifts: z.number({ error: 'expected a number' }).int({ error: 'expected a whole number' }).min(1, { error: 'expected 1, 2, 3 …' }).max(4, { error: 'expected at most 4 shifts' }).optional(),
    /** Robots already working in the plant. */
    robots: copies,
    /** Copies of this cell and the manual workers per shift each one takes over. */
    thisCell: z.strictObject({ copies, workersReplaced: count }),
    /** Other cell designs added too (e.g. saved variants). */
    otherCells: z.array(plantCellSchema).optional(),
  })
  .superRefine((plant, ctx) => {
    // The people taken over cannot exceed the headcount: name the field that makes it so.
    const removed = plant.thisCell.copies * plant.thisCell.workersReplaced + (plant.otherCells ?? []).reduce((s, c) => s + c.copies * c.workersReplaced, 0);
    if (removed > plant.workersPerShift) {
      ctx.addIssue({
        code: 'custom',
        path: ['workersPerShift'],
        message: `the cells take over ${removed} workers per shift, more than the headcount of ${plant.workersPerShift}`,
      });
    }
  });

/** The plant section of a cell file. */
export type Plant = z.infer<typeof plantSchema>;
/** Another cell design in the plant roll-up. */
export type PlantCell = z.infer<typeof plantCellSchema>;
