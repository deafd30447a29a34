/**
 * The measure tool's maths: the distance between two picked points, its components, and the
 * snap of a surface hit to the nearest corner of the triangle it hit. Pure functions of cell
 * coordinates (metres, Z up), so they are tested without a scene.
 */
import type { Vec3 } from '../model';

/** A measurement between two points, in metres (cell axes). */
export interface Measurement {
  /** Straight-line distance |b − a|. */
  distance: number;
  /** b − a along the cell axes. */
  dx: number;
  dy: number;
  dz: number;
  /** Distance projected on the floor (ignoring z): what a tape on the floor reads. */
  horizontal: number;
}

/** Distance and components from `a` to `b`. */
export function measure(a: Vec3, b: Vec3): Measurement {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const dz = b[2] - a[2];
  return { distance: Math.hypot(dx, dy, dz), dx, dy, dz, horizontal: Math.hypot(dx, dy) };
}

/** The picked points: none yet, the first one, or both (a finished measurement). */
export interface MeasurePoints {
  a: Vec3 | null;
  b: Vec3 | null;
}

/**
 * What a click does to the picked points: the first click sets A, the second sets B (the
 * measurement is complete), a third starts a new measurement at the clicked point.
 */
export function addMeasurePoint(points: MeasurePoints, p: Vec3): MeasurePoints {
  const copy: Vec3 = [p[0], p[1], p[2]];
  if (points.a === null || points.b !== null) return { a: copy, b: null };
  return { a: points.a, b: copy };
}

/**
 * The vertex of `vertices` nearest to `hit` when it is within `maxDistance` (metres), else `hit`
 * itself: a click near a box corner measures from the corner exactly.
 */
export function snapToVertex(hit: Vec3, vertices: readonly Vec3[], maxDistance: number): Vec3 {
  let best: Vec3 = hit;
  let bestD = maxDistance;
  for (const v of vertices) {
    const d = Math.hypot(v[0] - hit[0], v[1] - hit[1], v[2] - hit[2]);
    if (d <= bestD) {
      best = v;
      bestD = d;
    }
  }
  return [best[0], best[1], best[2]];
}

/** Millimetres, rounded to whole mm, for the readout (−0 shows as 0). */
export function toMm(m: number): number {
  const v = Math.round(m * 1000);
  return v === 0 ? 0 : v;
}
