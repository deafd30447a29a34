/**
 * Programs as the interpreter runs them: the document's steps (already checked by the schema
 * and its cross-references) with what only the simulation can check or resolve — joint values
 * against the robot's joint count and limits, targets by index, gripper times from the tool's
 * library entry, and whether each target can be reached at all (inverse kinematics from the
 * robot's start pose). Problems raise CellContentError with the step's path in the file.
 */
import { mat4Create } from '../../kinematics/mat4';
import type { Cell, ProgramStep } from '../../model/cell';
import { CellContentError } from '../errors';
import type { RobotMotion } from '../robot-motion';
import type { RobotRig } from '../robot-rig';
import { slotCount, type TargetFrames } from '../targets';

/** A step ready to run. */
export interface CompiledStep {
  step: ProgramStep;
  /** `programs[i].steps[j]`, for messages. */
  path: string;
  /** Index of the step's target in TargetFrames, or −1. */
  target: number;
  /** Joint values of a `moveJ` with `joints` or of a `moveJoints`. */
  joints: Float64Array | null;
  /** A `moveJ` or `moveL`: can blend into the next such step. */
  blendable: boolean;
  /** Gripper time of a pick, grip, place or release (s). */
  gripperTime: number;
}

/** A program ready to run. */
export interface CompiledProgram {
  robot: string;
  /** The robot's index among the simulation's rigs. */
  rig: number;
  steps: CompiledStep[];
  loop: boolean;
}

/** Checks joint values against the rig's count and limits; names the offending joint. */
function checkJoints(q: readonly number[], rig: RobotRig, path: string): Float64Array {
  if (q.length !== rig.dof) throw new CellContentError(path, `expected ${rig.dof} joint values`);
  q.forEach((v, i) => {
    if (v < rig.lower[i]! - 1e-9 || v > rig.upper[i]! + 1e-9) {
      const name = rig.arm.inputJoints[i]?.name ?? `#${i}`;
      throw new CellContentError(`${path}[${i}]`, `${name} = ${v} is outside its limits [${rig.lower[i]}, ${rig.upper[i]}]`);
    }
  });
  return Float64Array.from(q);
}

/** Compiles one step (see the module comment). */
function compileStep(step: ProgramStep, path: string, rig: RobotRig, frames: TargetFrames): CompiledStep {
  const actuation = rig.gripper?.gripper.actuationTime ?? 0;
  const target = 'target' in step && step.target !== undefined ? frames.indexOf(step.target) : -1;
  const out: CompiledStep = { step, path, target, joints: null, blendable: step.type === 'moveJ' || step.type === 'moveL', gripperTime: 0 };
  switch (step.type) {
    case 'moveJ':
      if (step.joints) out.joints = checkJoints(step.joints, rig, `${path}.joints`);
      break;
    case 'moveJoints':
      out.joints = checkJoints(step.q, rig, `${path}.q`);
      break;
    case 'pick':
      out.gripperTime = step.gripTime ?? actuation;
      break;
    case 'place':
      out.gripperTime = step.releaseTime ?? actuation;
      break;
    case 'grip':
    case 'release':
      out.gripperTime = actuation;
      break;
    default:
      break;
  }
  return out;
}

/**
 * Checks that a move's target can be reached at all: IK with restarts from the robot's start
 * pose, at the first and the last slot of a pallet pattern. Which branch the run takes depends
 * on where the robot comes from; this only rules out poses no branch reaches.
 */
function checkReach(c: CompiledStep, rig: RobotRig, motion: RobotMotion, frames: TargetFrames): void {
  if (!c.blendable || c.target < 0) return;
  const approach = c.step.type === 'moveJ' || c.step.type === 'moveL' ? (c.step.approach ?? 0) : 0;
  const pattern = frames.pattern(c.target);
  const slots = pattern ? [0, slotCount(pattern) - 1] : [0];
  const world = mat4Create();
  for (const slot of slots) {
    const base = motion.toBase(frames.world(c.target, slot, approach, world));
    if (motion.solve(base, rig.initialQ) === null) {
      const where = pattern ? ` (pallet slot ${slot + 1})` : '';
      throw new CellContentError(`${c.path}.target`, `${JSON.stringify(frames.target(c.target).id)}${where} is out of reach of ${rig.id}`);
    }
  }
}

/** Compiles the cell's programs; `rigIndex` finds a robot's rig, `motions` its planners. */
export function compilePrograms(cell: Cell, rigs: readonly RobotRig[], motions: readonly RobotMotion[], frames: TargetFrames): CompiledProgram[] {
  return cell.programs.map((program, i) => {
    const index = rigs.findIndex((r) => r.id === program.robot);
    const rig = rigs[index];
    if (!rig) throw new CellContentError(`programs[${i}].robot`, `no robot item "${program.robot}"`);
    const steps = program.steps.map((s, j) => compileStep(s, `programs[${i}].steps[${j}]`, rig, frames));
    for (const c of steps) checkReach(c, rig, motions[index]!, frames);
    return { robot: rig.id, rig: index, steps, loop: program.loop ?? true };
  });
}
