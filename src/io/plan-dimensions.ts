/**
 * The dimensions a plan carries besides the floor: the bounding footprint of everything placed
 * (fences included, as the "Floor" KPI counts it) and, for each robot, the distance from the
 * centre of its base to the nearest guard (fence panel or light curtain). Pure numbers in metres on the floor (cell x, y), so the
 * SVG export, the on-screen plan and the tests read the same figures.
 */
import type { Cell, CellItem } from '../model';
import { isGuard, itemExtent } from '../model';
import { floorBounds } from '../sim/kpi/floor';

/** A point on the floor (m). */
export type PlanPoint = [number, number];

/** The axis-aligned bounding box of all item footprints (m). */
export interface FootprintBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  width: number;
  depth: number;
}

/** From a robot's base centre to the nearest point of the nearest fence panel. */
export interface RobotFenceDimension {
  robot: string;
  fence: string;
  from: PlanPoint;
  to: PlanPoint;
  /** |to − from| in metres. */
  distance: number;
}

export interface PlanDimensions {
  floor: { width: number; depth: number };
  /** Null for an empty cell. */
  footprint: FootprintBounds | null;
  /** One per robot, when the cell has fences. */
  robotFence: RobotFenceDimension[];
}

/**
 * The point of `item`'s footprint rectangle nearest to `p` (p itself when inside): `p` taken into
 * the item's frame, clamped to the half sizes, and turned back.
 */
export function nearestFootprintPoint(item: CellItem, p: PlanPoint): PlanPoint {
  const [sx, sy] = itemExtent(item);
  const [cx, cy] = item.pose.xyz;
  const yaw = item.pose.rpy[2];
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const dx = p[0] - cx;
  const dy = p[1] - cy;
  const lx = Math.min(sx / 2, Math.max(-sx / 2, dx * c + dy * s));
  const ly = Math.min(sy / 2, Math.max(-sy / 2, -dx * s + dy * c));
  return [cx + lx * c - ly * s, cy + lx * s + ly * c];
}

/** The plan's dimensions for `cell` (see {@link PlanDimensions}). */
export function planDimensions(cell: Cell): PlanDimensions {
  const b = floorBounds(cell.items);
  const footprint = b ? { minX: b[0], minY: b[1], maxX: b[2], maxY: b[3], width: b[2] - b[0], depth: b[3] - b[1] } : null;
  // Light curtains guard an opening in the fence line: a robot's nearest guard may be one.
  const fences = cell.items.filter(isGuard);
  const robotFence: RobotFenceDimension[] = [];
  for (const robot of cell.items) {
    if (robot.type !== 'robot' || fences.length === 0) continue;
    const from: PlanPoint = [robot.pose.xyz[0], robot.pose.xyz[1]];
    let best: RobotFenceDimension | null = null;
    for (const fence of fences) {
      const to = nearestFootprintPoint(fence, from);
      const distance = Math.hypot(to[0] - from[0], to[1] - from[1]);
      if (!best || distance < best.distance) best = { robot: robot.id, fence: fence.id, from, to, distance };
    }
    if (best) robotFence.push(best);
  }
  return { floor: { width: cell.floor.width, depth: cell.floor.depth }, footprint, robotFence };
}
