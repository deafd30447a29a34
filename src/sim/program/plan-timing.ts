/**
 * Program timing without running the cell: each step of one robot's program timed exactly as the
 * interpreter times it (moves.ts, interpreter.ts), and the loop's sum — the cycle the robot has
 * when it never waits. `celltwin plan CELL --robot ID`, `celltwin calibrate` and the program
 * editor's estimates all read it, so they agree with `celltwin run` to rounding.
 *
 * Same planning as the run: targets to TCP poses (stopped short by the approach), inverse
 * kinematics seeded with the previous joint values, MoveJ / MoveL from the motion layer through
 * {@link RobotMotion} (library limits, the cell's calibration, the payload model: the tool's mass,
 * plus the cell's part mass between a pick and a place), chains of blended moves as one
 * BlendedSequence. Tool steps take the tool's library actuation time or their own; dwell, process
 * and signal steps their stated times.
 *
 * What it cannot know without running: waits (for parts, signals, zones, room) count 0 s and are
 * flagged `mayWait`; a patterned pallet's target is timed at its first slot. A looping program is
 * walked three times and the last walk reported, so the first move starts where the loop's last
 * move ends, as in every cycle of the steady state.
 */
import { mat4Create } from '../../kinematics/mat4';
import type { Cell, ProgramStep, RobotItem } from '../../model/cell';
import type { RobotDescription } from '../../model/robot-description';
import { cellPartMass } from '../../motion/carried-load';
import type { MotionOverride, MotionSource } from '../../motion/motion-data';
import type { BlendableMove } from '../../motion/trajectory';
import { LinearJointMove } from '../joint-motion';
import { HullCache } from '../link-shapes';
import { RobotMotion } from '../robot-motion';
import { RobotRig } from '../robot-rig';
import { TargetFrames } from '../targets';

/** The timing of one program step. */
export interface StepTiming {
  /** Index of the step in the program. */
  index: number;
  /** `programs[i].steps[j]`, as messages name it. */
  path: string;
  type: ProgramStep['type'];
  /** The step's target id, or null. */
  target: string | null;
  /**
   * Seconds the step takes when nothing waits. A move inside a blended chain gets the time from
   * its start to the next move's start (the corner's overlap goes to the next move), so the
   * chain's steps add up to the chain's duration. Null when the step cannot be planned.
   */
  seconds: number | null;
  /** The step waits for something outside the robot when it must (a part, a signal, a zone): not counted. */
  mayWait: boolean;
  /** The robot holds a part during this step (the payload model's loaded limits apply to moves). */
  loaded: boolean;
  /** Why the step cannot be planned (out of reach, a MoveL through a singularity…), else null. */
  problem: string | null;
}

/** The timing of a robot's program. */
export interface ProgramTiming {
  robot: string;
  program: string;
  loop: boolean;
  steps: StepTiming[];
  /** Sum of the steps' seconds: one loop when nothing waits (the no-wait cycle time). */
  cycle: number;
  /** Where the robot's motion data come from. */
  motionSource: MotionSource;
  /** Carried mass (kg) without and with a part. */
  load: { empty: number; loaded: number };
}

/** The robot's descriptions: its arm and its tool (null: a bare flange or an unknown tool). */
export interface TimingRobots {
  arm: RobotDescription;
  tool: RobotDescription | null;
}

const isMove = (s: ProgramStep | undefined): boolean => s?.type === 'moveJ' || s?.type === 'moveL';

/** Fixed time of a step that is not a move, and whether it may wait. */
function dwell(step: ProgramStep, actuation: number): { seconds: number; mayWait: boolean } {
  switch (step.type) {
    case 'pick':
      return { seconds: step.gripTime ?? actuation, mayWait: true };
    case 'place':
      return { seconds: step.releaseTime ?? actuation, mayWait: true };
    case 'grip':
    case 'release':
      return { seconds: actuation, mayWait: false };
    case 'process':
    case 'wait':
      return { seconds: step.seconds, mayWait: false };
    case 'setSignal':
      return { seconds: step.dwell ?? 0, mayWait: false };
    case 'waitSensor':
      return { seconds: step.settle ?? 0, mayWait: true };
    case 'waitSignal':
    case 'zoneRequest':
      return { seconds: 0, mayWait: true };
    default:
      return { seconds: 0, mayWait: false };
  }
}

/**
 * Times each step of `robot`'s program in `cell` (see the module comment). `override` replaces
 * the item's own calibration (`celltwin calibrate` tries scales with it). Returns null when the
 * robot has no program; throws when `robot` is not a robot item of the cell.
 */
export function programTiming(cell: Cell, robot: string, descriptions: TimingRobots, override?: MotionOverride): ProgramTiming | null {
  const found = cell.items.find((i): i is RobotItem => i.id === robot && i.type === 'robot');
  if (!found) throw new Error(`no robot item "${robot}" in the cell`);
  const programIndex = cell.programs.findIndex((p) => p.robot === robot);
  const program = cell.programs[programIndex];
  if (!program) return null;
  const item: RobotItem = override ? { ...found, motion: { ...override } } : found;
  const rig = new RobotRig(item, { arm: descriptions.arm, tool: descriptions.tool }, new HullCache(undefined), []);
  const motion = new RobotMotion(rig, item, cellPartMass(cell));
  const frames = new TargetFrames(cell);
  const actuation = rig.gripper?.gripper.actuationTime ?? 0;
  const steps = program.steps;
  const loop = program.loop ?? true;
  const pathOf = (k: number) => `programs[${programIndex}].steps[${k}]`;
  const targetOf = (s: ProgramStep): string | null => ('target' in s && s.target !== undefined ? s.target : null);

  /** Plans one move from `q`; a string says why it cannot be planned. */
  const planMove = (step: ProgramStep, q: Float64Array, loaded: boolean): BlendableMove | string => {
    if (step.type !== 'moveJ' && step.type !== 'moveL') return `not a move: ${step.type}`;
    const speed = step.speed ?? 1;
    if (step.type === 'moveJ' && step.joints) return motion.moveJ(q, step.joints, speed, loaded);
    const target = frames.indexOf(step.target ?? '');
    if (target < 0) return `no target ${JSON.stringify(step.target)}`;
    const base = motion.toBase(frames.world(target, 0, step.approach ?? 0, mat4Create()));
    if (step.type === 'moveJ') {
      const to = motion.solve(base, q);
      return to === null ? `target ${JSON.stringify(step.target)} is out of reach of ${robot}` : motion.moveJ(q, to, speed, loaded);
    }
    const line = motion.moveL(q, base, { speed, tcpSpeed: step.tcpSpeed, tcpAcceleration: step.tcpAcceleration }, loaded);
    return line.ok ? line.trajectory : `moveL to ${JSON.stringify(step.target)}: ${line.failure.message}`;
  };

  let q = Float64Array.from(rig.initialQ);
  let holding = false;
  let out: StepTiming[] = [];
  for (let pass = 0; pass < (loop ? 3 : 1); pass++) {
    out = [];
    for (let k = 0; k < steps.length; ) {
      const step = steps[k]!;
      const base = { index: k, path: pathOf(k), type: step.type, target: targetOf(step), loaded: holding };
      if (step.type === 'moveJoints') {
        const move = LinearJointMove.plan(q, step.q, rig.speed, step.speed ?? 1);
        out.push({ ...base, seconds: move.duration, mayWait: false, problem: null });
        q = Float64Array.from(step.q);
        k++;
        continue;
      }
      if (!isMove(step)) {
        out.push({ ...base, ...dwell(step, actuation), problem: null });
        if (step.type === 'pick' || step.type === 'grip') holding = true;
        if (step.type === 'place' || step.type === 'release') holding = false;
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
        const planned = planMove(s, q, holding);
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
        const seq = moves.length === 1 ? null : motion.blend(moves, radii, holding);
        moves.forEach((m, n) => {
          const seconds = seq ? (n + 1 < moves.length ? seq.startTimes[n + 1]! : seq.duration) - seq.startTimes[n]! : m.duration;
          const s = steps[k + n]!;
          out.push({ index: k + n, path: pathOf(k + n), type: s.type, target: targetOf(s), loaded: holding, seconds, mayWait: false, problem: null });
        });
      }
      if (failure !== null) {
        const s = steps[j - 1]!;
        out.push({ index: j - 1, path: pathOf(j - 1), type: s.type, target: targetOf(s), loaded: holding, seconds: null, mayWait: false, problem: failure });
      }
      k = j;
    }
  }
  const cycle = out.reduce((a, s) => a + (s.seconds ?? 0), 0);
  return { robot, program: program.id, loop, steps: out, cycle, motionSource: motion.model.source, load: { ...motion.load } };
}
