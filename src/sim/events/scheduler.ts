/**
 * The master clock of the events engine: a binary-heap priority queue of timed events. Events
 * come out in time order; events at the same time come out in the order they were scheduled
 * (a running sequence number breaks the tie), so a run is the same on every machine and every
 * run. Plain data: a snapshot of the queue is a copy of its array.
 */

/** A scheduled event: when, its place in the tie-break, and what it is (plain data). */
export interface Scheduled<T> {
  time: number;
  seq: number;
  event: T;
}

/** The queue's state as plain data. */
export interface QueueState<T> {
  heap: Scheduled<T>[];
  seq: number;
}

/** True when `a` comes out before `b`. */
const before = <T>(a: Scheduled<T>, b: Scheduled<T>): boolean => a.time < b.time || (a.time === b.time && a.seq < b.seq);

/** A binary min-heap of timed events with a deterministic tie-break (time, then insertion order). */
export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private seq = 0;

  /** Events waiting. */
  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest event, Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.time ?? Infinity;
  }

  /** Schedules `event` at `time`. Throws on a time that is not a number. */
  push(time: number, event: T): void {
    if (Number.isNaN(time)) throw new RangeError('cannot schedule an event at NaN');
    const heap = this.heap;
    const item: Scheduled<T> = { time, seq: this.seq++, event };
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  /** Takes the earliest event out; undefined when empty. */
  pop(): Scheduled<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** The queue as plain data (a deep copy when the events are plain data). */
  save(): QueueState<T> {
    return structuredClone({ heap: this.heap, seq: this.seq });
  }

  /** Puts a saved queue back. */
  load(state: QueueState<T>): void {
    const copy = structuredClone(state);
    this.heap = copy.heap;
    this.seq = copy.seq;
  }
}
