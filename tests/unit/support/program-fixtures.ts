/**
 * Helpers for the program tests that need no physics: a cell's programs and equipment run by
 * the real controller (sim/program/controller.ts) on a fake simulation host — joint values as
 * plain arrays, a gripper that holds whatever part the test puts in reach, sensors the test sets.
 * Times come out exactly as the interpreter computes them, without a physics step in between.
 */
import { loadSimulationRobots } from '../../../src/cli/commands/run';
import type { Cell } from '../../../src/model/cell';
import { buildCellModel } from '../../../src/sim/cell-model';
import type { SimEvent } from '../../../src/sim/events';
import { LinearJointMove, type JointTrajectory } from '../../../src/sim/joint-motion';
import { CellController } from '../../../src/sim/program/controller';
import type { ProgramHost } from '../../../src/sim/program/host';

/** A simulation host made of plain numbers (see the module comment). */
export class FakeHost implements ProgramHost {
  readonly q: Float64Array[];
  readonly events: SimEvent[] = [];
  /** Parts the test put within reach of each robot's tool. */
  readonly reachable: (number | null)[];
  readonly sensors = new Map<string, boolean>();
  readonly finished: { part: number; time: number; sink: string }[] = [];
  readonly removed: number[] = [];
  private readonly trajectories: ({ t: JointTrajectory; start: number } | null)[];
  private readonly holding: (number | null)[];

  constructor(
    initial: readonly Float64Array[],
    private readonly speeds: readonly Float64Array[],
  ) {
    this.q = initial.map((q) => Float64Array.from(q));
    this.trajectories = initial.map(() => null);
    this.holding = initial.map(() => null);
    this.reachable = initial.map(() => null);
  }

  settleArm(robot: number, time: number): Float64Array {
    const tr = this.trajectories[robot];
    if (tr && tr.start + tr.t.duration <= time) {
      tr.t.sample(tr.t.duration, this.q[robot]!);
      this.trajectories[robot] = null;
    }
    return this.q[robot]!;
  }
  follow(robot: number, t: JointTrajectory, start: number): void {
    this.trajectories[robot] = { t, start };
  }
  moveLinear(robot: number, q: ArrayLike<number>, speed: number, time: number): number {
    const move = LinearJointMove.plan(this.settleArm(robot, time), q, this.speeds[robot]!, speed);
    this.follow(robot, move, time);
    return move.duration;
  }
  held(robot: number): number | null {
    return this.holding[robot]!;
  }
  partAtTool(robot: number): number | null {
    return this.reachable[robot]!;
  }
  grip(robot: number, time: number, part?: number): number | null {
    const id = part ?? this.reachable[robot]!;
    if (id === null) return null;
    this.holding[robot] = id;
    this.reachable[robot] = null;
    this.events.push({ type: 'pick', time, robot: `#${robot}`, part: `part-${id}` });
    return id;
  }
  release(robot: number, time: number): number | null {
    const id = this.holding[robot]!;
    this.holding[robot] = null;
    if (id !== null) this.events.push({ type: 'release', time, robot: `#${robot}`, part: `part-${id}` });
    return id;
  }
  holdPart(): void {}
  toolDistance(): number {
    return 0;
  }
  partRadius(): number {
    return 0.05;
  }
  finishPart(part: number, time: number, sink: string): void {
    this.finished.push({ part, time, sink });
  }
  removePart(part: number): void {
    this.removed.push(part);
  }
  sensorOccupied(conveyor: string): boolean {
    return this.sensors.get(conveyor) ?? false;
  }
  event(e: SimEvent): void {
    this.events.push(e);
  }
}

/** A cell's controller on a {@link FakeHost}, stepped like the simulation steps it. */
export async function fakeRun(cell: Cell, dt = 1 / 240) {
  const model = buildCellModel(cell, await loadSimulationRobots(cell));
  const host = new FakeHost(
    model.rigs.map((r) => r.initialQ),
    model.rigs.map((r) => r.speed),
  );
  const controller = new CellController(cell, model, host);
  controller.start();
  let steps = 0;
  return {
    host,
    controller,
    model,
    /** Loads a saved controller state taken at `time` and goes on from there. */
    restore(saved: ReturnType<CellController['save']>, time: number) {
      controller.load(saved);
      steps = Math.ceil(time / dt - 1e-9);
    },
    /** Advances in steps of dt up to `time`, as SimulationCore.runUntil does. */
    runUntil(time: number) {
      while (steps < Math.ceil(time / dt - 1e-9)) {
        controller.advance(steps * dt, (steps + 1) * dt);
        steps++;
      }
      return controller.recorder.log(steps * dt);
    },
  };
}
