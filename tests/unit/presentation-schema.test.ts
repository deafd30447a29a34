/**
 * The `presentation` section of a cell file (camera stops) and its edits: problems are named by
 * their place in the file, edits are single undo steps, and a cell without a tour stays valid.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, readCell, validateCell, type Cell } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { addCameraStop, moveCameraStop, removeCameraStop, updateCameraStop } from '../../src/store/presentation-commands';

const defaultCell = (): Cell => {
  const r = readCell(readFileSync(new URL('../../assets/cells/default.cell.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('default cell does not read');
  return r.cell;
};
const stop = (caption: string, x = 4) => ({ position: [x, 0, 2] as [number, number, number], target: [0, 0, 0.5] as [number, number, number], duration: 6, caption });
const problems = (presentation: unknown) => {
  const r = validateCell({ ...defaultCell(), presentation });
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('camera stops in the cell file', () => {
  it('accepts a cell with two stops and keeps them', () => {
    const r = validateCell({ ...defaultCell(), presentation: { stops: [stop('Infeed'), stop('Pallet', -3)] } });
    expect(r.ok).toBe(true);
    expect(r.ok && r.cell.presentation?.stops.map((s) => s.caption)).toEqual(['Infeed', 'Pallet']);
  });

  it('names the field of each bad stop', () => {
    expect(problems({ stops: [{ ...stop('a'), position: [1, 2] }] })).toEqual(['presentation.stops[0].position: expected 3 numbers (x, y, z in metres)']);
    expect(problems({ stops: [stop('a'), { ...stop('b'), duration: 0.1 }] })).toEqual(['presentation.stops[1].duration: expected at least 0.5 s']);
    expect(problems({ stops: [{ ...stop('a'), target: [4, 0, 2] }] })).toEqual(['presentation.stops[0].target: expected a point at least 1 mm away from the camera position']);
    expect(problems({ stops: [{ ...stop('a'), caption: 7 }] })).toEqual(['presentation.stops[0].caption: expected a string']);
    expect(problems({ stops: [{ ...stop('a'), zoom: 2 }] })).toEqual(['presentation.stops[0]: unknown field "zoom"']);
    expect(problems({ stops: [stop('a')], speed: 1 })).toEqual(['presentation: unknown field "speed"']);
    expect(problems({ stops: [{ ...stop('a'), position: [2000, 0, 0] }] })).toEqual(['presentation.stops[0].position: expected 3 numbers, each within ±1000 m']);
  });
});

describe('camera stop edits', () => {
  it('add, reorder, re-caption and delete, each one undo step', () => {
    const store = createCellStore(defaultCell());
    const captions = () => store.getState().cell.presentation?.stops.map((s) => s.caption);
    store.getState().execute(addCameraStop(stop('A')));
    store.getState().execute(addCameraStop(stop('B', 3)));
    expect(captions()).toEqual(['A', 'B']);
    store.getState().execute(moveCameraStop(1, -1));
    expect(captions()).toEqual(['B', 'A']);
    store.getState().execute(updateCameraStop(0, { caption: 'Robot', duration: 9 }));
    expect(store.getState().cell.presentation?.stops[0]).toMatchObject({ caption: 'Robot', duration: 9 });
    store.getState().undo();
    expect(captions()).toEqual(['B', 'A']);
    store.getState().execute(removeCameraStop(0));
    store.getState().execute(removeCameraStop(0));
    expect(store.getState().cell.presentation).toBeUndefined();
    expect('presentation' in store.getState().cell).toBe(false);
    store.getState().undo();
    expect(captions()).toEqual(['A']);
  });

  it('refuses a bad duration with the stop’s place and leaves the cell alone', () => {
    const store = createCellStore(defaultCell());
    store.getState().execute(addCameraStop(stop('A')));
    const before = store.getState().cell;
    store.getState().execute(updateCameraStop(0, { duration: 0 }));
    expect(store.getState().lastError?.message).toBe('presentation.stops[0].duration: expected at least 0.5 s');
    expect(store.getState().cell).toBe(before);
    store.getState().execute(moveCameraStop(0, 1));
    expect(store.getState().lastError?.message).toBe('camera stop 1 cannot move to place 2 of 1');
  });
});
