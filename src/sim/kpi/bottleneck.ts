/**
 * The bottleneck (docs/ARCHITECTURE.md: "the resource with the highest utilization share that starves or
 * blocks others"), made precise from the utilization shares alone, since the log does not say
 * which resource feeds which:
 *
 * 1. candidates are the robots, machines, operators and part sources with a steady-state
 *    utilization (a source only while its parts never back up to it: see compute.ts);
 * 2. a candidate's busy share is its share of time in working states — anything but waiting
 *    (starved, blocked, interlock, an operator waiting) and idle;
 * 3. the bottleneck is the candidate with the highest busy share (ties: the earlier in the
 *    output, robots before machines before operators, each in document order)…
 * 4. …provided at least one other candidate spends at least {@link WAIT_THRESHOLD} of its window
 *    starved or blocked. Otherwise nothing is being held up and the bottleneck is null (a
 *    single robot working alone, or resources that only wait on interlocks).
 *
 * Interlock waits do not count in 4: they are contention for a shared zone, not a part or a
 * place that a slower resource fails to provide.
 */
import { isBlocked, isBusy, isStarved } from './states';

/** Share of a window below which starving or blocking is treated as noise at the window edges. */
export const WAIT_THRESHOLD = 0.01;

/** A resource considered for the bottleneck: its id, kind and utilization shares. */
export interface BottleneckCandidate {
  id: string;
  kind: string;
  utilization: Record<string, number> | null;
  /** False for a resource that can be held up but cannot be the bottleneck (default true). */
  eligible?: boolean;
}

/** The bottleneck and the resources it holds up. */
export interface Bottleneck {
  id: string;
  kind: string;
  /** Its busy share (0–1). */
  busyShare: number;
  /** Other resources starved (waiting for parts) at least WAIT_THRESHOLD of their window: id → share. */
  starved: Array<{ id: string; share: number }>;
  /** Other resources blocked (waiting for room downstream) likewise. */
  blocked: Array<{ id: string; share: number }>;
}

/** The busy share of a utilization (sum of its busy states), 0 for none. */
export function busyShare(utilization: Record<string, number> | null): number {
  if (!utilization) return 0;
  let sum = 0;
  for (const [state, share] of Object.entries(utilization)) if (isBusy(state)) sum += share;
  return sum;
}

function shareWhere(utilization: Record<string, number>, test: (state: string) => boolean): number {
  let sum = 0;
  for (const [state, share] of Object.entries(utilization)) if (test(state)) sum += share;
  return sum;
}

/** The bottleneck among `candidates` by the rule in the module comment, or null. */
export function findBottleneck(candidates: readonly BottleneckCandidate[]): Bottleneck | null {
  let best: BottleneckCandidate | null = null;
  let bestBusy = -1;
  for (const c of candidates) {
    if (!c.utilization || c.eligible === false) continue;
    const busy = busyShare(c.utilization);
    if (busy > bestBusy) {
      best = c;
      bestBusy = busy;
    }
  }
  if (!best || bestBusy <= 0) return null;
  const starved: Bottleneck['starved'] = [];
  const blocked: Bottleneck['blocked'] = [];
  for (const c of candidates) {
    if (c === best || !c.utilization) continue;
    const s = shareWhere(c.utilization, isStarved);
    const b = shareWhere(c.utilization, isBlocked);
    if (s >= WAIT_THRESHOLD) starved.push({ id: c.id, share: s });
    if (b >= WAIT_THRESHOLD) blocked.push({ id: c.id, share: b });
  }
  if (starved.length === 0 && blocked.length === 0) return null;
  return { id: best.id, kind: best.kind, busyShare: bestBusy, starved, blocked };
}

/**
 * What can be said about the bottleneck so far. Before the first part leaves the cell every
 * share is taken over the start-up alone (robots moving to their first pick, belts filling), so
 * naming a resource then would be a guess: the answer is "not enough data yet".
 */
export type BottleneckVerdict = { kind: 'not-enough-data' } | { kind: 'none' } | { kind: 'found'; bottleneck: Bottleneck };

/** The verdict of a run with `partsFinished` parts out and `bottleneck` found (see {@link BottleneckVerdict}). */
export function bottleneckVerdict(partsFinished: number, bottleneck: Bottleneck | null): BottleneckVerdict {
  if (partsFinished < 1) return { kind: 'not-enough-data' };
  return bottleneck ? { kind: 'found', bottleneck } : { kind: 'none' };
}
