/**
 * The events engine's clock: a binary heap that hands events out by time, and events at the
 * same time in the order they were scheduled, whatever the order of pushes and pops.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/events/scheduler';

describe('the event queue', () => {
  it('hands out events by time, ties in the order they were scheduled', () => {
    const q = new EventQueue<string>();
    q.push(2, 'b1');
    q.push(1, 'a');
    q.push(2, 'b2');
    q.push(0.5, 'first');
    q.push(2, 'b3');
    expect(q.peekTime()).toBe(0.5);
    const out: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.event);
    expect(out).toEqual(['first', 'a', 'b1', 'b2', 'b3']);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('matches a stable sort by time for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = new EventQueue<number>();
        const model: { time: number; id: number }[] = [];
        ops.forEach((op, id) => {
          if (op >= 0) {
            q.push(op, id);
            model.push({ time: op, id });
            return;
          }
          // The reference: the earliest time, and among equal times the earliest pushed.
          model.sort((a, b) => a.time - b.time || a.id - b.id);
          expect(q.pop()?.event).toBe(model.shift()?.id);
        });
        expect(q.size).toBe(model.length);
      }),
    );
  });

  it('saves and restores as plain data, continuing the same order', () => {
    const q = new EventQueue<{ kind: string }>();
    for (const [t, k] of [[3, 'c'], [1, 'a'], [3, 'd'], [2, 'b']] as const) q.push(t, { kind: k });
    const copy = new EventQueue<{ kind: string }>();
    copy.load(JSON.parse(JSON.stringify(q.save())));
    copy.push(3, { kind: 'e' });
    const out: string[] = [];
    for (let e = copy.pop(); e; e = copy.pop()) out.push(e.event.kind);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
