/**
 * The contract between the simulation and the KPIs: what every resource was doing, when. The
 * engine records state changes as they happen (at exact event times, not only at physics steps);
 * the KPI layer turns the log into cycle times, utilization, breakdowns and the bottleneck.
 * Times are simulated seconds.
 */

/**
 * A robot's state, as docs/ARCHITECTURE.md's utilization definition lists them. `io` is I/O and sensor
 * dwell (setting a signal, a sensor's settle time), kept apart from waiting so the cycle-time
 * breakdown can show it.
 */
export type RobotState =
  | 'moving-loaded'
  | 'moving-empty'
  | 'processing'
  | 'gripper'
  | 'io'
  | 'waiting-starved'
  | 'waiting-blocked'
  | 'waiting-interlock'
  | 'idle';

/** A machine's state (CNC, press, inspection station). */
export type MachineState = 'loading' | 'door' | 'processing' | 'unloading' | 'starved' | 'blocked' | 'idle';

/** An operator station's state. */
export type OperatorState = 'working' | 'waiting' | 'idle';

/**
 * A part source's state: `supplying` between parts (the arrival process is running: its pace is
 * the cell's supply), `blocked` when a part is due but its spot on the belt is still taken,
 * `idle` before its start time and after its last part.
 */
export type PartSourceState = 'supplying' | 'blocked' | 'idle';

/** The log's resource id of the part source on `conveyor`. */
export function sourceResourceId(conveyor: string): string {
  return `${conveyor}/source`;
}

/** What kind of resource a log line is about. */
export type ResourceKind = 'robot' | 'machine' | 'operator' | 'conveyor' | 'source';

/** One stretch of time in one state. `end` is exclusive; intervals of a resource do not overlap. */
export interface ActivityInterval {
  resource: string;
  kind: ResourceKind;
  state: string;
  start: number;
  end: number;
  /** What the work was, where the program says (a process step's label: weld seam 1, grind…). */
  label?: string;
  /** The program step a robot was on, as its path in the cell file (`programs[0].steps[3]`), when the engine says. */
  step?: string;
}

/** A robot held a shared zone (interlock) from `start` to `end` (exclusive). */
export interface ZoneHold {
  zone: string;
  robot: string;
  start: number;
  end: number;
}

/** Everything a run recorded. */
export interface ActivityLog {
  /** Simulated time the log covers, from 0. */
  duration: number;
  intervals: ActivityInterval[];
  /** When each robot finished a loop of its program. */
  cycleCompletions: Array<{ resource: string; time: number }>;
  /** When each finished part left the cell (reached a sink). */
  partsFinished: Array<{ part: string; time: number }>;
  /** Who held each shared zone when, ordered by start (absent in logs from before zones were logged). */
  zones?: ZoneHold[];
}

/** A resource's current interval, still open. */
interface OpenInterval {
  kind: ResourceKind;
  state: string;
  start: number;
  label?: string;
  step?: string;
}

/** The open interval `o` of `resource`, ended at `end`. */
function closeAt(resource: string, o: OpenInterval, end: number): ActivityInterval {
  const closed: ActivityInterval = { resource, kind: o.kind, state: o.state, start: o.start, end };
  if (o.label !== undefined) closed.label = o.label;
  if (o.step !== undefined) closed.step = o.step;
  return closed;
}

/**
 * Records state changes. `enter` closes the resource's open interval at `time` and opens the new
 * one; zero-length intervals are dropped. Cheap enough to call on every change (no per-step cost).
 */
export class ActivityRecorder {
  private readonly open = new Map<string, OpenInterval>();
  private readonly intervals: ActivityInterval[] = [];
  private readonly cycles: Array<{ resource: string; time: number }> = [];
  private readonly parts: Array<{ part: string; time: number }> = [];
  private readonly zoneHolds: ZoneHold[] = [];
  /** Zone → its holder and since when. */
  private readonly heldZones = new Map<string, { robot: string; start: number }>();

  /**
   * `resource` is in `state` from `time` on, doing `label` when given (a process step's label),
   * on program step `step` when given (its path in the cell file).
   */
  enter(resource: string, kind: ResourceKind, state: string, time: number, label?: string, step?: string): void {
    const current = this.open.get(resource);
    if (current && current.state === state && current.label === label && current.step === step) return;
    if (current && time > current.start) this.intervals.push(closeAt(resource, current, time));
    const next: OpenInterval = { kind, state, start: time };
    if (label !== undefined) next.label = label;
    if (step !== undefined) next.step = step;
    this.open.set(resource, next);
  }

  /** The state `resource` is in now, or undefined when it was never recorded. */
  stateOf(resource: string): string | undefined {
    return this.open.get(resource)?.state;
  }

  /** `resource` completed a loop of its program at `time`. */
  cycleComplete(resource: string, time: number): void {
    this.cycles.push({ resource, time });
  }

  /** A finished part left the cell at `time`. */
  partFinished(part: string, time: number): void {
    this.parts.push({ part, time });
  }

  /** `robot` holds `zone` from `time` on (again holding a zone it holds changes nothing). */
  zoneHeld(zone: string, robot: string, time: number): void {
    const held = this.heldZones.get(zone);
    if (held?.robot === robot) return;
    if (held) this.zoneFreed(zone, held.robot, time);
    this.heldZones.set(zone, { robot, start: time });
  }

  /** `robot` gives `zone` back at `time` (nothing happens when it does not hold it). */
  zoneFreed(zone: string, robot: string, time: number): void {
    const held = this.heldZones.get(zone);
    if (held?.robot !== robot) return;
    this.heldZones.delete(zone);
    if (time > held.start) this.zoneHolds.push({ zone, robot, start: held.start, end: time });
  }

  /** `robot` gives back every zone it holds (its program stopped). */
  zonesFreedBy(robot: string, time: number): void {
    for (const [zone, held] of [...this.heldZones]) if (held.robot === robot) this.zoneFreed(zone, robot, time);
  }

  /** The log up to `time`, with every open interval closed there (the recorder stays usable). */
  log(time: number): ActivityLog {
    const closed = [...this.intervals];
    for (const [resource, o] of this.open) {
      if (time > o.start) closed.push(closeAt(resource, o, time));
    }
    closed.sort((a, b) => a.start - b.start || (a.resource < b.resource ? -1 : 1));
    const zones = [...this.zoneHolds];
    for (const [zone, held] of this.heldZones) if (time > held.start) zones.push({ zone, robot: held.robot, start: held.start, end: time });
    zones.sort((a, b) => a.start - b.start || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
    return { duration: time, intervals: closed, cycleCompletions: [...this.cycles], partsFinished: [...this.parts], zones };
  }

  /** Plain data for a snapshot (structured-clone safe). */
  save(): RecorderData {
    return { open: [...this.open], intervals: [...this.intervals], cycles: [...this.cycles], parts: [...this.parts], zoneHolds: [...this.zoneHolds], heldZones: [...this.heldZones] };
  }

  /** Restores what {@link save} returned. */
  load(d: RecorderData): void {
    this.open.clear();
    for (const [k, v] of d.open) this.open.set(k, v);
    this.intervals.splice(0, this.intervals.length, ...d.intervals);
    this.cycles.splice(0, this.cycles.length, ...d.cycles);
    this.parts.splice(0, this.parts.length, ...d.parts);
    this.zoneHolds.splice(0, this.zoneHolds.length, ...(d.zoneHolds ?? []));
    this.heldZones.clear();
    for (const [k, v] of d.heldZones ?? []) this.heldZones.set(k, v);
  }
}

/** A recorder's state as plain data. */
export interface RecorderData {
  open: Array<[string, OpenInterval]>;
  intervals: ActivityInterval[];
  cycles: Array<{ resource: string; time: number }>;
  parts: Array<{ part: string; time: number }>;
  /** Closed zone holds and the zones held now (optional: snapshots from before zones were logged). */
  zoneHolds?: ZoneHold[];
  heldZones?: Array<[string, { robot: string; start: number }]>;
}
