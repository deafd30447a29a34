/**
 * The program interpreter: one {@link RobotProgram} per robot, a state machine the scheduler
 * (controller.ts) fires at exact event times. A step begins the instant the previous one ends —
 * not at the next physics step — so a loop's cycle time is exactly the sum of its steps' times
 * plus its waits. Beginning a step either starts it (a move, the gripper, a dwell: it runs for a
 * known time) or finds it cannot start yet (no part, no room, a signal, a zone held elsewhere):
 * the robot then waits and is retried whenever anything in the cell changes, and at every
 * physics step for what only the physics knows (sensors, parts within reach).
 *
 * Every change of the robot's state goes to the activity log at the instant it happens; a
 * completed loop logs a cycle completion. A step the robot cannot carry out at all (a target out
 * of reach, a place with an empty gripper) stops the program with a `program-fault` event and
 * the robot idle, rather than stopping the whole simulation.
 */
import type { RobotState } from '../activity';
import type { RobotMotion } from '../robot-motion';
import { fault, run, wait, type BeginResult, type ProgramContext, type RobotProgramState } from './context';
import { beginPick, beginPlace } from './handling';
import { beginMoves } from './moves';
import type { CompiledProgram, CompiledStep } from './steps';

/** Tool speed and acceleration of moveL steps that name none. */
export interface MoveDefaults {
  tcpSpeed: number;
  tcpAcceleration: number;
}

/** One robot's program and where it is (see the module comment). */
export class RobotProgram {
  state: RobotProgramState;

  constructor(
    readonly program: CompiledProgram,
    readonly motion: RobotMotion,
    readonly ctx: ProgramContext,
    readonly defaults: MoveDefaults,
  ) {
    const empty = program.steps.length === 0;
    this.state = { phase: empty ? 'done' : 'start', index: 0, next: 0, due: empty ? Infinity : 0, cycles: 0, lastTarget: -1, claims: [], pending: null };
  }

  /** The robot's id. */
  get robot(): string {
    return this.program.robot;
  }

  /** The robot's index in the simulation (ProgramHost numbering). */
  get rig(): number {
    return this.program.rig;
  }

  /** When the program next needs the scheduler (Infinity: never, or when woken). */
  get due(): number {
    return this.state.due;
  }

  /** True while the program waits for something to change. */
  get waiting(): boolean {
    return this.state.phase === 'wait';
  }

  /** True while the robot holds a part. */
  holding(): boolean {
    return this.ctx.host.held(this.rig) !== null;
  }

  /** Records the state at the start of the run: idle for a program without steps. */
  start(time: number): void {
    if (this.state.phase === 'done') this.record('idle', time);
  }

  /** Retry a waiting program at `time`. */
  wake(time: number): void {
    if (this.state.phase === 'wait') this.state.due = time;
  }

  /**
   * Acts at `time` (= due): ends the running step, then begins steps until one takes time or
   * must wait. Returns true when anything changed (the scheduler then retries waiting programs).
   */
  fire(time: number): boolean {
    const s = this.state;
    let changed = false;
    if (s.phase === 'run') {
      this.complete(time);
      changed = true;
    }
    // A whole loop of steps that take no time would never end: stop it after one round.
    for (let begun = 0; s.phase === 'start' || s.phase === 'wait'; begun++) {
      if (begun > this.program.steps.length) return this.stop(time, 'the program loops without taking any time', this.current().path);
      s.next = s.index + 1;
      const result = this.begin(this.current(), time);
      if (result.kind === 'fault') return this.stop(time, result.message, result.path ?? this.current().path);
      if (result.kind === 'wait') {
        s.phase = 'wait';
        s.due = Infinity;
        this.record(result.state, time, undefined, this.current().path);
        return changed;
      }
      changed = true;
      this.record(result.state, time, result.label, this.current().path);
      if (result.duration > 0) {
        s.phase = 'run';
        s.due = time + result.duration;
        return true;
      }
      this.complete(time);
    }
    return changed;
  }

  /** Stops the program after a fault at `time`: event, robot idle, zones and claims given back. */
  stop(time: number, message: string, step: string): boolean {
    const s = this.state;
    s.phase = 'fault';
    s.due = Infinity;
    for (const claim of s.claims) if (!claim.used) this.ctx.pallets.get(claim.pallet)?.unclaim(claim.slot);
    s.claims = [];
    this.ctx.zones.forget(this.robot);
    this.ctx.recorder.zonesFreedBy(this.robot, time);
    this.ctx.host.event({ type: 'program-fault', time, robot: this.robot, step, message });
    this.record('idle', time);
    return true;
  }

  private current(): CompiledStep {
    return this.program.steps[this.state.index]!;
  }

  private record(state: RobotState, time: number, label?: string, step?: string): void {
    this.ctx.recorder.enter(this.robot, 'robot', state, time, label, step);
  }

  /** Ends the running step at `time` and moves on; the end of the last step completes a loop. */
  private complete(time: number): void {
    const s = this.state;
    if (s.pending) {
      const station = this.ctx.stations.get(s.pending.station);
      if (s.pending.action === 'load') station?.endLoad(time);
      else station?.endUnload(time);
      s.pending = null;
    }
    s.index = s.next;
    s.phase = 'start';
    s.due = time;
    if (s.index < this.program.steps.length) return;
    s.cycles++;
    this.ctx.recorder.cycleComplete(this.robot, time);
    // Claims last one loop: what was not used goes back to the pallet.
    for (const claim of s.claims) if (!claim.used) this.ctx.pallets.get(claim.pallet)?.unclaim(claim.slot);
    s.claims = [];
    s.index = 0;
    if (!this.program.loop) {
      s.phase = 'done';
      s.due = Infinity;
      this.record('idle', time);
    }
  }

  /** Tries to begin step `c` at `time`. Nothing happens when it must wait. */
  private begin(c: CompiledStep, time: number): BeginResult {
    const { host, signals, zones } = this.ctx;
    const step = c.step;
    switch (step.type) {
      case 'moveJ':
      case 'moveL':
        return beginMoves(this, time);
      case 'moveJoints': {
        host.settleArm(this.rig, time);
        const moving: RobotState = this.holding() ? 'moving-loaded' : 'moving-empty';
        return run(host.moveLinear(this.rig, c.joints!, step.speed ?? 1, time), moving);
      }
      case 'pick':
        return beginPick(this, c, time);
      case 'place':
        return beginPlace(this, c, time);
      case 'grip':
        host.grip(this.rig, time);
        return run(c.gripperTime, 'gripper');
      case 'release':
        host.release(this.rig, time);
        return run(c.gripperTime, 'gripper');
      case 'waitSignal': {
        if (signals.read(step.signal) === (step.value ?? true)) return run(0, 'io');
        const reason = step.as ?? (step.signal.endsWith('.ready') ? 'blocked' : 'starved');
        return wait(`waiting-${reason}`);
      }
      case 'waitSensor': {
        const want = step.occupied ?? true;
        if (host.sensorOccupied(step.conveyor) === want) return run(step.settle ?? 0, 'io');
        return wait(want ? 'waiting-starved' : 'waiting-blocked');
      }
      case 'setSignal':
        signals.set(step.signal, step.value ?? true);
        return run(step.dwell ?? 0, 'io');
      case 'process':
        return run(step.seconds, 'processing', step.label);
      case 'wait':
        return run(step.seconds, 'io');
      case 'zoneRequest':
        if (!zones.request(step.zone, this.robot)) return wait('waiting-interlock');
        this.ctx.recorder.zoneHeld(step.zone, this.robot, time);
        return run(0, 'io');
      case 'zoneRelease':
        zones.release(step.zone, this.robot);
        this.ctx.recorder.zoneFreed(step.zone, this.robot, time);
        return run(0, 'io');
      default:
        return fault(`unknown step ${JSON.stringify((step as { type: unknown }).type)}`);
    }
  }
}
