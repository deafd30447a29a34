/**
 * Groups: Ctrl+G puts the selection in a new group, Ctrl+Shift+G dissolves it, a click on a
 * member selects the group (Alt+click one member), and copies of a group form a new group.
 */
import { describe, expect, it } from 'vitest';
import { validateCell, type Cell, type CellItem } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { duplicateItems, pasteItems } from '../../src/store/commands';
import { groupItems, nextGroupId, ungroupItems, withFreshGroups } from '../../src/store/group-commands';
import { clickSelection, combineSelection, withGroups } from '../../src/tools/group-selection';
import { deepFreeze, sampleCell } from './store-fixtures';

const groupOf = (cell: Cell, id: string) => cell.items.find((i) => i.id === id)?.group;

/** The sample cell (conveyor-1, table-1, pallet-1) with the conveyor and the table in group-1. */
function grouped(): Cell {
  return groupItems(['conveyor-1', 'table-1']).apply(sampleCell());
}

describe('grouping', () => {
  it('puts two or more items in a new group group-1, and the cell stays valid', () => {
    const next = grouped();
    expect(next.items.map((i) => i.group)).toEqual(['group-1', 'group-1', undefined]);
    expect(validateCell(next).ok).toBe(true);
    expect(() => groupItems(['pallet-1']).apply(sampleCell())).toThrow(/two or more/);
  });

  it('numbers the next group after the highest in use, and grouping grouped items moves them to the new group', () => {
    const next = groupItems(['table-1', 'pallet-1']).apply(grouped());
    expect(next.items.map((i) => i.group)).toEqual(['group-1', 'group-2', 'group-2']);
    expect(nextGroupId(next)).toBe('group-3');
  });

  it('ungrouping any member dissolves its whole group, leaving no group key behind', () => {
    const next = ungroupItems(['table-1']).apply(deepFreeze(grouped()));
    expect(next.items.every((i) => !('group' in i))).toBe(true);
    // Nothing grouped: the cell comes back as it was, so the store records no step.
    const plain = sampleCell();
    expect(ungroupItems(['pallet-1']).apply(plain)).toBe(plain);
  });

  it('group and ungroup are one undo step each', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(groupItems(['conveyor-1', 'table-1']));
    store.getState().execute(ungroupItems(['conveyor-1']));
    expect(store.getState().cell.items.map((i) => i.group)).toEqual([undefined, undefined, undefined]);
    store.getState().undo();
    expect(store.getState().cell.items.map((i) => i.group)).toEqual(['group-1', 'group-1', undefined]);
    store.getState().undo();
    expect(store.getState().cell.items.map((i) => i.group)).toEqual([undefined, undefined, undefined]);
    expect(store.getState().canUndo).toBe(false);
  });
});

describe('copies of a group', () => {
  it('a duplicated group is a new group with a fresh id; the original keeps its own', () => {
    const next = duplicateItems(['conveyor-1', 'table-1']).apply(deepFreeze(grouped()));
    expect(next.items.map((i) => [i.id, i.group])).toEqual([
      ['conveyor-1', 'group-1'],
      ['table-1', 'group-1'],
      ['pallet-1', undefined],
      ['conveyor-2', 'group-2'],
      ['table-2', 'group-2'],
    ]);
  });

  it('pasting the group twice makes two more groups', () => {
    const source = grouped();
    const clipboard = structuredClone(source.items.slice(0, 2));
    const once = pasteItems(clipboard).apply(source);
    const twice = pasteItems(clipboard, 1).apply(once);
    expect(twice.items.map((i) => i.group)).toEqual(['group-1', 'group-1', undefined, 'group-2', 'group-2', 'group-3', 'group-3']);
    expect(validateCell(twice).ok).toBe(true);
  });

  it('a copy of one member alone is not grouped (a group of one means nothing)', () => {
    const next = duplicateItems(['table-1']).apply(grouped());
    expect(groupOf(next, 'table-2')).toBeUndefined();
    expect(groupOf(next, 'table-1')).toBe('group-1');
  });

  it('withFreshGroups leaves items outside the copies alone', () => {
    const c = grouped();
    expect(withFreshGroups(c, new Set(['pallet-1']))).toBe(c);
  });
});

describe('selecting groups', () => {
  const items = (): CellItem[] => grouped().items;

  it('a click on a member selects the whole group; Alt+click the member alone', () => {
    expect(clickSelection(items(), [], 'table-1', { additive: false, single: false })).toEqual(['table-1', 'conveyor-1']);
    expect(clickSelection(items(), ['pallet-1'], 'table-1', { additive: false, single: true })).toEqual(['table-1']);
  });

  it('Shift+click adds the group, and takes it away when all of it was selected', () => {
    const added = clickSelection(items(), ['pallet-1'], 'conveyor-1', { additive: true, single: false });
    expect(added).toEqual(['pallet-1', 'conveyor-1', 'table-1']);
    expect(clickSelection(items(), added, 'table-1', { additive: true, single: false })).toEqual(['pallet-1']);
  });

  it('withGroups pulls in the other members after the given ids; combineSelection adds without repeats', () => {
    expect(withGroups(items(), ['pallet-1', 'table-1'])).toEqual(['pallet-1', 'table-1', 'conveyor-1']);
    expect(withGroups(items(), ['pick'])).toEqual(['pick']);
    expect(combineSelection(['a', 'b'], ['b', 'c'], true)).toEqual(['a', 'b', 'c']);
    expect(combineSelection(['a', 'b'], ['b', 'c'], false)).toEqual(['b', 'c']);
  });
});
