/**
 * Floor and robot-density figures of a cell (docs/ARCHITECTURE.md "Floor" and "Robot density"). This is the
 * one implementation: the editor's live layout checks (tools/layout-checks.ts) and the KPIs of a
 * run (kpi/compute.ts) both call it, so the figure a planner sees while laying out is the figure
 * the run reports. It lives in sim/ because layers point down: tools/ may import sim/, not the
 * other way round.
 */
import type { Cell, CellItem } from '../../model/cell';
import { itemExtent } from '../../model/item-factory';

/**
 * Reference robot densities (robots per 10,000 employees) to draw beside the cell's figure: the
 * Shanghai action plan's target and IFR World Robotics 2024 (2023 data).
 */
export const DENSITY_REFERENCES = {
  shanghaiTarget: 500,
  world: 162,
  china: 470,
  germany: 429,
  korea: 1012,
} as const;

/** What the density figure is, in words, for labels and tooltips. */
export const DENSITY_LABEL = 'robots per 10,000 workers per shift: a cell-level equivalent of the IFR robot density, not the official statistic';

/** Floor and density figures of a layout. */
export interface FloorFigures {
  /**
   * Bounding area (m²) of all items' footprints, fences and light curtains included, loose parts
   * not (they are work, not equipment, like the cell's `parts`); 0 for an empty cell.
   */
  footprintM2: number;
  /** Robot items in the cell. */
  robots: number;
  /** People the cell needs per shift (entered by the planner, operator stations included). */
  workers: number;
  /** Robots / workers × 10,000; null with no workers. */
  perTenThousandWorkers: number | null;
  /** Footprint / robots; null with no robots. */
  m2PerRobot: number | null;
  /** Robots / footprint × 100; null with no footprint. */
  robotsPer100M2: number | null;
}

/**
 * The four floor corners of an item's footprint: its extent (model/item-factory.ts) turned by
 * its yaw about its position. Roll and pitch are ignored: cells stand on a floor.
 */
export function footprintCorners(item: CellItem): Array<[number, number]> {
  const [sx, sy] = itemExtent(item);
  const [cx, cy] = item.pose.xyz;
  const yaw = item.pose.rpy[2];
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const out: Array<[number, number]> = [];
  for (const [x, y] of [
    [-sx / 2, -sy / 2],
    [sx / 2, -sy / 2],
    [sx / 2, sy / 2],
    [-sx / 2, sy / 2],
  ] as const) {
    out.push([cx + x * c - y * s, cy + x * s + y * c]);
  }
  return out;
}

/**
 * Axis-aligned bounds [minX, minY, maxX, maxY] of the items' footprints, or null for none. Loose
 * parts do not count: they lie on what the cell stands on, they take no floor of their own.
 */
export function floorBounds(all: readonly CellItem[]): [number, number, number, number] | null {
  const items = all.filter((i) => i.type !== 'part');
  if (items.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const item of items) {
    for (const [x, y] of footprintCorners(item)) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The floor and density figures of `cell` (see {@link FloorFigures}). */
export function floorFigures(cell: Pick<Cell, 'items' | 'workersPerShift'>): FloorFigures {
  const b = floorBounds(cell.items);
  const footprintM2 = b ? (b[2] - b[0]) * (b[3] - b[1]) : 0;
  const robots = cell.items.filter((i) => i.type === 'robot').length;
  const workers = cell.workersPerShift;
  return {
    footprintM2,
    robots,
    workers,
    perTenThousandWorkers: workers > 0 ? (robots / workers) * 10_000 : null,
    m2PerRobot: robots > 0 ? footprintM2 / robots : null,
    robotsPer100M2: footprintM2 > 0 ? (robots / footprintM2) * 100 : null,
  };
}
