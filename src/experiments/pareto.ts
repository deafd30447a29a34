/**
 * The Pareto front of a sweep's variants for two aims: as much of `y` as possible (throughput)
 * for as little of `x` as possible (floor area, robots). A variant is on the front when no other
 * variant is at least as good in both and strictly better in one: those are the only variants
 * worth choosing between; every other one is beaten outright by some variant on the front.
 */

/** A variant's place in the plane: `x` to minimise, `y` to maximise; null where not measured. */
export interface ParetoPoint {
  id: string;
  x: number | null;
  y: number | null;
}

/** True when `a` dominates `b`: no worse in both aims and better in at least one. */
export function dominates(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return a.x <= b.x && a.y >= b.y && (a.x < b.x || a.y > b.y);
}

/**
 * The ids of the points on the Pareto front (min x, max y), ordered by x ascending (and so by y
 * ascending: along the front more floor buys more throughput). Points with a null figure are
 * never on it; points that tie exactly are all on it.
 */
export function paretoFront(points: readonly ParetoPoint[]): string[] {
  const measured = points.filter((p): p is { id: string; x: number; y: number } => p.x !== null && p.y !== null && Number.isFinite(p.x) && Number.isFinite(p.y));
  return measured
    .filter((p) => !measured.some((q) => q !== p && dominates(q, p)))
    .sort((a, b) => a.x - b.x || a.y - b.y)
    .map((p) => p.id);
}
