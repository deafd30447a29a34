/**
 * Exact touch tracking for the collision events. Rapier raises a "started" event when two
 * colliders come within its prediction distance (2 cm by default) and computes contacts from
 * the poses at the *start* of a step, so its events alone would report a crash up to a few steps
 * early. We use them only to learn which pairs are close: each close pair the simulation's
 * filter accepts is then checked after every step with a contact query at the current poses,
 * and counts as touching from when the distance is ≤ 0 until it exceeds {@link SEPARATION}.
 * The margin is there because a part pushed by a robot link rides a hair's breadth ahead of it:
 * the solver pushes it out of contact and the link catches up, step after step, which without
 * the margin would read as dozens of collisions instead of one long push. Per body pair, the
 * count of touching collider pairs gives the body-level start and end.
 */
import type { Rapier } from './rapier';

type World = InstanceType<Rapier['World']>;

/** Gap (m) two touching colliders must open before they count as apart again. */
export const SEPARATION = 0.005;

/** A close collider pair and whether it touches. */
interface TrackedPair {
  c1: number;
  c2: number;
  a: number;
  b: number;
  touching: boolean;
}

/** Plain-data form, for snapshots: [collider1, collider2, bodyA, bodyB, touching 0/1] each. */
export type ContactState = number[][];

const bodyKey = (a: number, b: number): number => (a < b ? a * 1048576 + b : b * 1048576 + a);
const colliderKey = (c1: number, c2: number): string => (c1 < c2 ? `${c1}|${c2}` : `${c2}|${c1}`);

/** Tracks the close pairs and reports body-level touch changes. */
export class ContactTracker {
  private pairs = new Map<string, TrackedPair>();
  private readonly bodyTouch = new Map<number, number>();
  private readonly pending: [number, number, boolean][] = [];

  /** A pair came close (Rapier "started"); `a`, `b` are the bodies of `c1`, `c2`. */
  started(c1: number, c2: number, a: number, b: number): void {
    const key = colliderKey(c1, c2);
    if (!this.pairs.has(key)) this.pairs.set(key, { c1, c2, a, b, touching: false });
  }

  /** A pair moved apart (Rapier "stopped"). */
  stopped(c1: number, c2: number): void {
    const key = colliderKey(c1, c2);
    const p = this.pairs.get(key);
    if (!p) return;
    if (p.touching) this.setTouching(p, false);
    this.pairs.delete(key);
  }

  /** Re-checks every close pair at the current poses (after a step). */
  update(world: World): void {
    for (const p of this.pairs.values()) {
      const k1 = world.getCollider(p.c1);
      const k2 = world.getCollider(p.c2);
      const contact = k1 && k2 ? k1.contactCollider(k2, SEPARATION) : null;
      const touching = contact !== null && contact.distance <= (p.touching ? SEPARATION : 0);
      if (touching !== p.touching) this.setTouching(p, touching);
    }
  }

  /** Forgets the pairs of a body being removed (ending its touches). */
  dropBody(body: number): void {
    for (const [key, p] of this.pairs) {
      if (p.a !== body && p.b !== body) continue;
      if (p.touching) this.setTouching(p, false);
      this.pairs.delete(key);
    }
  }

  /** Hands out the body-level changes since the last call. */
  drain(callback: (a: number, b: number, touching: boolean) => void): void {
    for (const [a, b, t] of this.pending) callback(a, b, t);
    this.pending.length = 0;
  }

  /** The tracked pairs as plain data. */
  save(): ContactState {
    return [...this.pairs.values()].map((p) => [p.c1, p.c2, p.a, p.b, p.touching ? 1 : 0]);
  }

  /** Replaces the tracked pairs with saved ones (pending changes are dropped: none between steps). */
  load(state: ContactState): void {
    this.pairs = new Map();
    this.bodyTouch.clear();
    this.pending.length = 0;
    for (const [c1, c2, a, b, t] of state) {
      const p: TrackedPair = { c1: c1!, c2: c2!, a: a!, b: b!, touching: t === 1 };
      this.pairs.set(colliderKey(p.c1, p.c2), p);
      if (p.touching) this.bodyTouch.set(bodyKey(p.a, p.b), (this.bodyTouch.get(bodyKey(p.a, p.b)) ?? 0) + 1);
    }
  }

  private setTouching(p: TrackedPair, touching: boolean): void {
    p.touching = touching;
    const key = bodyKey(p.a, p.b);
    const n = (this.bodyTouch.get(key) ?? 0) + (touching ? 1 : -1);
    if (n === 0) this.bodyTouch.delete(key);
    else this.bodyTouch.set(key, n);
    if (touching && n === 1) this.pending.push([p.a, p.b, true]);
    if (!touching && n === 0) this.pending.push([p.a, p.b, false]);
  }
}
