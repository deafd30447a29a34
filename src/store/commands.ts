/**
 * Edit commands: small factories that return an {@link EditCommand}. Each `apply` is pure — it
 * builds a new Cell and shares every untouched item with the old one (cheap undo snapshots, and
 * React re-renders only what changed). An invalid edit throws an {@link EditError} from `apply`;
 * the store catches it, leaves the cell as it was and reports it in `lastError`, so the store
 * never holds a cell that its own schema would reject on the next open.
 */
import { isVec3, itemSchema, formatPath, type Cell, type CellItem, type Pose, type Target, type Vec3 } from '../model';
import { EditError, type EditCommand } from './cell-store';
import { withFreshGroups } from './group-commands';

/** How far a duplicate is moved from its original along world x, in metres. */
export const DUPLICATE_OFFSET_X = 0.5;

const findItem = (cell: Cell, id: string): CellItem => {
  const item = cell.items.find((i) => i.id === id);
  if (item === undefined) throw new EditError(`no item with id "${id}"`);
  return item;
};

const replaceItem = (cell: Cell, id: string, f: (item: CellItem) => CellItem): Cell => ({
  ...cell,
  items: cell.items.map((i) => (i.id === id ? f(i) : i)),
});

const clonePose = (pose: Pose): Pose => ({ xyz: [...pose.xyz], rpy: [...pose.rpy] });
const plural = (n: number, word: string): string => (n === 1 ? `1 ${word}` : `${n} ${word}s`);

/**
 * What is wrong with an item, one `path: message` per problem (empty when valid). The inspector
 * can call this before executing an edit to show the message next to the field.
 */
export function itemProblems(item: unknown): string[] {
  const result = itemSchema.safeParse(item);
  if (result.success) return [];
  return result.error.issues.map((i) => (i.path.length > 0 ? `${formatPath(i.path)}: ${i.message}` : i.message));
}

/**
 * A fresh item id `prefix-N`, N one more than the highest in use, so that ids of deleted items
 * are not handed out again while the planner may still recognise them. A trailing `-N` on the
 * prefix is dropped (`table-1` → `table-2`), and a bare `table` counts as number 1.
 */
export function nextItemId(cell: Cell, prefix: string): string {
  const base = prefix.replace(/-\d+$/, '') || 'item';
  let max = 0;
  for (const { id } of cell.items) {
    if (id === base) max = Math.max(max, 1);
    else if (id.startsWith(`${base}-`) && /^\d+$/.test(id.slice(base.length + 1))) {
      max = Math.max(max, Number(id.slice(base.length + 1)));
    }
  }
  return `${base}-${max + 1}`;
}

/** Adds `item` at the end of the list and selects it. Throws if its id is taken. */
export function addItem(item: CellItem): EditCommand {
  return {
    label: `Add ${item.name || item.id}`,
    apply(cell) {
      if (cell.items.some((i) => i.id === item.id)) throw new EditError(`an item with id "${item.id}" already exists`);
      const problems = itemProblems(item);
      if (problems.length > 0) throw new EditError(`cannot add "${item.id}": ${problems.join('; ')}`);
      return { ...cell, items: [...cell.items, item] };
    },
    select: () => [item.id],
  };
}

/**
 * Deletes items, and the targets attached to them (a target attached to an item is part of it;
 * left behind it would point at nothing). Unknown ids are ignored. Programs are left alone.
 */
export function removeItems(ids: readonly string[]): EditCommand {
  const gone = new Set(ids);
  return {
    label: `Delete ${ids.length === 1 ? (ids[0] as string) : plural(gone.size, 'item')}`,
    apply(cell) {
      if (!cell.items.some((i) => gone.has(i.id))) return cell;
      return {
        ...cell,
        items: cell.items.filter((i) => !gone.has(i.id)),
        targets: cell.targets.filter((t) => t.parent === 'world' || !gone.has(t.parent.item)),
      };
    },
  };
}

/**
 * Changes fields of one item (a shallow merge: `pose` or `size` are replaced whole). The item
 * keeps its id and type — a patch that tries to change either throws — and the result must pass
 * the schema (so no negative lengths, no fields of another item type).
 */
export function updateItem(id: string, patch: Partial<CellItem>): EditCommand {
  return {
    label: `Edit ${id}`,
    apply(cell) {
      const item = findItem(cell, id);
      if (patch.id !== undefined && patch.id !== id) throw new EditError(`item ids cannot be changed ("${id}" → "${patch.id}")`);
      if (patch.type !== undefined && patch.type !== item.type) {
        throw new EditError(`item "${id}" is a ${item.type} and cannot become a ${patch.type}`);
      }
      const next = { ...item, ...patch } as CellItem;
      const problems = itemProblems(next);
      if (problems.length > 0) throw new EditError(`item "${id}": ${problems.join('; ')}`);
      return replaceItem(cell, id, () => next);
    },
  };
}

/** Places one item at `pose` (metres, radians). Throws on non-finite numbers. */
export function setItemPose(id: string, pose: Pose): EditCommand {
  const copy = clonePose(pose); // the caller may reuse its arrays for the next pointer move
  return {
    label: `Move ${id}`,
    apply(cell) {
      if (!isVec3(copy.xyz) || !isVec3(copy.rpy)) throw new EditError(`pose of "${id}": expected xyz and rpy of 3 finite numbers`);
      findItem(cell, id); // an unknown id is an error, not a silent no-op
      return replaceItem(cell, id, (item) => ({ ...item, pose: copy }));
    },
  };
}

/**
 * Moves items by `delta` (metres, world axes). Meant for drags inside a gesture: updateGesture
 * applies it to the cell at the start of the drag, so `delta` is the total drag offset.
 */
export function translateItems(ids: readonly string[], delta: Vec3): EditCommand {
  const moving = new Set(ids);
  const [dx, dy, dz] = delta;
  return {
    label: `Move ${ids.length === 1 ? (ids[0] as string) : plural(moving.size, 'item')}`,
    apply(cell) {
      if (!isVec3(delta)) throw new EditError('move: expected a delta of 3 finite numbers');
      const items = cell.items.map((i): CellItem => {
        if (!moving.has(i.id)) return i;
        const [x, y, z] = i.pose.xyz;
        return { ...i, pose: { xyz: [x + dx, y + dy, z + dz], rpy: [...i.pose.rpy] } };
      });
      return { ...cell, items };
    },
  };
}

/** Renames the cell. */
export function renameCell(name: string): EditCommand {
  return { label: 'Rename cell', apply: (cell) => ({ ...cell, name }) };
}

/**
 * Copies items, each `DUPLICATE_OFFSET_X` further along x, with a fresh id, and selects the
 * copies. `newIdFn(prefix, cell)` proposes the id (default: {@link nextItemId}, `table-1` →
 * `table-2`); it gets the cell with the copies made so far. A proposal that is already taken is
 * replaced by the next free id of its prefix, so a selection never yields two equal ids.
 */
export function duplicateItems(
  ids: readonly string[],
  newIdFn: (prefix: string, cell: Cell) => string = (prefix, cell) => nextItemId(cell, prefix),
): EditCommand {
  const wanted = new Set(ids);
  // The ids of the copies, read by `select` right after `apply` (the store calls them in that order).
  let copies: string[] = [];
  return {
    label: `Duplicate ${ids.length === 1 ? (ids[0] as string) : plural(wanted.size, 'item')}`,
    apply(cell) {
      copies = [];
      let out = cell;
      for (const item of cell.items) {
        if (!wanted.has(item.id)) continue;
        let id = newIdFn(item.id, out);
        if (id === '' || out.items.some((i) => i.id === id)) id = nextItemId(out, id || item.id);
        const copy: CellItem = { ...structuredClone(item), id, name: `${item.name} (copy)` };
        copy.pose.xyz[0] += DUPLICATE_OFFSET_X;
        out = { ...out, items: [...out.items, copy] };
        copies.push(id);
      }
      return withFreshGroups(out, new Set(copies)); // a copied group is a new group
    },
    select: (_after, selection) => (copies.length > 0 ? [...copies] : [...selection]),
  };
}

/** Sets the people the cell needs per shift (the robot-density denominator). */
export function setWorkersPerShift(n: number): EditCommand {
  return {
    label: 'Set workers per shift',
    apply(cell) {
      if (!Number.isFinite(n) || n < 0) throw new EditError(`workers per shift: expected a number ≥ 0, got ${n}`);
      return { ...cell, workersPerShift: n };
    },
  };
}

/**
 * Pastes copies of `items` (from the clipboard: they may no longer exist in the cell), each with
 * a fresh id and moved `offset` along x, and selects them.
 */
export function pasteItems(items: readonly CellItem[], offset = DUPLICATE_OFFSET_X): EditCommand {
  let pasted: string[] = [];
  return {
    label: `Paste ${plural(items.length, 'item')}`,
    apply(cell) {
      pasted = [];
      let out = cell;
      for (const item of items) {
        const id = nextItemId(out, item.id);
        const copy: CellItem = { ...structuredClone(item), id };
        copy.pose.xyz[0] += offset;
        const problems = itemProblems(copy);
        if (problems.length > 0) throw new EditError(`cannot paste "${item.id}": ${problems.join('; ')}`);
        out = { ...out, items: [...out.items, copy] };
        pasted.push(id);
      }
      return withFreshGroups(out, new Set(pasted)); // a pasted group is a new group
    },
    select: (_after, selection) => (pasted.length > 0 ? [...pasted] : [...selection]),
  };
}

/** A fresh target id `P<n>`. */
export function nextTargetId(cell: Cell): string {
  let n = cell.targets.length + 1;
  while (cell.targets.some((t) => t.id === `P${n}`)) n++;
  return `P${n}`;
}

/** Adds a named target (and selects it). */
export function addTarget(target: Target): EditCommand {
  return {
    label: `Add target ${target.name}`,
    apply(cell) {
      if (cell.targets.some((t) => t.id === target.id)) throw new EditError(`a target with id "${target.id}" already exists`);
      return { ...cell, targets: [...cell.targets, target] };
    },
    select: () => [target.id],
  };
}

/** Removes targets by id. */
export function removeTargets(ids: readonly string[]): EditCommand {
  const gone = new Set(ids);
  return {
    label: `Delete ${plural(gone.size, 'target')}`,
    apply: (cell) => ({ ...cell, targets: cell.targets.filter((t) => !gone.has(t.id)) }),
  };
}

/** Renames a target. */
export function renameTarget(id: string, name: string): EditCommand {
  return {
    label: `Rename target ${id}`,
    apply: (cell) => ({ ...cell, targets: cell.targets.map((t) => (t.id === id ? { ...t, name } : t)) }),
  };
}
