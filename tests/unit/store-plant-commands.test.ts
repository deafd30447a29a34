/**
 * Editing the plant roll-up: each change one undo step, a bad value refused with the file's
 * located message and the cell left as it was, and the section removed again.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { defaultPlant, setPlant } from '../../src/store/plant-commands';

describe('plant roll-up edits', () => {
  it('adds the section as one undo step and undoes it', () => {
    const store = createCellStore(emptyCell('c'));
    store.getState().execute(setPlant(defaultPlant(1), 'Add plant roll-up'));
    expect(store.getState().cell.plant).toEqual({ name: 'Plant', workersPerShift: 100, shifts: 1, robots: 0, thisCell: { copies: 1, workersReplaced: 2 } });
    expect(store.getState().undoLabel).toBe('Add plant roll-up');
    store.getState().undo();
    expect(store.getState().cell.plant).toBeUndefined();
  });

  it('refuses copies that take over more people than the plant has, naming the field, and keeps the cell', () => {
    const store = createCellStore(emptyCell('c'));
    store.getState().execute(setPlant(defaultPlant(1)));
    const before = store.getState().cell;
    store.getState().execute(setPlant({ ...defaultPlant(1), thisCell: { copies: 60, workersReplaced: 2 } }));
    expect(store.getState().lastError?.message).toBe('plant.workersPerShift: the cells take over 120 workers per shift, more than the headcount of 100');
    expect(store.getState().cell).toBe(before);
  });

  it('refuses a fractional number of copies with its path', () => {
    const store = createCellStore(emptyCell('c'));
    store.getState().execute(setPlant({ ...defaultPlant(1), thisCell: { copies: 2.5, workersReplaced: 2 } }));
    expect(store.getState().lastError?.message).toBe('plant.thisCell.copies: expected a whole number');
  });

  it('removes the section', () => {
    const store = createCellStore({ ...emptyCell('c'), plant: defaultPlant(1) });
    store.getState().execute(setPlant(null, 'Remove plant roll-up'));
    expect('plant' in store.getState().cell).toBe(false);
  });
});
