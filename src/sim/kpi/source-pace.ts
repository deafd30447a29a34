/**
 * Part sources in the bottleneck rule (bottleneck.ts). A source works at its own pace — a part
 * every `interval` seconds on average — so its "busy" share says little by itself. It is the
 * bottleneck only when the cell takes parts as fast as they come: the cell cycle time is within
 * {@link PACE_TOLERANCE} of the mean interval and the parts never back up to the source. When the
 * cell is slower than its supply, the source is held up instead: its parts wait on the belt (and,
 * once the belt is full, it waits for its spot). It then counts as blocked for the larger of the
 * time it really waited and the share of its parts the cell could not take (1 − interval / cycle),
 * so a cell whose buffer has not filled yet still names what holds the source up.
 */
import { WAIT_THRESHOLD, type BottleneckCandidate } from './bottleneck';

/** How close the cell cycle time must be to a source's mean interval for the source to pace it. */
export const PACE_TOLERANCE = 0.05;

/** A source's utilization (supplying / blocked / idle) as a bottleneck candidate. */
export function sourceCandidate(
  source: { id: string; kind: string; utilization: Record<string, number> | null },
  meanInterval: number,
  cellCycleTime: number | null,
): BottleneckCandidate {
  const u = source.utilization;
  if (!u || cellCycleTime === null || !(meanInterval > 0)) return { id: source.id, kind: source.kind, utilization: u, eligible: false };
  const ratio = cellCycleTime / meanInterval;
  const blocked = u['blocked'] ?? 0;
  const eligible = blocked < WAIT_THRESHOLD && ratio <= 1 + PACE_TOLERANCE;
  if (eligible) return { id: source.id, kind: source.kind, utilization: u, eligible };
  const heldUp = Math.max(blocked, ratio > 1 ? 1 - 1 / ratio : 0);
  const moved = heldUp - blocked;
  const utilization = { ...u, supplying: Math.max(0, (u['supplying'] ?? 0) - moved), blocked: heldUp };
  return { id: source.id, kind: source.kind, utilization, eligible };
}
