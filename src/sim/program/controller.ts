/**
 * The cell's controller: robot programs and equipment (machines, operator stations, pallets,
 * accumulating and sink conveyors) run as a small discrete-event simulation inside each physics
 * step. Each agent has the time of its next transition (`due`); {@link CellController.advance}
 * fires the earliest one up to the end of the step, again and again, so transitions happen in
 * time order at their exact times across all robots and machines (ties: robots in document order,
 * then stations, then pallets). When an agent changes anything, every waiting program is retried
 * at that instant; at the start of each step they are retried too, for what the physics decides
 * (sensors, parts reaching the tool). The events engine switches to targeted waking instead
 * ({@link CellController.wakeOnChange}): a waiting program is subscribed to what its step waits
 * for and retried only when that changes.
 *
 * It owns the activity log (activity.ts): every state change of every resource, loop
 * completions and finished parts.
 */
import type { Cell, RobotItem } from '../../model/cell';
import { equipmentSignals } from '../../model/cell-checks';
import { ActivityRecorder, type RecorderData } from '../activity';
import type { CellModel } from '../cell-model';
import { ConveyorControl } from '../equipment/conveyors';
import { PalletStack, type PalletState } from '../equipment/pallet';
import { Station, type StationState } from '../equipment/station';
import { DEFAULT_TCP_ACCELERATION, DEFAULT_TCP_SPEED, RobotMotion } from '../robot-motion';
import { TargetFrames } from '../targets';
import { cellPartMass } from '../../motion/carried-load';
import type { RobotProgramState } from './context';
import { Signals, Zones, type CoordinationState } from './coordination';
import type { StateHasher } from '../state-hash';
import type { ProgramHost } from './host';
import { RobotProgram } from './interpreter';
import { compilePrograms } from './steps';

/** Transitions allowed in one step before the programs are taken to loop without taking time. */
const MAX_FIRES_PER_STEP = 100_000;

/** The controller's state as plain data, for snapshots. */
export interface ControllerState {
  programs: RobotProgramState[];
  signals: CoordinationState['signals'];
  zones: CoordinationState['zones'];
  stations: StationState[];
  pallets: PalletState[];
  /** Per accumulating conveyor: belt stopped. */
  conveyors: boolean[];
  recorder: RecorderData;
}

interface Agent {
  readonly due: number;
  fire(time: number): boolean;
}

/** Programs and equipment of a cell (see the module comment). */
export class CellController {
  readonly signals: Signals;
  readonly zones = new Zones();
  readonly frames: TargetFrames;
  readonly programs: RobotProgram[];
  readonly stations: Station[];
  readonly pallets: PalletStack[];
  readonly conveyors: ConveyorControl;
  private readonly agents: Agent[];
  private readonly idleRobots: string[];
  /** Owner item of each signal equipment provides. */
  private readonly signalOwners: Map<string, string>;
  /** Targeted waking (the events engine): waiting programs by what they wait for, and each one's topics. */
  private waiters: Map<string, Set<RobotProgram>> | null = null;
  private readonly topicsOf = new Map<RobotProgram, string[]>();
  /** Times a waiting program was retried (its step begun again), for the bench and the tests. */
  retries = 0;
  /** Programs fired since {@link takeFired} was last called (targeted waking). */
  private readonly fired = new Set<RobotProgram>();
  /** The time of the transition being fired (targeted waking). */
  private clock = 0;
  /** Retry every waiting program at the next advance (after a restore). */
  private wakeAll = false;

  /** Throws CellContentError (with the path in the file) for programs the robots cannot run. */
  constructor(
    cell: Cell,
    model: CellModel,
    host: ProgramHost,
    /** Where every state change goes; the host logs finished parts into the same one. */
    readonly recorder: ActivityRecorder = new ActivityRecorder(),
  ) {
    this.frames = new TargetFrames(cell);
    const robotItems = new Map(cell.items.filter((i): i is RobotItem => i.type === 'robot').map((i) => [i.id, i]));
    const partMass = cellPartMass(cell);
    const motions = model.rigs.map((rig) => new RobotMotion(rig, robotItems.get(rig.id)!, partMass));
    const compiled = compilePrograms(cell, model.rigs, motions, this.frames).sort((a, b) => a.rig - b.rig);
    const served = new Set(compiled.flatMap((p) => p.steps.flatMap((c) => (c.target >= 0 ? [this.frames.item(c.target)?.id ?? ''] : []))));

    this.stations = [];
    this.pallets = [];
    for (const item of cell.items) {
      if (item.type === 'machine') {
        this.stations.push(new Station({ id: item.id, kind: 'machine', processTime: item.processTime, doorTime: item.doorTime ?? 0, used: served.has(item.id) }, this.recorder));
      } else if (item.type === 'operator') {
        this.stations.push(new Station({ id: item.id, kind: 'operator', processTime: item.taskTime, doorTime: 0, used: served.has(item.id) }, this.recorder));
      } else if (item.type === 'pallet' && item.pattern) {
        this.pallets.push(new PalletStack({ ...item, pattern: item.pattern }));
      }
    }
    const stations = new Map(this.stations.map((s) => [s.spec.id, s]));
    const pallets = new Map(this.pallets.map((p) => [p.id, p]));
    this.signalOwners = equipmentSignals(cell.items);
    this.signals = new Signals(this.equipmentSignalReader(cell, stations, pallets, host));
    this.conveyors = new ConveyorControl(model.conveyors, model.belts, this.recorder);
    const ctx = { host, signals: this.signals, zones: this.zones, frames: this.frames, stations, pallets, recorder: this.recorder };
    const defaults = { tcpSpeed: DEFAULT_TCP_SPEED, tcpAcceleration: DEFAULT_TCP_ACCELERATION };
    this.programs = compiled.map((p) => new RobotProgram(p, motions[p.rig]!, ctx, defaults));
    const running = new Set(compiled.map((p) => p.robot));
    this.idleRobots = model.rigs.map((r) => r.id).filter((id) => !running.has(id));
    this.agents = [
      ...this.programs,
      ...this.stations.map((s): Agent => ({ get due() { return s.due; }, fire: (t) => (s.fire(t), true) })),
      ...this.pallets.map((p): Agent => ({
        get due() { return p.due; },
        fire: (t) => {
          for (const part of p.exchange()) host.removePart(part, t);
          return true;
        },
      })),
    ];
  }

  /** Records every resource's first state at time 0. */
  start(): void {
    for (const id of this.idleRobots) this.recorder.enter(id, 'robot', 'idle', 0);
    for (const p of this.programs) p.start(0);
    for (const s of this.stations) s.start(0);
    this.conveyors.start(0);
  }

  /**
   * Switches to targeted waking (the events engine): a waiting program is retried only when
   * something it waits for changes — a signal (or the equipment providing it), a zone, a station,
   * a pallet, a conveyor's sensor, the parts (for a pick at a belt or a table) — announced by
   * {@link notify}, not after every transition. A retry that fails changes nothing, so skipping
   * the ones whose condition did not change gives the same run.
   */
  wakeOnChange(): void {
    const waiters = new Map<string, Set<RobotProgram>>();
    this.waiters = waiters;
    this.signals.onChange = (name) => this.notify(`signal:${name}`);
    this.zones.onChange = (zone) => this.notify(`zone:${zone}`);
    for (const s of this.stations) s.onChange = () => this.notify(`item:${s.spec.id}`);
    for (const p of this.pallets) p.onChange = () => this.notify(`item:${p.id}`);
  }

  /** Wakes the programs waiting on `topic` (targeted waking) at `time` (default: the transition being fired). */
  notify(topic: string, time = this.clock): void {
    const set = this.waiters?.get(topic);
    if (set) for (const p of set) p.wake(time);
  }

  /**
   * Fires every transition due after `from` up to and including `to`, in time order (ties in
   * agent order). Without targeted waking every waiting program is retried at `from` and after
   * each transition that changed something; with it ({@link wakeOnChange}) only the programs
   * woken by what they wait for are due.
   */
  advance(from: number, to: number): void {
    if (!this.waiters || this.wakeAll) for (const p of this.programs) p.wake(this.waiters ? to : from);
    this.wakeAll = false;
    for (let fires = 0; ; fires++) {
      let best: Agent | null = null;
      let time = Infinity;
      for (const a of this.agents) {
        if (a.due <= to && a.due < time) {
          best = a;
          time = a.due;
        }
      }
      if (!best) return;
      if (fires > MAX_FIRES_PER_STEP) {
        for (const p of this.programs) if (p.due === time) p.stop(time, 'the programs wait on each other without taking any time', p.program.steps[p.state.index]?.path ?? '');
        continue;
      }
      if (this.waiters) this.fireWoken(best, time);
      else if (best.fire(time)) for (const p of this.programs) p.wake(time);
    }
  }

  /** Fires one agent under targeted waking: a program is unsubscribed while it runs and subscribed again if it still waits. */
  private fireWoken(agent: Agent, time: number): void {
    const program = agent instanceof RobotProgram ? agent : null;
    if (program) {
      if (program.waiting) this.retries++;
      this.unregister(program);
      this.fired.add(program);
    }
    this.clock = time;
    agent.fire(time);
    if (program?.waiting) this.register(program);
  }

  /** The programs fired since the last call, in document order (targeted waking). */
  takeFired(): RobotProgram[] {
    const out = [...this.fired].sort((a, b) => a.rig - b.rig);
    this.fired.clear();
    return out;
  }

  /** Subscribes a waiting program to what it waits for. */
  private register(p: RobotProgram): void {
    const topics = this.waitTopics(p);
    this.topicsOf.set(p, topics);
    for (const t of topics) {
      let set = this.waiters!.get(t);
      if (!set) this.waiters!.set(t, (set = new Set()));
      set.add(p);
    }
  }

  private unregister(p: RobotProgram): void {
    for (const t of this.topicsOf.get(p) ?? []) this.waiters!.get(t)?.delete(p);
    this.topicsOf.delete(p);
  }

  /**
   * What a waiting program's step waits for, as topics: `signal:NAME` (and `item:ID` or
   * `sensor:CONVEYOR` for a signal equipment provides), `sensor:CONVEYOR`, `zone:NAME`,
   * `item:ID` (a station or pallet), `parts` (a part to come within reach), `robot:INDEX` (the
   * engine's wake when a part on a belt reaches the tool).
   */
  private waitTopics(p: RobotProgram): string[] {
    const c = p.program.steps[p.state.index]!;
    const step = c.step;
    const item = (target: number) => (target >= 0 ? this.frames.item(target)?.id ?? null : null);
    switch (step.type) {
      case 'waitSignal': {
        const owner = this.signalOwners.get(step.signal);
        const isItem = owner !== undefined && (this.stations.some((s) => s.spec.id === owner) || this.pallets.some((x) => x.id === owner));
        return owner === undefined ? [`signal:${step.signal}`] : [`signal:${step.signal}`, isItem ? `item:${owner}` : `sensor:${owner}`];
      }
      case 'waitSensor':
        return [`sensor:${step.conveyor}`];
      case 'zoneRequest':
        return [`zone:${step.zone}`];
      case 'moveJ':
      case 'moveL': {
        const id = item(c.target);
        return id === null ? ['parts'] : [`item:${id}`];
      }
      case 'pick':
      case 'place': {
        const id = item(c.target >= 0 ? c.target : p.state.lastTarget);
        return [...(id === null ? [] : [`item:${id}`]), 'parts', `robot:${p.rig}`];
      }
      default:
        return ['parts'];
    }
  }

  /** Adds where each program, station and pallet is (step, phase, loops, parts) to a state hash. */
  hashInto(h: StateHasher): void {
    for (const p of this.programs) h.addInt(p.state.index).addString(p.state.phase).addInt(p.state.cycles).addFloat(p.state.due);
    for (const s of this.stations) h.addString(s.state.phase).addInt(s.state.part ?? -1).addFloat(s.state.due);
    for (const p of this.pallets) h.addInt(p.parts().filter((x) => x !== null).length);
  }

  /** The state as plain data. */
  save(): ControllerState {
    return structuredClone({
      programs: this.programs.map((p) => p.state),
      signals: this.signals.save(),
      zones: this.zones.save(),
      stations: this.stations.map((s) => s.state),
      pallets: this.pallets.map((p) => p.state),
      conveyors: this.conveyors.stopped,
      recorder: this.recorder.save(),
    });
  }

  /** Puts back a saved state. */
  load(saved: ControllerState): void {
    const s = structuredClone(saved);
    this.programs.forEach((p, i) => (p.state = s.programs[i]!));
    this.signals.load(s.signals);
    this.zones.load(s.zones);
    this.stations.forEach((st, i) => (st.state = s.stations[i]!));
    this.pallets.forEach((p, i) => (p.state = s.pallets[i]!));
    this.conveyors.load(s.conveyors);
    this.recorder.load(s.recorder);
    if (this.waiters) {
      // Subscriptions are not saved: every waiting program subscribes again and is retried once.
      this.waiters.clear();
      this.topicsOf.clear();
      for (const p of this.programs) {
        if (!p.waiting) continue;
        this.register(p);
      }
      this.wakeAll = true;
    }
  }

  /** Reads the signals equipment provides (model/cell-checks.ts equipmentSignals). */
  private equipmentSignalReader(cell: Cell, stations: Map<string, Station>, pallets: Map<string, PalletStack>, host: ProgramHost) {
    const owners = equipmentSignals(cell.items);
    return (name: string): boolean | undefined => {
      const owner = owners.get(name);
      if (owner === undefined) return undefined;
      const suffix = name.slice(owner.length + 1);
      const station = stations.get(owner);
      if (station) return suffix === 'ready' ? station.ready : station.done;
      const pallet = pallets.get(owner);
      if (pallet) return pallet.full;
      return host.sensorOccupied(owner);
    };
  }
}
