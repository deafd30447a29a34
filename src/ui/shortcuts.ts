/**
 * Keyboard shortcuts, as desktop layout tools have them. Ignored while typing in a field so that
 * Delete and Ctrl+Z keep their text meaning there.
 */
import { edit } from './edit';
import { useEffect } from 'react';
import { cellStore } from '../store/app-store';
import { duplicateItems, nextItemId } from '../store/commands';
import { deleteItems } from './delete-items';
import { requestFocus } from '../scene/focus';
import { gizmoStore } from '../tools/gizmo-state';
import { toggleMeasuring } from '../tools/measure-state';
import { togglePlanView } from '../tools/plan-view';
import { pickAndOpenCellFile, saveCellFile } from './file-actions';
import { refuseIfReadOnly } from './session';
import { copySelection, pasteClipboard } from './clipboard';
import { groupSelection, ungroupSelection } from './group-actions';
import { toggleBoxSelect } from './box-select-actions';
import { notify } from './notices';
import { cancelAnalysis, toggleRun } from './run-actions';

/** Shortcut table, shown by `?` and in the README. */
export const SHORTCUTS: ReadonlyArray<[keys: string, what: string]> = [
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'redo'],
  ['Delete / Backspace', 'delete the selection'],
  ['Ctrl+D', 'duplicate the selection'],
  ['Ctrl+C / Ctrl+V', 'copy / paste items'],
  ['Ctrl+A', 'select everything'],
  ['Shift+drag on empty floor, or B then drag', 'box select: left → right takes items wholly inside, right → left items it touches (Shift adds)'],
  ['Alt+click / double-click', 'select one item of a group (a click selects the whole group)'],
  ['Ctrl+G / Ctrl+Shift+G', 'group / ungroup the selection'],
  ['Escape', 'cancel an analysis run, else clear the selection'],
  ['W / E', 'move / rotate handles on the selection (several items move and turn together)'],
  ['Shift (while dragging)', 'move freely, without the 10 mm / 15° snap'],
  ['F', 'frame the selection (or the whole cell)'],
  ['T', 'drag the selected robot by its tool (inverse kinematics) or move the robot'],
  ['M', 'measure: click two points (Esc leaves)'],
  ['P', 'show / hide the 2D plan with dimensions'],
  ['Enter / Backspace / Esc', 'while drawing a fence run: finish / remove the last point / cancel'],
  ['Space', 'run / pause the simulation'],
  ['Ctrl+S', 'save the cell as .cell.json'],
  ['Ctrl+O', 'open a .cell.json file'],
  ['?', 'show these shortcuts'],
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Installs the shortcuts on window for the lifetime of the calling component. */
export function useShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const state = cellStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      const editing = (mod && ['z', 'y', 'd', 's', 'o', 'v', 'g'].includes(key)) || e.key === 'Delete' || e.key === 'Backspace';
      if (editing && refuseIfReadOnly()) {
        e.preventDefault();
        return;
      }
      if (mod && key === 'z' && !e.shiftKey) state.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) state.redo();
      else if (mod && key === 's') saveCellFile();
      else if (mod && key === 'o') pickAndOpenCellFile();
      else if (mod && key === 'a') state.select(state.cell.items.map((i) => i.id));
      else if (mod && key === 'c') copySelection();
      else if (mod && key === 'v') pasteClipboard();
      else if (mod && key === 'g') (e.shiftKey ? ungroupSelection : groupSelection)();
      else if (!mod && key === 'b') toggleBoxSelect();
      else if (mod && key === 'd' && state.selection.length > 0) {
        edit(duplicateItems(state.selection, (prefix) => nextItemId(cellStore.getState().cell, prefix)));
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && state.selection.length > 0) {
        const locked = state.cell.items.filter((i) => state.selection.includes(i.id) && i.locked);
        if (locked.length > 0) notify('info', `${locked.map((i) => i.name).join(', ')} ${locked.length > 1 ? 'are' : 'is'} locked`, ['Unlock it in the inspector to delete it.']);
        else deleteItems(state.selection);
      }
      else if (e.key === 'Escape') {
        if (!cancelAnalysis()) state.select([]);
      }
      else if (e.key === ' ' && !mod) void toggleRun();
      else if (e.key === '?') toggleHelp();
      else if (!mod && key === 'w') gizmoStore.setState({ mode: 'translate' });
      else if (!mod && key === 'e') gizmoStore.setState({ mode: 'rotate' });
      else if (!mod && key === 'f') requestFocus();
      else if (!mod && key === 't') gizmoStore.setState((g) => ({ ik: !g.ik }));
      else if (!mod && key === 'm') toggleMeasuring();
      else if (!mod && key === 'p') togglePlanView();
      else if (e.key === 'Shift') {
        gizmoStore.setState({ free: true });
        handled = false;
      }
      else handled = false;
      if (handled) e.preventDefault();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === 'Shift') gizmoStore.setState({ free: false });
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [toggleHelp]);
}
