/**
 * Arranging several items: align their footprints on one side or centre line, spread them with
 * equal gaps, and move or turn them together (the multi-selection gizmo). Footprints are the
 * world-axis boxes around each item's turned footprint (`footprint` in tools/placement.ts), so a
 * turned conveyor lines up by the edge you see from above, not by its own length.
 *
 * Axes and names: X runs left → right, Y front → back (front = smaller Y, the side the default
 * 3D view looks from; in the top view, back is up the screen).
 *
 * Locked items are part of the reference (the leftmost edge may belong to one) but never move;
 * `lockedAmong` lets the UI say so.
 */
import type { Cell, CellItem } from '../model';
import { footprint } from '../tools/placement';
import { transformPose, type MultiTransform } from '../tools/multi-transform';
import { EditError, type EditCommand } from './cell-store';

/** Which edge or centre line to line the footprints up on. */
export type AlignEdge = 'left' | 'centre-x' | 'right' | 'front' | 'centre-y' | 'back';
/** The world axis to distribute along. */
export type ArrangeAxis = 'x' | 'y';

const EDGE_LABELS: Record<AlignEdge, string> = {
  left: 'Align left',
  'centre-x': 'Align centres (X)',
  right: 'Align right',
  front: 'Align front',
  'centre-y': 'Align centres (Y)',
  back: 'Align back',
};

/** The selected items among `ids`, in cell order. */
function chosen(cell: Cell, ids: readonly string[]): CellItem[] {
  const wanted = new Set(ids);
  return cell.items.filter((i) => wanted.has(i.id));
}

/** The locked items among `ids`: they stay where they are when the others are arranged. */
export function lockedAmong(cell: Cell, ids: readonly string[]): CellItem[] {
  return chosen(cell, ids).filter((i) => i.locked === true);
}

/** Shifts the unlocked items by `shift(item)` (metres along x, y); locked items stay. */
function shiftItems(cell: Cell, shift: ReadonlyMap<string, [number, number]>): Cell {
  return {
    ...cell,
    items: cell.items.map((i) => {
      const d = shift.get(i.id);
      // Below a picometre is float noise from an earlier arrange: no change, so no undo entry.
      if (d === undefined || i.locked === true || Math.hypot(d[0], d[1]) < 1e-12) return i;
      // Exact sums, no rounding: aligned edges must agree to the last bit the floats allow.
      const [x, y, z] = i.pose.xyz;
      return { ...i, pose: { xyz: [x + d[0], y + d[1], z], rpy: [...i.pose.rpy] } };
    }),
  };
}

/**
 * Lines up the footprints of two or more items: `left` puts every footprint's min x on the
 * leftmost one's, `right` every max x on the rightmost, `centre-x` every centre on the centre of
 * the box around them all; `front`, `back`, `centre-y` the same along y.
 */
export function alignItems(ids: readonly string[], edge: AlignEdge): EditCommand {
  return {
    label: EDGE_LABELS[edge],
    apply(cell) {
      const items = chosen(cell, ids);
      if (items.length < 2) throw new EditError('select two or more items to align them');
      const boxes = items.map((i) => ({ id: i.id, f: footprint(i) }));
      const alongX = edge === 'left' || edge === 'right' || edge === 'centre-x';
      const lo = (b: (typeof boxes)[number]) => (alongX ? b.f.minX : b.f.minY);
      const hi = (b: (typeof boxes)[number]) => (alongX ? b.f.maxX : b.f.maxY);
      const min = Math.min(...boxes.map(lo));
      const max = Math.max(...boxes.map(hi));
      const shift = new Map<string, [number, number]>();
      for (const b of boxes) {
        let d: number;
        if (edge === 'left' || edge === 'front') d = min - lo(b);
        else if (edge === 'right' || edge === 'back') d = max - hi(b);
        else d = (min + max) / 2 - (lo(b) + hi(b)) / 2;
        shift.set(b.id, alongX ? [d, 0] : [0, d]);
      }
      return shiftItems(cell, shift);
    },
  };
}

/**
 * Spreads three or more items along `axis` so that the gaps between neighbouring footprints are
 * equal. The items are taken in the order of their centres; the first and the last stay put and
 * the others are placed between them.
 */
export function distributeItems(ids: readonly string[], axis: ArrangeAxis): EditCommand {
  return {
    label: `Distribute along ${axis.toUpperCase()}`,
    apply(cell) {
      const items = chosen(cell, ids);
      if (items.length < 3) throw new EditError('select three or more items to distribute them');
      const boxes = items.map((i, order) => {
        const f = footprint(i);
        const [lo, hi] = axis === 'x' ? [f.minX, f.maxX] : [f.minY, f.maxY];
        return { id: i.id, lo, hi, order };
      });
      boxes.sort((a, b) => a.lo + a.hi - (b.lo + b.hi) || a.order - b.order);
      const first = boxes[0] as (typeof boxes)[number];
      const last = boxes[boxes.length - 1] as (typeof boxes)[number];
      const widths = boxes.reduce((sum, b) => sum + (b.hi - b.lo), 0);
      const gap = (last.hi - first.lo - widths) / (boxes.length - 1);
      const shift = new Map<string, [number, number]>();
      let cursor = first.hi + gap;
      for (const b of boxes.slice(1, -1)) {
        const d = cursor - b.lo;
        shift.set(b.id, axis === 'x' ? [d, 0] : [0, d]);
        cursor += b.hi - b.lo + gap;
      }
      return shiftItems(cell, shift);
    },
  };
}

/**
 * Moves or turns items together (see tools/multi-transform.ts). Meant for a gizmo drag inside a
 * gesture: the store applies it to the cell as it was when the drag began, so the transform is
 * the drag's total. A locked item blocks the whole move, as it blocks the one-item handles.
 */
export function transformItems(ids: readonly string[], t: MultiTransform): EditCommand {
  const wanted = new Set(ids);
  const verb = t.kind === 'translate' ? 'Move' : 'Rotate';
  return {
    label: `${verb} ${wanted.size === 1 ? (ids[0] as string) : `${wanted.size} items`}`,
    apply(cell) {
      const numbers = t.kind === 'translate' ? t.delta : [t.angle, ...t.centre];
      if (!numbers.every(Number.isFinite)) throw new EditError(`${verb.toLowerCase()}: expected finite numbers`);
      const locked = lockedAmong(cell, ids);
      if (locked.length > 0) throw new EditError(`${locked.map((i) => i.name).join(', ')} ${locked.length > 1 ? 'are' : 'is'} locked`);
      return { ...cell, items: cell.items.map((i) => (wanted.has(i.id) ? { ...i, pose: transformPose(i.pose, t) } : i)) };
    },
  };
}
