/**
 * What a click selects once items can be grouped. Groups are flat: an item has at most one
 * `group` id, and every item carrying the same id belongs to that group. A click on a member
 * selects the whole group, as in drawing and CAD tools; Alt+click (or a double-click) picks the
 * one member alone. Pure functions over the item list, so they are tested without a DOM.
 */
import type { CellItem } from '../model';

/** How a click was made: Shift adds to (or takes away from) the selection; `single` ignores groups. */
export interface ClickModifiers {
  additive: boolean;
  single: boolean;
}

/** The ids of every item in group `group`, in cell order. */
export function groupMembers(items: readonly CellItem[], group: string): string[] {
  return items.filter((i) => i.group === group).map((i) => i.id);
}

/**
 * `ids` plus every member of the groups they belong to. The given ids keep their order; the
 * members they pull in follow in cell order. Ids that are not items (targets) are kept as they are.
 */
export function withGroups(items: readonly CellItem[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const groups = new Set(items.filter((i) => wanted.has(i.id) && i.group !== undefined).map((i) => i.group as string));
  if (groups.size === 0) return [...ids];
  const extra = items.filter((i) => !wanted.has(i.id) && i.group !== undefined && groups.has(i.group)).map((i) => i.id);
  return [...ids, ...extra];
}

/**
 * The selection after clicking item `id`. Without modifiers it becomes the item's group (or
 * the item); with `additive`, the group is added, or taken away when all of it was selected
 * already (Shift+click toggles); with `single`, groups are ignored.
 */
export function clickSelection(items: readonly CellItem[], selection: readonly string[], id: string, mods: ClickModifiers): string[] {
  const picked = mods.single ? [id] : withGroups(items, [id]);
  if (!mods.additive) return picked;
  const all = picked.every((p) => selection.includes(p));
  if (all) return selection.filter((s) => !picked.includes(s));
  return [...selection, ...picked.filter((p) => !selection.includes(p))];
}

/** `previous` plus `hits` (when `additive`, keeping order, no repeats), or `hits` alone. */
export function combineSelection(previous: readonly string[], hits: readonly string[], additive: boolean): string[] {
  if (!additive) return [...hits];
  return [...previous, ...hits.filter((h) => !previous.includes(h))];
}
