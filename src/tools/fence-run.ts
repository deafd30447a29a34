/**
 * A fence run drawn as a polyline on the floor, turned into fence panels. Pure geometry on cell
 * floor coordinates (metres, radians; x, y on the floor), tested without a scene.
 *
 * Each segment becomes equal panels no longer than {@link FENCE_PANEL_MAX_M}: safety fencing is
 * sold and mounted as standard panels between posts (2 m is the common maximum width, and the
 * library's single fence panel is 2 m), so the panels the planner sees are the panels to order,
 * and the fence model draws a post at each panel end as the real fence has.
 */

/** A point on the floor (cell x, y in metres). */
export type Point2 = [number, number];

/** The widest panel a segment is cut into (m). */
export const FENCE_PANEL_MAX_M = 2;
/** Segments shorter than this (m) make no panel: narrower than two posts, no real fence has them. */
export const FENCE_MIN_SEGMENT_M = 0.1;
/** Grid step for drawn points (m) and angle step for segment directions (rad), as the move handles snap. */
export const FENCE_SNAP_GRID_M = 0.01;
export const FENCE_SNAP_ANGLE_RAD = Math.PI / 12;

/** One panel: the centre of its floor line, its yaw (its +x runs along the segment) and its length. */
export interface FencePanel {
  centre: Point2;
  yaw: number;
  length: number;
}

/** Drops float noise below a micrometre so snapped points print as round millimetres. */
const clean = (v: number): number => {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? 0 : r;
};

/**
 * Where a click at `raw` puts the next point of a run. The first point snaps to the 10 mm grid;
 * each next point keeps the segment's direction on a 15° step and its length on a 10 mm step
 * (so along the axes it stays on the grid too). With `free` (Shift held, or snapping off) the
 * point is taken as clicked.
 */
export function snapRunPoint(prev: Point2 | null, raw: Point2, free: boolean): Point2 {
  if (free) return [raw[0], raw[1]];
  const grid = (v: number) => clean(Math.round(v / FENCE_SNAP_GRID_M) * FENCE_SNAP_GRID_M);
  if (prev === null) return [grid(raw[0]), grid(raw[1])];
  const dx = raw[0] - prev[0];
  const dy = raw[1] - prev[1];
  const length = Math.round(Math.hypot(dx, dy) / FENCE_SNAP_GRID_M) * FENCE_SNAP_GRID_M;
  const angle = Math.round(Math.atan2(dy, dx) / FENCE_SNAP_ANGLE_RAD) * FENCE_SNAP_ANGLE_RAD;
  return [clean(prev[0] + length * Math.cos(angle)), clean(prev[1] + length * Math.sin(angle))];
}

/** Length of each segment of the polyline (m). */
export function segmentLengths(points: readonly Point2[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point2;
    const b = points[i] as Point2;
    out.push(Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  return out;
}

/** Total length of the polyline (m). */
export function runLength(points: readonly Point2[]): number {
  return segmentLengths(points).reduce((sum, l) => sum + l, 0);
}

/**
 * The panels of a run through `points`: each segment cut into the fewest equal panels of at most
 * `maxPanel` metres (a 3 m segment gives two of 1.5 m), in drawing order. Segments shorter than
 * {@link FENCE_MIN_SEGMENT_M} are skipped.
 */
export function fenceRunPanels(points: readonly Point2[], maxPanel = FENCE_PANEL_MAX_M): FencePanel[] {
  const panels: FencePanel[] = [];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1] as Point2;
    const [bx, by] = points[i] as Point2;
    const length = Math.hypot(bx - ax, by - ay);
    if (length < FENCE_MIN_SEGMENT_M) continue;
    // A hair of tolerance so that a 2.000 m segment (float noise included) stays one panel.
    const count = Math.max(1, Math.ceil(length / maxPanel - 1e-9));
    const yaw = Math.atan2(by - ay, bx - ax);
    for (let k = 0; k < count; k++) {
      const t = (k + 0.5) / count;
      panels.push({ centre: [clean(ax + t * (bx - ax)), clean(ay + t * (by - ay))], yaw, length: length / count });
    }
  }
  return panels;
}
