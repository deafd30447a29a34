/**
 * Item footprints on the floor as oriented rectangles (yaw only: cells stand on a floor), and
 * the 2D geometry the layout checks need: overlap by separating axes, distances, bounds.
 */
import { itemExtent, type CellItem } from '../model';

/** A rectangle on the floor: centre, half sizes along its own axes, and its yaw (rad). */
export interface FloorRect {
  cx: number;
  cy: number;
  hx: number;
  hy: number;
  yaw: number;
}

/** The item's footprint. Fences get their real thickness of a few centimetres. */
export function floorRect(item: CellItem): FloorRect {
  const [sx, sy] = itemExtent(item);
  return { cx: item.pose.xyz[0], cy: item.pose.xyz[1], hx: sx / 2, hy: sy / 2, yaw: item.pose.rpy[2] };
}

/** The four corners, counter-clockwise. */
export function corners(r: FloorRect): Array<[number, number]> {
  const c = Math.cos(r.yaw);
  const s = Math.sin(r.yaw);
  return [
    [-r.hx, -r.hy],
    [r.hx, -r.hy],
    [r.hx, r.hy],
    [-r.hx, r.hy],
  ].map(([x, y]) => [r.cx + (x ?? 0) * c - (y ?? 0) * s, r.cy + (x ?? 0) * s + (y ?? 0) * c]);
}

function project(points: Array<[number, number]>, ax: number, ay: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const [x, y] of points) {
    const d = x * ax + y * ay;
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  return [min, max];
}

/**
 * How deep two rectangles overlap (m) along the axis where they overlap least; 0 or less when
 * they do not overlap (separating axis theorem: for rectangles, their four edge normals suffice).
 */
export function overlapDepth(a: FloorRect, b: FloorRect): number {
  const pa = corners(a);
  const pb = corners(b);
  let depth = Infinity;
  for (const yaw of [a.yaw, b.yaw]) {
    for (const [ax, ay] of [
      [Math.cos(yaw), Math.sin(yaw)],
      [-Math.sin(yaw), Math.cos(yaw)],
    ] as const) {
      const [amin, amax] = project(pa, ax, ay);
      const [bmin, bmax] = project(pb, ax, ay);
      depth = Math.min(depth, Math.min(amax, bmax) - Math.max(amin, bmin));
      if (depth <= 0) return depth;
    }
  }
  return depth;
}

/** Distance from point (px, py) to the rectangle (0 inside). */
export function distanceToRect(px: number, py: number, r: FloorRect): number {
  const c = Math.cos(-r.yaw);
  const s = Math.sin(-r.yaw);
  const lx = (px - r.cx) * c - (py - r.cy) * s;
  const ly = (px - r.cx) * s + (py - r.cy) * c;
  const dx = Math.max(Math.abs(lx) - r.hx, 0);
  const dy = Math.max(Math.abs(ly) - r.hy, 0);
  return Math.hypot(dx, dy);
}
