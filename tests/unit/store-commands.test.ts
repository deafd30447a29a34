import { describe, expect, it } from 'vitest';
import { validateCell, type Cell, type CellItem } from '../../src/model';
import { EditError } from '../../src/store/cell-store';
import {
  addItem,
  duplicateItems,
  nextItemId,
  removeItems,
  renameCell,
  setItemPose,
  setWorkersPerShift,
  translateItems,
  updateItem,
} from '../../src/store/commands';
import { sampleCell, table } from './store-fixtures';

const item = (cell: Cell, id: string): CellItem => {
  const found = cell.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
};

// sampleCell() is deep-frozen: any command that mutated its input would throw here.
describe('edit commands', () => {
  it('addItem appends the item, keeps the cell valid and selects the new item', () => {
    const cell = sampleCell();
    const cmd = addItem({ ...structuredClone(table), id: 'table-2' });
    const next = cmd.apply(cell);
    expect(next.items.map((i) => i.id)).toEqual(['conveyor-1', 'table-1', 'pallet-1', 'table-2']);
    expect(validateCell(next).ok).toBe(true);
    expect(cmd.select?.(next, [])).toEqual(['table-2']);
    expect(cell.items).toHaveLength(3);
  });

  it('addItem refuses an id that is already taken', () => {
    expect(() => addItem(structuredClone(table)).apply(sampleCell())).toThrow(/already exists/);
  });

  it('removeItems removes the items and the targets attached to them, and shares the rest', () => {
    const cell = sampleCell();
    const next = removeItems(['table-1']).apply(cell);
    expect(next.items.map((i) => i.id)).toEqual(['conveyor-1', 'pallet-1']);
    expect(next.targets).toEqual([]);
    expect(next.items[0]).toBe(cell.items[0]);
  });

  it('updateItem merges the patch, leaves other items untouched and the type as it was', () => {
    const cell = sampleCell();
    const next = updateItem('conveyor-1', { speed: 0.3, name: 'Fast belt' }).apply(cell);
    expect(item(next, 'conveyor-1')).toMatchObject({ type: 'conveyor', speed: 0.3, name: 'Fast belt', length: 2 });
    expect(next.items[1]).toBe(cell.items[1]);
  });

  it('updateItem refuses to change the type or id, and values the schema rejects', () => {
    const cell = sampleCell();
    expect(() => updateItem('conveyor-1', { type: 'table' }).apply(cell)).toThrow(EditError);
    expect(() => updateItem('conveyor-1', { id: 'x' }).apply(cell)).toThrow(/cannot be changed/);
    expect(() => updateItem('conveyor-1', { length: -1 }).apply(cell)).toThrow(/length: expected a positive number/);
    expect(() => updateItem('table-1', { speed: 1 } as Partial<CellItem>).apply(cell)).toThrow(/speed/);
    expect(() => updateItem('ghost', { name: 'x' }).apply(cell)).toThrow(/no item with id "ghost"/);
  });

  it('setItemPose copies the pose, so the caller can reuse its arrays', () => {
    const pose = { xyz: [2, 3, 0] as [number, number, number], rpy: [0, 0, 1] as [number, number, number] };
    const cmd = setItemPose('table-1', pose);
    pose.xyz[0] = 99;
    expect(item(cmd.apply(sampleCell()), 'table-1').pose).toEqual({ xyz: [2, 3, 0], rpy: [0, 0, 1] });
  });

  it('setItemPose refuses NaN', () => {
    expect(() => setItemPose('table-1', { xyz: [Number.NaN, 0, 0], rpy: [0, 0, 0] }).apply(sampleCell())).toThrow(EditError);
  });

  it('translateItems moves only the given items', () => {
    const next = translateItems(['table-1', 'pallet-1'], [0.1, -0.2, 0]).apply(sampleCell());
    expect(item(next, 'table-1').pose.xyz[0]).toBeCloseTo(1.1);
    expect(item(next, 'pallet-1').pose.xyz[1]).toBeCloseTo(-1.7);
    expect(item(next, 'conveyor-1').pose.xyz).toEqual([-1.5, 0.5, 0]);
  });

  it('renameCell and setWorkersPerShift change only their field', () => {
    expect(renameCell('Palletizing').apply(sampleCell()).name).toBe('Palletizing');
    expect(setWorkersPerShift(3).apply(sampleCell()).workersPerShift).toBe(3);
    expect(() => setWorkersPerShift(-1).apply(sampleCell())).toThrow(/≥ 0/);
  });

  it('nextItemId counts up from the highest number in use', () => {
    const cell = sampleCell();
    expect(nextItemId(cell, 'table')).toBe('table-2');
    expect(nextItemId(cell, 'table-1')).toBe('table-2');
    expect(nextItemId(cell, 'robot')).toBe('robot-1');
    const withTen = addItem({ ...structuredClone(table), id: 'table-10' }).apply(cell);
    expect(nextItemId(withTen, 'table')).toBe('table-11');
  });

  it('duplicateItems offsets copies by 0.5 m in x, gives fresh ids and selects the copies', () => {
    const cell = sampleCell();
    const cmd = duplicateItems(['table-1', 'pallet-1']);
    const next = cmd.apply(cell);
    expect(next.items.map((i) => i.id)).toEqual(['conveyor-1', 'table-1', 'pallet-1', 'table-2', 'pallet-2']);
    expect(item(next, 'table-2').pose.xyz[0]).toBeCloseTo(1.5);
    expect(item(next, 'table-2').name).toBe('Fixture table (copy)');
    expect(item(next, 'pallet-2').pose.xyz).toEqual([0.5, -1.5, 0]);
    expect(cmd.select?.(next, ['table-1'])).toEqual(['table-2', 'pallet-2']);
    expect(validateCell(next).ok).toBe(true);
  });

  it('duplicateItems still gives distinct ids when newIdFn proposes the same one twice', () => {
    const twoTables = addItem({ ...structuredClone(table), id: 'table-2' }).apply(sampleCell());
    const next = duplicateItems(['table-1', 'table-2'], () => 'table-3').apply(twoTables);
    expect(next.items.map((i) => i.id).slice(4)).toEqual(['table-3', 'table-4']);
  });
});
