/**
 * Beginning move steps: resolve each target to a TCP pose (a pallet target to the robot's
 * claimed slot, stopped short by the approach offset), plan it from where the previous move
 * ends — MoveJ through IK to the target's joint values, MoveL along a straight TCP line — and,
 * when a move has a blend radius and the next step is a move too, plan that one as well and run
 * them as one blended sequence. The chain stops at the first move that cannot begin yet (its
 * pallet has no slot): the moves before it run, stopping at their last target.
 */
import { mat4Create } from '../../kinematics/mat4';
import type { BlendableMove } from '../../motion/trajectory';
import type { RobotState } from '../activity';
import type { CompiledStep } from './steps';
import { fault, run, wait, type BeginResult } from './context';
import type { RobotProgram } from './interpreter';

/**
 * The pallet slot `target` resolves to for `p`'s robot: 0 off a patterned pallet; on one, the
 * robot's claim on it, made now when it has none (to place when it holds a part, to take when
 * not). Null when no slot can be claimed: the pallet is full (or empty).
 */
export function slotFor(p: RobotProgram, target: number): number | null {
  const item = p.ctx.frames.item(target);
  const pallet = item ? p.ctx.pallets.get(item.id) : undefined;
  if (!pallet) return 0;
  const claim = p.state.claims.find((c) => c.pallet === pallet.id);
  if (claim) return claim.slot;
  const slot = p.holding() ? pallet.claimToPlace(p.robot) : pallet.claimToTake(p.robot);
  if (slot === null) return null;
  p.state.claims.push({ pallet: pallet.id, slot, used: false });
  return slot;
}

/** What a robot waits as when a pallet has no slot for it: room to place (blocked), a part (starved). */
const noSlot = (p: RobotProgram): RobotState => (p.holding() ? 'waiting-blocked' : 'waiting-starved');

type Planned = { move: BlendableMove } | { wait: RobotState } | { fault: string };

/** Plans one move step from `q`. */
function planMove(p: RobotProgram, c: CompiledStep, q: Float64Array): Planned {
  const step = c.step;
  if (step.type !== 'moveJ' && step.type !== 'moveL') return { fault: `not a move step: ${step.type}` };
  const speed = step.speed ?? 1;
  // The payload model: moves made holding a part run on the loaded limits (motion/payload.ts).
  const loaded = p.holding();
  if (c.joints) return { move: p.motion.moveJ(q, c.joints, speed, loaded) };
  const slot = slotFor(p, c.target);
  if (slot === null) return { wait: noSlot(p) };
  const { frames } = p.ctx;
  const base = p.motion.toBase(frames.world(c.target, slot, step.approach ?? 0, mat4Create()));
  const name = JSON.stringify(frames.target(c.target).id);
  if (step.type === 'moveJ') {
    const to = p.motion.solve(base, q);
    if (to === null) return { fault: `target ${name}${slot > 0 ? ` (pallet slot ${slot + 1})` : ''} is out of reach of ${p.robot}` };
    return { move: p.motion.moveJ(q, to, speed, loaded) };
  }
  // TCP speed and acceleration the step does not name: RobotMotion.moveL's defaults and vendor caps.
  const planned = p.motion.moveL(q, base, { speed, tcpSpeed: step.tcpSpeed, tcpAcceleration: step.tcpAcceleration }, loaded);
  return planned.ok ? { move: planned.trajectory } : { fault: `moveL to ${name}: ${planned.failure.message}` };
}

/** Begins the move step at the program's index (and the moves blended into it) at `time`. */
export function beginMoves(p: RobotProgram, time: number): BeginResult {
  const steps = p.program.steps;
  const moves: BlendableMove[] = [];
  const radii: number[] = [];
  let q = Float64Array.from(p.ctx.host.settleArm(p.rig, time));
  let k = p.state.index;
  let radius = 0;
  for (;;) {
    const c = steps[k]!;
    const planned = planMove(p, c, q);
    if ('fault' in planned) return fault(planned.fault, c.path);
    if ('wait' in planned) {
      if (moves.length === 0) return wait(planned.wait);
      break;
    }
    if (moves.length > 0) radii.push(radius);
    moves.push(planned.move);
    q = Float64Array.from(planned.move.end);
    if (c.target >= 0) p.state.lastTarget = c.target;
    const step = c.step;
    radius = step.type === 'moveJ' || step.type === 'moveL' ? (step.blend ?? 0) : 0;
    const after = steps[k + 1];
    if (!(radius > 0 && after?.blendable)) break;
    k++;
  }
  p.state.next = p.state.index + moves.length;
  const trajectory = moves.length === 1 ? moves[0]! : p.motion.blend(moves, radii, p.holding());
  p.ctx.host.follow(p.rig, trajectory, time);
  return run(trajectory.duration, p.holding() ? 'moving-loaded' : 'moving-empty');
}
