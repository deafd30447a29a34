/**
 * Copy and paste of items. The page keeps its own clipboard (the system clipboard cannot be read
 * without a permission prompt); the copy also goes to the system clipboard as cell JSON, so
 * items can be pasted into another tab's cell file by hand.
 */
import type { CellItem } from '../model';
import { cellStore } from '../store/app-store';
import { pasteItems } from '../store/commands';
import { edit } from './edit';
import { notify } from './notices';

let copied: CellItem[] = [];
let pastes = 0;

/** Copies the selected items. */
export function copySelection(): void {
  const { cell, selection } = cellStore.getState();
  copied = structuredClone(cell.items.filter((i) => selection.includes(i.id)));
  pastes = 0;
  if (copied.length === 0) return;
  void navigator.clipboard?.writeText(JSON.stringify({ items: copied }, null, 2)).catch(() => undefined);
  notify('info', `Copied ${copied.length} item${copied.length > 1 ? 's' : ''}`);
}

/** Pastes the copied items, each paste a further 0.5 m along x so copies do not stack. */
export function pasteClipboard(): void {
  if (copied.length === 0) return;
  pastes += 1;
  edit(pasteItems(copied, 0.5 * pastes));
}
