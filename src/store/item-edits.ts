/**
 * Edits of one item that a field-by-field patch cannot express, each one undo step: switching an
 * optional block on or off (a conveyor's sensor, source or sink; a part's friction), and giving a
 * part a new shape while it keeps standing where it stood.
 */
import { itemSchema, formatPath, partSize, type CellItem, type PartItem, type PartKind } from '../model';
import { cellReferenceProblems } from '../model/cell-checks';
import { EditError, type EditCommand } from './cell-store';

function checked(id: string, next: CellItem): CellItem {
  const result = itemSchema.safeParse(next);
  if (result.success) return next;
  const problems = result.error.issues.map((i) => (i.path.length > 0 ? `${formatPath(i.path)}: ${i.message}` : i.message));
  throw new EditError(`item "${id}": ${problems.join('; ')}`);
}

function replaceOne(id: string, label: string, f: (item: CellItem) => CellItem): EditCommand {
  return {
    label,
    apply(cell) {
      const item = cell.items.find((i) => i.id === id);
      if (!item) throw new EditError(`no item with id "${id}"`);
      const next = checked(id, f(item));
      const out = { ...cell, items: cell.items.map((i) => (i.id === id ? next : i)) };
      // The rules across fields (a uniform source needs a jitter) are the cell's; keep this item's.
      const index = cell.items.indexOf(item);
      const problems = cellReferenceProblems(out).filter((p) => p.path[0] === 'items' && p.path[1] === index);
      if (problems.length > 0) throw new EditError(`item "${id}": ${problems.map((p) => `${formatPath(p.path.slice(2))}: ${p.message}`).join('; ')}`);
      return out;
    },
  };
}

/**
 * Sets an optional field of item `id` to `value`, or removes the field when `value` is undefined
 * (the file then says nothing, rather than holding a `null`). The result must still be a valid item.
 */
export function setItemOption(id: string, key: string, value: unknown, label = `Edit ${id}`): EditCommand {
  if (key === 'id' || key === 'type') throw new EditError(`"${key}" is not an optional field`);
  return replaceOne(id, label, (item) => {
    const next: Record<string, unknown> = { ...item };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next as CellItem;
  });
}

/**
 * Gives part item `id` a new shape, mass and friction. Its pose is its centre, so it is raised
 * or lowered by half the change in height: an upright part keeps its bottom where it was,
 * on the floor or on the table it stands on.
 */
export function setPartKind(id: string, kind: PartKind): EditCommand {
  return replaceOne(id, `Edit ${id}`, (item) => {
    if (item.type !== 'part') throw new EditError(`item "${id}" is a ${item.type}, not a part`);
    const dz = (partSize(kind.shape)[2] - partSize(item.shape)[2]) / 2;
    const [x, y, z] = item.pose.xyz;
    const { friction: _old, ...rest } = item;
    const next: PartItem = {
      ...rest,
      shape: kind.shape,
      mass: kind.mass,
      ...(kind.friction !== undefined ? { friction: kind.friction } : {}),
      pose: { xyz: [x, y, z + dz], rpy: [...item.pose.rpy] },
    };
    return next;
  });
}
