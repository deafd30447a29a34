import { describe, expect, it } from 'vitest';
import { emptyCell, type Cell, type CellItem } from '../../src/model';
import { createCellStore, EditError, type EditCommand } from '../../src/store/cell-store';
import { addItem, removeItems, renameCell, setItemPose, translateItems, updateItem } from '../../src/store/commands';
import { sampleCell, table } from './store-fixtures';

const itemById = (cell: Cell, id: string): CellItem | undefined => cell.items.find((i) => i.id === id);
const newTable = (id: string): CellItem => ({ ...structuredClone(table), id, name: `Table ${id}` });

describe('cell store: execute, undo and redo', () => {
  it('undo returns to the exact previous cell and redo to the exact next one', () => {
    const store = createCellStore(sampleCell());
    const before = store.getState().cell;
    store.getState().execute(renameCell('Welding cell'));
    const after = store.getState().cell;
    expect(after.name).toBe('Welding cell');
    expect(store.getState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Rename cell', redoLabel: null });

    store.getState().undo();
    expect(store.getState().cell).toBe(before);
    expect(store.getState()).toMatchObject({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Rename cell' });

    store.getState().redo();
    expect(store.getState().cell).toBe(after);
    expect(store.getState().canRedo).toBe(false);
  });

  it('a new edit after an undo drops the redo branch', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(renameCell('A'));
    store.getState().undo();
    store.getState().execute(renameCell('B'));
    expect(store.getState().canRedo).toBe(false);
    store.getState().redo();
    expect(store.getState().cell.name).toBe('B');
  });

  it('an edit that changes nothing makes no undo entry and no revision', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(renameCell('Sample cell'));
    store.getState().execute(removeItems(['no-such-item']));
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().revision).toBe(0);
  });

  it('every document change increments the revision, undo and redo included', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(renameCell('A'));
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().revision).toBe(3);
    store.getState().select(['table-1']);
    expect(store.getState().revision).toBe(3);
  });

  it('keeps only historyLimit entries, dropping the oldest', () => {
    const store = createCellStore(sampleCell(), { historyLimit: 3 });
    for (const name of ['A', 'B', 'C', 'D', 'E']) store.getState().execute(renameCell(name));
    let undos = 0;
    while (store.getState().canUndo) {
      store.getState().undo();
      undos++;
    }
    expect(undos).toBe(3);
    expect(store.getState().cell.name).toBe('B');
  });

  it('keeps 200 entries by default', () => {
    const store = createCellStore(sampleCell());
    for (let i = 0; i < 250; i++) store.getState().execute(renameCell(`Cell ${i}`));
    let undos = 0;
    while (store.getState().canUndo) {
      store.getState().undo();
      undos++;
    }
    expect(undos).toBe(200);
    expect(store.getState().cell.name).toBe('Cell 49');
  });

  it('refuses an invalid edit: the cell stays, lastError says why, no entry is made', () => {
    const store = createCellStore(sampleCell());
    const before = store.getState().cell;
    store.getState().execute(updateItem('table-1', { size: [1, -1, 1] } as Partial<CellItem>));
    expect(store.getState().cell).toBe(before);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().lastError?.label).toBe('Edit table-1');
    expect(store.getState().lastError?.message).toContain('size');
  });

  it('lets errors that are not EditErrors through, since they are bugs', () => {
    const store = createCellStore(sampleCell());
    const broken: EditCommand = {
      label: 'Broken',
      apply: () => {
        throw new TypeError('oops');
      },
    };
    expect(() => store.getState().execute(broken)).toThrow(TypeError);
    expect(new EditError('x')).toBeInstanceOf(Error);
  });
});

describe('cell store: gestures (drags)', () => {
  const dragTo = (x: number): EditCommand => setItemPose('table-1', { xyz: [x, 0, 0], rpy: [0, 0, 0] });

  it('a drag of 50 pointer moves is one undo entry, and undo restores the pre-drag pose exactly', () => {
    const store = createCellStore(sampleCell());
    const prePose = itemById(store.getState().cell, 'table-1')?.pose;
    store.getState().beginGesture('Move table-1');
    expect(store.getState().gestureActive).toBe(true);
    for (let i = 1; i <= 50; i++) store.getState().updateGesture(dragTo(1 + i * 0.01));
    expect(store.getState().canUndo).toBe(false);
    store.getState().endGesture();

    expect(store.getState().gestureActive).toBe(false);
    expect(itemById(store.getState().cell, 'table-1')?.pose.xyz[0]).toBeCloseTo(1.5);
    expect(store.getState()).toMatchObject({ canUndo: true, undoLabel: 'Move table-1' });
    store.getState().undo();
    expect(itemById(store.getState().cell, 'table-1')?.pose).toEqual(prePose);
    expect(store.getState().canUndo).toBe(false);
    store.getState().redo();
    expect(itemById(store.getState().cell, 'table-1')?.pose.xyz[0]).toBeCloseTo(1.5);
  });

  it('applies each update to the cell as it was when the drag began, not cumulatively', () => {
    const store = createCellStore(sampleCell());
    store.getState().beginGesture('Move');
    store.getState().updateGesture(translateItems(['table-1'], [0.2, 0, 0]));
    store.getState().updateGesture(translateItems(['table-1'], [0.3, 0, 0]));
    expect(itemById(store.getState().cell, 'table-1')?.pose.xyz[0]).toBeCloseTo(1.3);
  });

  it('cancelGesture puts back the cell from before the drag and makes no entry', () => {
    const store = createCellStore(sampleCell());
    const before = store.getState().cell;
    store.getState().beginGesture('Move table-1');
    for (let i = 0; i < 10; i++) store.getState().updateGesture(dragTo(i));
    store.getState().cancelGesture();
    expect(store.getState().cell).toBe(before);
    expect(store.getState()).toMatchObject({ gestureActive: false, canUndo: false });
  });

  it('a drag that ends where it began makes no undo entry', () => {
    const store = createCellStore(sampleCell());
    store.getState().beginGesture('Move table-1');
    store.getState().updateGesture(dragTo(3));
    store.getState().updateGesture(dragTo(1));
    store.getState().endGesture();
    expect(store.getState().canUndo).toBe(false);
  });

  it('undo in the middle of a drag cancels only the drag', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(renameCell('Renamed'));
    const beforeDrag = store.getState().cell;
    store.getState().beginGesture('Move table-1');
    store.getState().updateGesture(dragTo(4));
    store.getState().undo();
    expect(store.getState().cell).toBe(beforeDrag);
    expect(store.getState()).toMatchObject({ gestureActive: false, undoLabel: 'Rename cell' });
  });

  it('an edit arriving in the middle of a drag commits the drag as its own entry first', () => {
    const store = createCellStore(sampleCell());
    store.getState().beginGesture('Move table-1');
    store.getState().updateGesture(dragTo(4));
    store.getState().execute(renameCell('Renamed'));
    expect(store.getState().gestureActive).toBe(false);
    store.getState().undo();
    expect(itemById(store.getState().cell, 'table-1')?.pose.xyz[0]).toBe(4);
    store.getState().undo();
    expect(itemById(store.getState().cell, 'table-1')?.pose.xyz[0]).toBe(1);
  });

  it('updateGesture without beginGesture begins one under the command label', () => {
    const store = createCellStore(sampleCell());
    store.getState().updateGesture(dragTo(2));
    store.getState().updateGesture(dragTo(3));
    store.getState().endGesture();
    expect(store.getState().undoLabel).toBe('Move table-1');
    store.getState().undo();
    expect(store.getState().canUndo).toBe(false);
  });
});

describe('cell store: selection', () => {
  it('undoing an addItem drops the new item from the selection', () => {
    const store = createCellStore(sampleCell());
    store.getState().select(['conveyor-1']);
    store.getState().execute(addItem(newTable('table-2')));
    expect(store.getState().selection).toEqual(['table-2']);
    store.getState().undo();
    expect(store.getState().selection).toEqual(['conveyor-1']);
    expect(store.getState().selection).not.toContain('table-2');
  });

  it('redo of an addItem brings the selection the user had after it back', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(addItem(newTable('table-2')));
    store.getState().select(['table-2', 'pallet-1']);
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().selection).toEqual(['table-2', 'pallet-1']);
  });

  it('undoing a delete selects the restored items again', () => {
    const store = createCellStore(sampleCell());
    store.getState().select(['table-1', 'pallet-1']);
    store.getState().execute(removeItems(['table-1', 'pallet-1']));
    expect(store.getState().selection).toEqual([]);
    store.getState().undo();
    expect(store.getState().selection).toEqual(['table-1', 'pallet-1']);
  });

  it('select drops unknown and repeated ids and never enters history', () => {
    const store = createCellStore(sampleCell());
    store.getState().select(['table-1', 'ghost', 'table-1', 'pick']);
    expect(store.getState().selection).toEqual(['table-1', 'pick']);
    expect(store.getState().canUndo).toBe(false);
  });
});

describe('cell store: loading and saving', () => {
  it('loadCell replaces the document, clears history and prunes the selection', () => {
    const store = createCellStore(sampleCell());
    store.getState().select(['table-1', 'conveyor-1']);
    store.getState().execute(renameCell('Edited'));
    store.getState().beginGesture('Move');
    const next: Cell = { ...emptyCell('Other'), items: [structuredClone(table)] };
    store.getState().loadCell(next, 'other.cell.json');
    expect(store.getState()).toMatchObject({
      cell: next,
      fileName: 'other.cell.json',
      selection: ['table-1'],
      canUndo: false,
      canRedo: false,
      gestureActive: false,
    });
    store.getState().undo();
    expect(store.getState().cell).toBe(next);
  });

  it('a loaded file counts as saved; a restored dirty autosave does not', () => {
    const store = createCellStore(sampleCell());
    store.getState().loadCell(sampleCell(), 'a.cell.json');
    expect(store.getState().revision).toBe(store.getState().savedRevision);
    store.getState().loadCell(sampleCell(), 'a.cell.json', { dirty: true });
    expect(store.getState().revision).not.toBe(store.getState().savedRevision);
  });

  it('markSaved records the file name and clears the dirty state until the next edit', () => {
    const store = createCellStore(sampleCell());
    store.getState().execute(renameCell('Edited'));
    expect(store.getState().revision).not.toBe(store.getState().savedRevision);
    store.getState().markSaved('edited.cell.json');
    expect(store.getState().fileName).toBe('edited.cell.json');
    expect(store.getState().savedRevision).toBe(store.getState().revision);
    store.getState().execute(renameCell('Edited again'));
    expect(store.getState().revision).not.toBe(store.getState().savedRevision);
  });
});
