/**
 * Box (rubber-band) selection, the rule desktop CAD uses:
 * - dragged left → right, a **window**: an item is selected when its whole box is inside the
 *   rectangle;
 * - dragged right → left, a **crossing**: an item is selected when its box touches the rectangle.
 *
 * An item's "box" is its footprint (itemExtent, turned by its yaw) raised to its height, i.e. the
 * eight corners of the box the selection outline draws, projected onto the screen. Crossing
 * tests the rectangle against the convex hull of those eight points (separating axes), so a
 * rectangle that only covers the empty corner of a turned item's screen bounds does not catch it.
 * A group counts as one thing: a window takes it when all its members are inside, a crossing
 * when any member touches.
 *
 * Pure: the caller passes the camera as a projection function, so this runs in unit tests.
 */
import { itemExtent, type CellItem, type Vec3 } from '../model';
import { corners, floorRect } from './footprint';

/** A dragged rectangle in page pixels: where the drag started and where the pointer is now. */
export interface ScreenRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Window (fully inside) or crossing (touching). */
export type BoxMode = 'window' | 'crossing';

/** Cell point (m, Z up) → page pixel, or null when the point is behind the camera. */
export type Projector = (xyz: Vec3) => [number, number] | null;

type Point = [number, number];

/** Left → right is a window, right → left a crossing (a drag straight up or down is a window). */
export function boxMode(rect: ScreenRect): BoxMode {
  return rect.x1 >= rect.x0 ? 'window' : 'crossing';
}

/** The eight corners of the item's box in cell coordinates: its turned footprint, at its base and top. */
export function itemBoxCorners(item: CellItem): Vec3[] {
  const height = itemExtent(item)[2];
  const z0 = item.pose.xyz[2];
  const out: Vec3[] = [];
  for (const [x, y] of corners(floorRect(item))) out.push([x, y, z0], [x, y, z0 + height]);
  return out;
}

/** Convex hull of points (Andrew's monotone chain), counter-clockwise, without repeats. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length <= 2) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: Point[]): Point[] => {
    const h: Point[] = [];
    for (const p of pts) {
      while (h.length >= 2 && cross(h[h.length - 2] as Point, h[h.length - 1] as Point, p) <= 0) h.pop();
      h.push(p);
    }
    h.pop(); // the last point starts the other half
    return h;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

function spread(points: readonly Point[], ax: number, ay: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const [x, y] of points) {
    const d = x * ax + y * ay;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return [min, max];
}

/** True when the convex polygon `hull` and the axis-aligned rectangle touch (boundaries count). */
export function hullTouchesRect(hull: readonly Point[], rect: ScreenRect): boolean {
  if (hull.length === 0) return false;
  const left = Math.min(rect.x0, rect.x1);
  const right = Math.max(rect.x0, rect.x1);
  const top = Math.min(rect.y0, rect.y1);
  const bottom = Math.max(rect.y0, rect.y1);
  const box: Point[] = [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];
  const axes: Point[] = [
    [1, 0],
    [0, 1],
  ];
  for (let i = 0; i < hull.length && hull.length > 1; i++) {
    const a = hull[i] as Point;
    const b = hull[(i + 1) % hull.length] as Point;
    axes.push([a[1] - b[1], b[0] - a[0]]); // the edge's normal
  }
  for (const [ax, ay] of axes) {
    const [hmin, hmax] = spread(hull, ax, ay);
    const [bmin, bmax] = spread(box, ax, ay);
    if (hmax < bmin || bmax < hmin) return false;
  }
  return true;
}

/**
 * Whether one item is caught. A window needs every corner on screen and inside; a crossing
 * uses the corners in front of the camera (an item half behind the camera is judged by its
 * visible part).
 */
export function itemInBox(item: CellItem, project: Projector, rect: ScreenRect, mode: BoxMode): boolean {
  const projected = itemBoxCorners(item).map(project);
  const visible = projected.filter((p): p is Point => p !== null);
  if (mode === 'window') {
    if (visible.length < projected.length) return false;
    const left = Math.min(rect.x0, rect.x1);
    const right = Math.max(rect.x0, rect.x1);
    const top = Math.min(rect.y0, rect.y1);
    const bottom = Math.max(rect.y0, rect.y1);
    return visible.every(([x, y]) => x >= left && x <= right && y >= top && y <= bottom);
  }
  return hullTouchesRect(convexHull(visible), rect);
}

/**
 * The ids the rectangle selects, in cell order, by the window/crossing rule of its drag
 * direction (or `mode`, when given). Grouped items come as whole groups (see the file comment).
 */
export function boxSelectIds(items: readonly CellItem[], project: Projector, rect: ScreenRect, mode: BoxMode = boxMode(rect)): string[] {
  const hit = new Set(items.filter((i) => itemInBox(i, project, rect, mode)).map((i) => i.id));
  const groupHit = new Map<string, boolean>();
  for (const item of items) {
    if (item.group === undefined) continue;
    const before = groupHit.get(item.group);
    const mine = hit.has(item.id);
    // A window wants every member (all), a crossing any member.
    groupHit.set(item.group, before === undefined ? mine : mode === 'window' ? before && mine : before || mine);
  }
  return items.filter((i) => (i.group === undefined ? hit.has(i.id) : groupHit.get(i.group) === true)).map((i) => i.id);
}
