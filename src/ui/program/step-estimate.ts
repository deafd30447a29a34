/**
 * Estimated step durations for the program editor: the one adapter between the editor and the
 * simulation's own motion planning. Each move is planned exactly as the interpreter plans it
 * (src/sim/program/moves.ts): the target's TCP pose (stopped short by the approach), inverse
 * kinematics seeded with the previous joint values, MoveJ / MoveL from the motion layer with the
 * robot's library limits, and blended chains as one BlendedSequence. Tool, I/O and process steps
 * take their stated or library times. Waits for parts, signals and zones depend on the rest of
 * the cell and are counted as 0 s (flagged `waits`): the sum is the loop's time when nothing waits.
 *
 * A looping program is walked twice and the second pass reported, so the first move starts from
 * where the loop's last move ends, as it does in every cycle after the first.
 */
import { mat4Create } from '../../kinematics/mat4';
import type { Cell, ProgramStep, RobotItem } from '../../model';
import type { RobotDescription } from '../../model/robot-description';
import { LinearJointMove } from '../../sim/joint-motion';
import { HullCache } from '../../sim/link-shapes';
import { DEFAULT_TCP_ACCELERATION, DEFAULT_TCP_SPEED, RobotMotion } from '../../sim/robot-motion';
import { RobotRig } from '../../sim/robot-rig';
import { TargetFrames } from '../../sim/targets';
import type { BlendableMove } from '../../motion/trajectory';

/** The estimate of one step. */
export interface StepEstimate {
  /** Seconds the step takes when nothing waits; null when it cannot be planned (see `problem`). */
  seconds: number | null;
  /** The step waits for something outside the robot (a part, a signal, a zone): its time is not counted. */
  waits: boolean;
  /** Why a move cannot be planned: out of reach, a MoveL through a singularity… */
  problem: string | null;
}

/** The estimate of a program. */
export interface ProgramEstimate {
  steps: StepEstimate[];
  /** Sum of the steps' seconds (one loop when nothing waits). */
  total: number;
}

const isMove = (s: ProgramStep | undefined): boolean => s?.type === 'moveJ' || s?.type === 'moveL';

/** Plans one move from `q`; a string says why it cannot be planned. */
function planMove(step: ProgramStep, q: Float64Array, motion: RobotMotion, frames: TargetFrames): BlendableMove | string {
  if (step.type !== 'moveJ' && step.type !== 'moveL') return `not a move: ${step.type}`;
  const speed = step.speed ?? 1;
  if (step.type === 'moveJ' && step.joints) return motion.moveJ(q, step.joints, speed);
  const target = frames.indexOf(step.target ?? '');
  if (target < 0) return `no target ${JSON.stringify(step.target)}`;
  const base = motion.toBase(frames.world(target, 0, step.approach ?? 0, mat4Create()));
  if (step.type === 'moveJ') {
    const to = motion.solve(base, q);
    return to === null ? `target ${JSON.stringify(step.target)} is out of reach` : motion.moveJ(q, to, speed);
  }
  const line = motion.moveL(q, base, { speed, tcpSpeed: step.tcpSpeed ?? DEFAULT_TCP_SPEED, tcpAcceleration: step.tcpAcceleration ?? DEFAULT_TCP_ACCELERATION });
  return line.ok ? line.trajectory : `moveL to ${JSON.stringify(step.target)}: ${line.failure.message}`;
}

/** Fixed time of a step that is not a move (tool, I/O, process, waits). */
function dwell(step: ProgramStep, actuation: number): Pick<StepEstimate, 'seconds' | 'waits'> {
  switch (step.type) {
    case 'pick':
      return { seconds: step.gripTime ?? actuation, waits: false };
    case 'place':
      return { seconds: step.releaseTime ?? actuation, waits: false };
    case 'grip':
    case 'release':
      return { seconds: actuation, waits: false };
    case 'process':
    case 'wait':
      return { seconds: step.seconds, waits: false };
    case 'setSignal':
      return { seconds: step.dwell ?? 0, waits: false };
    case 'waitSensor':
      return { seconds: step.settle ?? 0, waits: true };
    case 'waitSignal':
    case 'zoneRequest':
      return { seconds: 0, waits: true };
    default:
      return { seconds: 0, waits: false };
  }
}

/**
 * Estimates each step of `robot`'s program in `cell`. `arm` and `tool` are the robot's parsed
 * descriptions (the tool's may be null: a bare flange). Returns null when the robot has no program.
 */
export function estimateProgram(cell: Cell, robot: string, arm: RobotDescription, tool: RobotDescription | null): ProgramEstimate | null {
  const item = cell.items.find((i): i is RobotItem => i.id === robot && i.type === 'robot');
  const program = cell.programs.find((p) => p.robot === robot);
  if (!item || !program) return null;
  const rig = new RobotRig(item, { arm, tool }, new HullCache(undefined), []);
  const motion = new RobotMotion(rig, item);
  const frames = new TargetFrames(cell);
  const actuation = rig.gripper?.gripper.actuationTime ?? 0;
  const steps = program.steps;
  let q = Float64Array.from(rig.initialQ);
  let out: StepEstimate[] = [];
  const passes = (program.loop ?? true) ? 2 : 1;
  for (let pass = 0; pass < passes; pass++) {
    out = [];
    for (let k = 0; k < steps.length; ) {
      const step = steps[k]!;
      if (step.type === 'moveJoints') {
        const move = LinearJointMove.plan(q, step.q, rig.speed, step.speed ?? 1);
        out.push({ seconds: move.duration, waits: false, problem: null });
        q = Float64Array.from(step.q);
        k++;
        continue;
      }
      if (!isMove(step)) {
        out.push({ ...dwell(step, actuation), problem: null });
        k++;
        continue;
      }
      // A chain of moves blended into each other runs as one sequence, as in the interpreter.
      const moves: BlendableMove[] = [];
      const radii: number[] = [];
      let failure: string | null = null;
      let j = k;
      for (;;) {
        const s = steps[j]!;
        const planned = planMove(s, q, motion, frames);
        j++;
        if (typeof planned === 'string') {
          failure = planned;
          break;
        }
        moves.push(planned);
        q = Float64Array.from(planned.end);
        const radius = s.type === 'moveJ' || s.type === 'moveL' ? (s.blend ?? 0) : 0;
        if (!(radius > 0 && isMove(steps[j]))) break;
        radii.push(radius);
      }
      if (moves.length > 0) {
        const alone = moves.map((m) => m.duration);
        const sum = alone.reduce((a, b) => a + b, 0);
        // The blended sequence saves time at the corners; each move gets its share of the total.
        const total = moves.length === 1 ? sum : motion.blend(moves, radii).duration;
        for (const d of alone) out.push({ seconds: sum > 0 ? (d * total) / sum : 0, waits: false, problem: null });
      }
      if (failure !== null) out.push({ seconds: null, waits: false, problem: failure });
      k = j;
    }
  }
  const total = out.reduce((a, s) => a + (s.seconds ?? 0), 0);
  return { steps: out, total };
}
