/**
 * Where a new item goes when the user adds it from the library without pointing at a spot: the
 * free place nearest the middle of the floor, so a new item never lands inside another one.
 */
import { itemExtent, type Cell, type CellItem } from '../model';

interface Rect {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The item's footprint on the floor as an axis-aligned rectangle (rotation taken into account). */
export function footprint(item: CellItem): Rect {
  const [sx, sy] = itemExtent(item);
  const yaw = item.pose.rpy[2];
  const c = Math.abs(Math.cos(yaw));
  const s = Math.abs(Math.sin(yaw));
  const hx = (sx * c + sy * s) / 2;
  const hy = (sx * s + sy * c) / 2;
  const [x, y] = item.pose.xyz;
  return { minX: x - hx, maxX: x + hx, minY: y - hy, maxY: y + hy };
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.minX < b.maxX + gap && b.minX < a.maxX + gap && a.minY < b.maxY + gap && b.minY < a.maxY + gap;
}

/**
 * Moves `item` (keeping its rotation) to the first free spot on rings of growing radius around
 * `centre` (default: the floor centre; the page passes the middle of the view), stepping
 * 0.25 m, leaving `gap` metres between footprints.
 */
export function placeInFreeSpot(cell: Cell, item: CellItem, gap = 0.1, centre: readonly [number, number] = [0, 0]): CellItem {
  const [cx, cy] = centre;
  const others = cell.items.filter((o) => o.id !== item.id).map(footprint);
  const step = 0.25;
  const limit = Math.max(cell.floor.width, cell.floor.depth) / step;
  for (let ring = 0; ring <= limit; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of ringCells(ring, i)) {
        const candidate = { ...item, pose: { ...item.pose, xyz: [cx + dx * step, cy + dy * step, item.pose.xyz[2]] as [number, number, number] } };
        const rect = footprint(candidate);
        if (!others.some((o) => overlaps(rect, o, gap))) return candidate;
      }
    }
  }
  return item;
}

/** The grid cells on the square ring `ring` that have index `i` along each side. */
function ringCells(ring: number, i: number): Array<[number, number]> {
  if (ring === 0) return [[0, 0]];
  return [
    [i, -ring],
    [ring, i],
    [-i, ring],
    [-ring, -i],
  ];
}
