/**
 * What robots coordinate through: named boolean signals and shared zones.
 *
 * Signals are the cell's I/O: programs set them (`setSignal`) and wait for them (`waitSignal`);
 * equipment provides some itself (`cnc-1.done`, see model/cell-checks.ts equipmentSignals), read
 * live from the equipment. A signal nobody has set is false.
 *
 * Zones are interlocks: one robot at a time holds a zone. A robot that asks for a zone another
 * holds waits in a queue; when the zone is given back, the robot that asked first gets it (ties
 * — two requests at the same instant — go to the robot that comes first in the document,
 * because the scheduler serves agents in that order).
 */

/** Signals and zones as plain data, for snapshots. */
export interface CoordinationState {
  signals: [string, boolean][];
  zones: { zone: string; holder: string | null; queue: string[] }[];
}

/** The cell's signals. */
export class Signals {
  private readonly values = new Map<string, boolean>();
  /** Called after a program sets a signal (the events engine wakes the robots waiting on it). */
  onChange: ((name: string) => void) | null = null;

  /** @param provided reads a signal equipment provides; undefined when no equipment provides it */
  constructor(private readonly provided: (name: string) => boolean | undefined) {}

  /** The value of `name` now. */
  read(name: string): boolean {
    return this.provided(name) ?? this.values.get(name) ?? false;
  }

  /** Sets a program signal. */
  set(name: string, value: boolean): void {
    this.values.set(name, value);
    this.onChange?.(name);
  }

  save(): [string, boolean][] {
    return [...this.values];
  }

  load(saved: readonly [string, boolean][]): void {
    this.values.clear();
    for (const [k, v] of saved) this.values.set(k, v);
  }
}

/** The cell's shared zones. */
export class Zones {
  private readonly zones = new Map<string, { holder: string | null; queue: string[] }>();
  /** Called after a zone is given back or a queue changes (the events engine wakes the robots waiting on it). */
  onChange: ((zone: string) => void) | null = null;

  private zone(name: string): { holder: string | null; queue: string[] } {
    let z = this.zones.get(name);
    if (!z) this.zones.set(name, (z = { holder: null, queue: [] }));
    return z;
  }

  /**
   * `robot` asks for `zone`: true when it holds it now (it was free and no earlier request
   * waits, or the robot held it already); false when it must wait (it joins the queue once).
   */
  request(name: string, robot: string): boolean {
    const z = this.zone(name);
    if (z.holder === robot) return true;
    if (z.holder === null && (z.queue.length === 0 || z.queue[0] === robot)) {
      z.holder = robot;
      if (z.queue[0] === robot) z.queue.shift();
      return true;
    }
    if (!z.queue.includes(robot)) z.queue.push(robot);
    return false;
  }

  /** `robot` gives `zone` back (nothing happens when it does not hold it). */
  release(name: string, robot: string): void {
    const z = this.zone(name);
    if (z.holder === robot) z.holder = null;
    this.onChange?.(name);
  }

  /** Who holds `zone`, or null. */
  holder(name: string): string | null {
    return this.zones.get(name)?.holder ?? null;
  }

  /** Drops `robot` from every zone and queue (its program stopped). */
  forget(robot: string): void {
    for (const [name, z] of this.zones) {
      if (z.holder === robot) z.holder = null;
      z.queue = z.queue.filter((r) => r !== robot);
      this.onChange?.(name);
    }
  }

  save(): CoordinationState['zones'] {
    return [...this.zones].map(([zone, z]) => ({ zone, holder: z.holder, queue: [...z.queue] }));
  }

  load(saved: CoordinationState['zones']): void {
    this.zones.clear();
    for (const z of saved) this.zones.set(z.zone, { holder: z.holder, queue: [...z.queue] });
  }
}
