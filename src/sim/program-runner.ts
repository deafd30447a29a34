/**
 * A minimal runner for the cell's robot programs, enough to script a motion headless until the
 * programs issue defines the full step language (MoveJ/MoveL to targets, signals, interlocks…)
 * and replaces this file. Each program loops over its steps forever. Steps understood here:
 *
 * - `{"type": "moveJoints", "q": [rad…], "speed": 0..1}` — a synchronized joint move at the
 *   joints' velocity limits times `speed` (default 1);
 * - `{"type": "grip"}` / `{"type": "release"}` — the tool picks the part at its tool frame or
 *   lets it go, then waits the gripper's actuation time from the library;
 * - `{"type": "wait", "seconds": s}`.
 *
 * Step boundaries are exact times: a step starts when the previous one ends, not at the next
 * physics step, so a loop's cycle time is the sum of its steps (the physics samples in between).
 */
import type { Cell } from '../model/cell';
import { CellContentError } from './errors';

/** A step the runner understands. */
export type ProgramStep =
  | { type: 'moveJoints'; q: number[]; speed: number }
  | { type: 'grip' }
  | { type: 'release' }
  | { type: 'wait'; seconds: number };

const finiteList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The joint limits a program's robot has: what readStep checks targets against. */
export interface StepLimits {
  names: readonly string[];
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

/** Reads one step, or throws CellContentError naming its path. */
export function readStep(raw: Record<string, unknown>, path: string, limits: StepLimits): ProgramStep {
  const dof = limits.names.length;
  switch (raw['type']) {
    case 'moveJoints': {
      const q = raw['q'];
      if (!finiteList(q) || q.length !== dof) throw new CellContentError(`${path}.q`, `expected ${dof} joint values`);
      q.forEach((v, i) => {
        if (v < limits.lower[i]! - 1e-9 || v > limits.upper[i]! + 1e-9) {
          throw new CellContentError(`${path}.q[${i}]`, `${limits.names[i]} = ${v} is outside its limits [${limits.lower[i]}, ${limits.upper[i]}]`);
        }
      });
      const speed = raw['speed'] ?? 1;
      if (typeof speed !== 'number' || !(speed > 0 && speed <= 1)) throw new CellContentError(`${path}.speed`, 'expected a number in (0, 1]');
      return { type: 'moveJoints', q, speed };
    }
    case 'grip':
    case 'release':
      return { type: raw['type'] };
    case 'wait': {
      const s = raw['seconds'];
      if (typeof s !== 'number' || !Number.isFinite(s) || s < 0) throw new CellContentError(`${path}.seconds`, 'expected a number ≥ 0');
      return { type: 'wait', seconds: s };
    }
    default:
      throw new CellContentError(`${path}.type`, `unknown step type ${JSON.stringify(raw['type'])} (this build runs moveJoints, grip, release, wait)`);
  }
}

/** What the runner asks of the simulation. */
export interface ProgramHost {
  /** Starts a joint move at absolute time `start`; returns its duration. */
  moveJoints(robot: string, q: number[], speed: number, start: number): number;
  /** Grips or releases at `time`; returns the gripper's actuation time (s). */
  gripper(robot: string, action: 'grip' | 'release', time: number): number;
}

/** A program's progress, plain data for snapshots. */
export interface ProgramState {
  index: number;
  /** Whether the current step has been started. */
  started: boolean;
  start: number;
  end: number;
  /** Completed loops. */
  cycles: number;
}

/** One robot's program and where it is. */
export class ProgramRunner {
  state: ProgramState = { index: 0, started: false, start: 0, end: 0, cycles: 0 };

  constructor(
    readonly robot: string,
    readonly steps: readonly ProgramStep[],
  ) {}

  /** Reads the programs of a cell; `limitsOf` gives each robot's joint limits (undefined: no such robot). */
  static fromCell(cell: Cell, limitsOf: (robot: string) => StepLimits | undefined): ProgramRunner[] {
    return cell.programs.map((p, i) => {
      const limits = limitsOf(p.robot);
      if (limits === undefined) throw new CellContentError(`programs[${i}].robot`, `no robot item "${p.robot}"`);
      return new ProgramRunner(p.robot, p.steps.map((s, j) => readStep(s, `programs[${i}].steps[${j}]`, limits)));
    });
  }

  /** Starts and finishes steps up to absolute time `t` (the end of the coming physics step). */
  tick(t: number, host: ProgramHost): void {
    if (this.steps.length === 0) return;
    const s = this.state;
    // A loop of zero-length steps would spin forever; a thousand steps per tick is plenty.
    for (let guard = 0; guard < 1000; guard++) {
      if (!s.started) {
        const step = this.steps[s.index]!;
        s.started = true;
        if (step.type === 'moveJoints') s.end = s.start + host.moveJoints(this.robot, step.q, step.speed, s.start);
        else if (step.type === 'wait') s.end = s.start + step.seconds;
        else s.end = s.start + host.gripper(this.robot, step.type, s.start);
      }
      if (s.end > t) return;
      s.index++;
      if (s.index === this.steps.length) {
        s.index = 0;
        s.cycles++;
      }
      s.started = false;
      s.start = s.end;
    }
  }
}
