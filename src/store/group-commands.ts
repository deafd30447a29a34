/**
 * Groups: items that share a `group` id are selected, moved and copied together. Groups are
 * flat (an item belongs to at most one); grouping items that are already grouped merges them
 * into the new group. Copies get fresh group ids, so a pasted group is a group of its own and
 * not a part of the original.
 */
import type { Cell, CellItem } from '../model';
import { EditError, type EditCommand } from './cell-store';

/** `item` without its group (exactOptionalPropertyTypes: absent, not `undefined`). */
function ungrouped(item: CellItem): CellItem {
  const { group: _group, ...rest } = item;
  return rest as CellItem;
}

/** A group id `group-N` not used in `cell` nor in `taken`, N one more than the highest in use. */
export function nextGroupId(cell: Cell, taken: ReadonlySet<string> = new Set()): string {
  let max = 0;
  for (const g of [...cell.items.map((i) => i.group), ...taken]) {
    const m = g === undefined ? null : /^group-(\d+)$/.exec(g);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `group-${max + 1}`;
}

/** Puts the items `ids` (two or more) in one new group. Their old groups lose them. */
export function groupItems(ids: readonly string[]): EditCommand {
  const wanted = new Set(ids);
  return {
    label: `Group ${wanted.size} items`,
    apply(cell) {
      const members = cell.items.filter((i) => wanted.has(i.id));
      if (members.length < 2) throw new EditError('select two or more items to group them');
      const group = nextGroupId(cell);
      return { ...cell, items: cell.items.map((i) => (wanted.has(i.id) ? { ...i, group } : i)) };
    },
  };
}

/** Dissolves every group that one of `ids` belongs to: all their members become ungrouped. */
export function ungroupItems(ids: readonly string[]): EditCommand {
  const wanted = new Set(ids);
  return {
    label: 'Ungroup',
    apply(cell) {
      const groups = new Set(cell.items.filter((i) => wanted.has(i.id) && i.group !== undefined).map((i) => i.group));
      if (groups.size === 0) return cell; // nothing grouped: no undo entry
      return { ...cell, items: cell.items.map((i) => (groups.has(i.group) ? ungrouped(i) : i)) };
    },
  };
}

/**
 * Gives the items `ids` (fresh copies) group ids of their own: copies that came from one group
 * form one new group; a copy whose group has no other copy among `ids` is left ungrouped
 * (a group of one means nothing). Items outside `ids` are untouched.
 */
export function withFreshGroups(cell: Cell, ids: ReadonlySet<string>): Cell {
  const copies = cell.items.filter((i) => ids.has(i.id) && i.group !== undefined);
  if (copies.length === 0) return cell;
  const count = new Map<string, number>();
  for (const c of copies) count.set(c.group as string, (count.get(c.group as string) ?? 0) + 1);
  // Ids of the originals still count as taken, so the fresh ids never meet them.
  const taken = new Set<string>();
  const fresh = new Map<string, string>();
  for (const [old, n] of count) {
    if (n < 2) continue;
    const id = nextGroupId(cell, taken);
    taken.add(id);
    fresh.set(old, id);
  }
  return {
    ...cell,
    items: cell.items.map((i) => {
      if (!ids.has(i.id) || i.group === undefined) return i;
      const group = fresh.get(i.group);
      return group === undefined ? ungrouped(i) : { ...i, group };
    }),
  };
}
