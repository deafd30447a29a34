/**
 * Group, ungroup and arrange the selection from the keyboard (Ctrl+G, Ctrl+Shift+G) and the
 * arrange panel. Each is one undoable edit; what cannot be done is said in a notice.
 */
import type { CellItem } from '../model';
import { cellStore } from '../store/app-store';
import type { EditCommand } from '../store/cell-store';
import { groupItems, ungroupItems } from '../store/group-commands';
import { edit } from './edit';
import { notify } from './notices';

/** The selected items, in cell order. */
function selectedItems(): CellItem[] {
  const { cell, selection } = cellStore.getState();
  return cell.items.filter((i) => selection.includes(i.id));
}

/** "A is" / "A, B are": for notices about items. */
export function namesAre(items: readonly CellItem[]): string {
  return `${items.map((i) => i.name || i.id).join(', ')} ${items.length > 1 ? 'are' : 'is'}`;
}

/** Ctrl+G: the selected items become one new group. */
export function groupSelection(): void {
  const items = selectedItems();
  if (items.length < 2) {
    notify('info', 'Select two or more items to group them');
    return;
  }
  edit(groupItems(items.map((i) => i.id)));
}

/** Ctrl+Shift+G: the groups of the selected items are dissolved. */
export function ungroupSelection(): void {
  const items = selectedItems();
  if (!items.some((i) => i.group !== undefined)) {
    notify('info', 'Nothing to ungroup', ['None of the selected items is in a group.']);
    return;
  }
  edit(ungroupItems(items.map((i) => i.id)));
}

/** Runs an align or distribute command on the selection; locked items stay, and the notice says so. */
export function arrangeSelection(cmd: EditCommand): void {
  const locked = selectedItems().filter((i) => i.locked === true);
  if (edit(cmd) && locked.length > 0) notify('info', `${namesAre(locked)} locked and did not move`, ['Unlock it in the inspector to arrange it too.']);
}
