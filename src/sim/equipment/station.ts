/**
 * A station robots load and unload: a machine (CNC, press, inspection) or an operator's work
 * place. One part at a time:
 *
 *   empty ─place→ loading ─(place ends)→ door closing → processing → door opening → done
 *     ↑                                                                              │
 *     └──────────── (pick ends) ←─ unloading ←─pick───────────────────────────────────┘
 *
 * A machine records `starved` while empty (waiting for a part), `loading`, `door`, `processing`,
 * `blocked` while a finished part waits to be taken, and `unloading`; a machine no program
 * serves is `idle`. An operator records `working` while on the task and `waiting` otherwise
 * (`idle` when no program brings parts). Timed phases end at exact times (the scheduler fires the
 * station at `due`), so a processing interval lasts exactly `processTime`.
 *
 * The part stays where the robot put it, held still (kinematic) by the station until a robot
 * takes it: the part may sit in a chuck or fixture in mid-air.
 */
import type { ActivityRecorder, MachineState, OperatorState } from '../activity';

/** Phases of a station (see the module comment). */
export type StationPhase = 'empty' | 'loading' | 'closing' | 'processing' | 'opening' | 'done' | 'unloading';

/** A station's state as plain data. */
export interface StationState {
  phase: StationPhase;
  /** The part's body id, or null. */
  part: number | null;
  /** End of the current timed phase (closing, processing, opening); Infinity otherwise. */
  due: number;
}

/** What a station is. */
export interface StationSpec {
  id: string;
  kind: 'machine' | 'operator';
  /** Processing (or manual task) time (s). */
  processTime: number;
  /** Door closing and opening time (s); 0 for operators. */
  doorTime: number;
  /** Whether any program loads or unloads here (else it is recorded idle). */
  used: boolean;
}

const MACHINE_STATE: Record<StationPhase, MachineState> = {
  empty: 'starved',
  loading: 'loading',
  closing: 'door',
  processing: 'processing',
  opening: 'door',
  done: 'blocked',
  unloading: 'unloading',
};

/** A machine or operator station (see the module comment). */
export class Station {
  state: StationState = { phase: 'empty', part: null, due: Infinity };
  /** Called after every change of phase or part (the events engine wakes the robots waiting on the station). */
  onChange: (() => void) | null = null;

  constructor(
    readonly spec: StationSpec,
    private readonly recorder: ActivityRecorder,
  ) {}

  /** Records the state at the start of the run. */
  start(time: number): void {
    this.record(time);
  }

  /** The time of the station's next own transition (Infinity when it waits for a robot). */
  get due(): number {
    return this.state.due;
  }

  /** Empty with the door open: a robot may place a part. Signal `ID.ready`. */
  get ready(): boolean {
    return this.state.phase === 'empty';
  }

  /** A finished part waits to be unloaded. Signal `ID.done`. */
  get done(): boolean {
    return this.state.phase === 'done';
  }

  /** The part inside, or null. */
  get part(): number | null {
    return this.state.part;
  }

  /** A robot starts placing `part` at `time`. */
  beginLoad(part: number, time: number): void {
    this.state = { phase: 'loading', part, due: Infinity };
    this.record(time);
  }

  /** The robot let go of the part at `time`: the door closes, then processing starts. */
  endLoad(time: number): void {
    this.enter(this.spec.doorTime > 0 ? 'closing' : 'processing', time);
  }

  /** A robot starts taking the finished part at `time`. */
  beginUnload(time: number): void {
    this.state = { ...this.state, phase: 'unloading', due: Infinity };
    this.record(time);
  }

  /** The robot has the part: the station is empty again. */
  endUnload(time: number): void {
    this.state = { phase: 'empty', part: null, due: Infinity };
    this.record(time);
  }

  /** Ends the timed phase due at `time`. */
  fire(time: number): void {
    switch (this.state.phase) {
      case 'closing':
        this.enter('processing', time);
        break;
      case 'processing':
        this.enter(this.spec.doorTime > 0 ? 'opening' : 'done', time);
        break;
      case 'opening':
        this.enter('done', time);
        break;
      default:
        this.state.due = Infinity;
    }
  }

  /** Enters a phase at `time`, with its end time when it is timed. */
  private enter(phase: StationPhase, time: number): void {
    const length = phase === 'processing' ? this.spec.processTime : phase === 'closing' || phase === 'opening' ? this.spec.doorTime : Infinity;
    this.state = { ...this.state, phase, due: time + length };
    this.record(time);
    // A zero-length phase (no door, no process time) ends at once.
    if (length === 0) this.fire(time);
  }

  private record(time: number): void {
    this.onChange?.();
    const { id, kind, used } = this.spec;
    if (kind === 'machine') {
      this.recorder.enter(id, 'machine', used ? MACHINE_STATE[this.state.phase] : 'idle', time);
    } else {
      const state: OperatorState = !used ? 'idle' : this.state.phase === 'processing' ? 'working' : 'waiting';
      this.recorder.enter(id, 'operator', state, time);
    }
  }
}
