/**
 * Checks a planner wants while laying out, recomputed on every edit: items standing in each
 * other, robots whose reach overlaps (possible interference), how much room each robot's reach
 * leaves to the fence, and the floor and density figures of the layout.
 */
import { findLibraryEntry, type Cell, type CellItem, type RobotItem } from '../model';
import { floorFigures } from '../sim/kpi/floor';
import { distanceToRect, floorRect } from './footprint';
import { isGuard, solidOverlapDepth } from './guarding';

/** Two items whose footprints overlap by more than a millimetre. */
export interface Intersection {
  a: string;
  b: string;
  depth: number;
}

/** Two robots whose reach discs overlap: they may collide without interlocks. */
export interface ReachOverlap {
  a: string;
  b: string;
  /** How far the discs overlap (m). */
  overlap: number;
}

/**
 * Room between a robot's reach disc and the nearest guard — a fence or a light curtain (`fence`
 * holds its id) — negative when the reach crosses it.
 */
export interface FenceClearance {
  robot: string;
  fence: string;
  clearance: number;
}

/**
 * Floor and density figures (docs/ARCHITECTURE.md "Floor" and "Robot density"), computed by sim/kpi/floor.ts,
 * the same code that gives a run's KPIs, so the editor and the run never disagree.
 */
export interface LayoutFigures {
  /** Bounding area of all items including fences, m². */
  footprintM2: number;
  robots: number;
  workers: number;
  /** Robots per 10,000 workers: a cell-level equivalent of the IFR figure; null with no workers. */
  density: number | null;
  m2PerRobot: number | null;
  robotsPer100M2: number | null;
}

export interface LayoutReport {
  intersections: Intersection[];
  reachOverlaps: ReachOverlap[];
  fenceClearances: FenceClearance[];
  figures: LayoutFigures;
}

/**
 * Horizontal reach of a robot (m): the library figure, or for an imported robot the reach
 * sampled when it was imported (null for robots imported before CellTwin sampled it).
 */
export function robotReach(robot: RobotItem): number | null {
  if (robot.source.type !== 'bundled') return robot.source.reach ?? null;
  const entry = findLibraryEntry(robot.source.id);
  return entry?.kind === 'robot' ? entry.reach : null;
}

const isRobot = (i: CellItem): i is RobotItem => i.type === 'robot';

/**
 * Two items are allowed to share floor when one stands on the other (a robot on a pedestal, a
 * loose part on a table or a belt).
 */
function stacked(a: CellItem, b: CellItem): boolean {
  return a.type === 'robot' || b.type === 'robot' || a.type === 'part' || b.type === 'part';
}

/**
 * Fence panels meet at shared posts: at the corner of a run two panels overlap by half their
 * thickness, as the real posts do, and that is no clash.
 */
function joinedFences(a: CellItem, b: CellItem): boolean {
  return a.type === 'fence' && b.type === 'fence';
}

/** Everything the layout checks find in `cell`. */
export function checkLayout(cell: Cell): LayoutReport {
  const items = cell.items;
  const intersections: Intersection[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as CellItem;
      const b = items[j] as CellItem;
      if (stacked(a, b) || joinedFences(a, b)) continue;
      const depth = solidOverlapDepth(a, b);
      if (depth > 0.001) intersections.push({ a: a.id, b: b.id, depth });
    }
  }
  const robots = items.filter(isRobot);
  const reachOverlaps: ReachOverlap[] = [];
  for (let i = 0; i < robots.length; i++) {
    for (let j = i + 1; j < robots.length; j++) {
      const a = robots[i] as RobotItem;
      const b = robots[j] as RobotItem;
      const ra = robotReach(a);
      const rb = robotReach(b);
      if (ra === null || rb === null) continue;
      const d = Math.hypot(a.pose.xyz[0] - b.pose.xyz[0], a.pose.xyz[1] - b.pose.xyz[1]);
      if (d < ra + rb) reachOverlaps.push({ a: a.id, b: b.id, overlap: ra + rb - d });
    }
  }
  const fences = items.filter(isGuard);
  const fenceClearances: FenceClearance[] = [];
  for (const robot of robots) {
    const reach = robotReach(robot);
    if (reach === null || fences.length === 0) continue;
    let best: FenceClearance | null = null;
    for (const fence of fences) {
      const clearance = distanceToRect(robot.pose.xyz[0], robot.pose.xyz[1], floorRect(fence)) - reach;
      if (!best || clearance < best.clearance) best = { robot: robot.id, fence: fence.id, clearance };
    }
    if (best) fenceClearances.push(best);
  }
  const floor = floorFigures(cell);
  return {
    intersections,
    reachOverlaps,
    fenceClearances,
    figures: {
      footprintM2: floor.footprintM2,
      robots: floor.robots,
      workers: floor.workers,
      density: floor.perTenThousandWorkers,
      m2PerRobot: floor.m2PerRobot,
      robotsPer100M2: floor.robotsPer100M2,
    },
  };
}
