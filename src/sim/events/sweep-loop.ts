/**
 * The sampling loop shared by the collision checks of the events engine (collision-sweep.ts:
 * one robot against fixtures and parts; robot-pair-sweep.ts: two robots against each other).
 *
 * A window of `duration` seconds is sampled on the engine's dt grid from its start, every grid
 * point while the bodies move fast and every m-th while they move slowly, so that no tracked
 * point (a link origin, a held part's centre) travels more than `maxTravel` between two checks.
 * At each sample the moving bodies are posed, the world is stepped once and its contact changes
 * are read. A change that shows between two samples more than one grid step apart is dated by
 * bisection to the first grid time that shows it: the time the fixed-step physics engine, which
 * reads contacts at the end of each step, would report.
 */
import type { PhysicsWorld } from '../physics-port';

/** A contact change at `offset` s after the window's start. */
export interface Change {
  offset: number;
  a: string;
  b: string;
  touching: boolean;
}

/** What the loop moves and reads. */
export interface SweepSubject {
  world: PhysicsWorld;
  /**
   * Sets the kinematic targets of every moving body for offset `tau` (s after the window's
   * start; the last grid point may lie past the window's end, where everything stays at its end).
   */
  place(tau: number): void;
  /** Positions (x, y, z triples) of the tracked points at offset `tau`. */
  points(tau: number): Float64Array;
  /** The names of a reported pair (the link first), or null to ignore the pair. */
  names(a: number, b: number): readonly [string, string] | null;
}

/** Statistics of the checks, for the bench and the tests. */
export interface SweepStats {
  samples: number;
}

/**
 * The contact changes along a window of `duration` s (see the module comment), or only between
 * its grid steps `span.first` and `span.last` when nothing can touch outside them. Contacts
 * already there where the sampling starts are not changes.
 */
export function sweepWindow(s: SweepSubject, duration: number, dt: number, maxTravel: number, stats: SweepStats, span?: { first: number; last: number }): Change[] {
  const probe = (tau: number, out: Change[] | null): void => {
    s.place(tau);
    s.world.step();
    stats.samples++;
    s.world.drainContacts((a, b, touching) => {
      if (!out) return;
      const names = s.names(a, b);
      if (names) out.push({ offset: tau, a: names[0], b: names[1], touching });
    });
  };
  const changes: Change[] = [];
  const steps = Math.min(Math.ceil(duration / dt - 1e-9), span?.last ?? Infinity);
  let k = span?.first ?? 0;
  // Settle at the start pose: contacts already there are not new.
  probe(k * dt, null);
  probe(k * dt, null);
  const at = (k: number) => s.points(k * dt);
  let m = 1;
  let prev = at(k);
  while (k < steps) {
    // Grow the stride while the points move little, shrink it when they move much.
    let next = Math.min(steps, k + m);
    let here = at(next);
    while (next > k + 1 && travel(prev, here) > maxTravel) {
      m = Math.max(1, m >> 1);
      next = Math.min(steps, k + m);
      here = at(next);
    }
    const found: Change[] = [];
    probe(next * dt, found);
    if (found.length > 0 && next > k + 1) {
      // A change between grid points k and next: find the first grid point that shows it.
      let lo = k, hi = next;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        probe(lo * dt, null);
        const seen: Change[] = [];
        probe(mid * dt, seen);
        if (seen.length > 0) hi = mid;
        else lo = mid;
      }
      probe(lo * dt, null);
      found.length = 0;
      probe(hi * dt, found);
      if (hi < next) probe(next * dt, found);
    }
    changes.push(...found);
    if (travel(prev, here) < maxTravel / 2) m = Math.min(m * 2, 64);
    prev = here;
    k = next;
  }
  return changes;
}

/** Largest distance any point moved between two samples. */
export function travel(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i + 2 < a.length; i += 3) d = Math.max(d, Math.hypot(a[i]! - b[i]!, a[i + 1]! - b[i + 1]!, a[i + 2]! - b[i + 2]!));
  return d;
}
