/** A small valid cell for the store tests, and a deep freeze that turns any mutation into a throw. */
import { emptyCell, type Cell, type CellItem } from '../../src/model';

export const conveyor: CellItem = {
  id: 'conveyor-1',
  type: 'conveyor',
  name: 'Infeed conveyor',
  pose: { xyz: [-1.5, 0.5, 0], rpy: [0, 0, Math.PI / 2] },
  length: 2,
  width: 0.4,
  height: 0.75,
  speed: 0.2,
};

export const table: CellItem = {
  id: 'table-1',
  type: 'table',
  name: 'Fixture table',
  pose: { xyz: [1, 0, 0], rpy: [0, 0, 0] },
  size: [1.2, 0.8, 0.75],
};

export const pallet: CellItem = {
  id: 'pallet-1',
  type: 'pallet',
  name: 'Outfeed pallet',
  pose: { xyz: [0, -1.5, 0], rpy: [0, 0, 0] },
  size: [1.2, 0.8, 0.144],
};

/** Recursively freezes `value`, so that a command that mutates its input throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A frozen cell with a conveyor, a table and a pallet, plus a target attached to the table. */
export function sampleCell(): Cell {
  const cell: Cell = {
    ...emptyCell('Sample cell'),
    workersPerShift: 2,
    items: [structuredClone(conveyor), structuredClone(table), structuredClone(pallet)],
    targets: [{ id: 'pick', name: 'Pick', parent: { item: 'table-1' }, pose: { xyz: [0, 0, 0.8], rpy: [0, 0, 0] } }],
  };
  return deepFreeze(cell);
}
