/**
 * Does a program's robot collide where its moves end? Each move step's end pose — its target,
 * stopped short by its approach — solved by the simulation's own IK (RobotMotion, seeded with
 * the previous move's joint values as a run does), then tested with the edit-collision check.
 * The program editor flags such a step as it flags an unreachable one.
 */
import { mat4Create } from '../kinematics/mat4';
import type { Cell, RobotItem } from '../model';
import type { SimulationRobots } from '../sim/cell-model';
import { HullCache } from '../sim/link-shapes';
import { RobotMotion } from '../sim/robot-motion';
import { RobotRig } from '../sim/robot-rig';
import { TargetFrames } from '../sim/targets';
import { EditScene, type EditCollision } from './edit-collisions';

/** Per step of `robot`'s program: the collisions at the end of that move (empty for other steps). */
export function programEndPoseCollisions(cell: Cell, robot: string, robots: SimulationRobots, scene: EditScene = new EditScene(cell, robots)): EditCollision[][] {
  const item = cell.items.find((i): i is RobotItem => i.id === robot && i.type === 'robot');
  const program = cell.programs.find((p) => p.robot === robot);
  const arm = robots.robots.get(robot);
  if (!item || !program || !arm) return [];
  const tool = item.tool ? (robots.tools?.get(item.tool.id) ?? null) : null;
  const rig = new RobotRig(item, { arm, tool }, new HullCache(undefined), []);
  const motion = new RobotMotion(rig, item);
  const frames = new TargetFrames(cell);
  let q: ArrayLike<number> = rig.initialQ;
  return program.steps.map((step) => {
    if (step.type === 'moveJoints') q = step.q;
    if (step.type !== 'moveJ' && step.type !== 'moveL') return [];
    let next: ArrayLike<number> | null = null;
    if (step.type === 'moveJ' && step.joints) next = step.joints;
    else {
      const target = frames.indexOf(step.target ?? '');
      if (target < 0) return [];
      next = motion.solve(motion.toBase(frames.world(target, 0, step.approach ?? 0, mat4Create())), q);
    }
    if (next === null) return []; // out of reach: the timing says so
    q = next;
    const at = q;
    return scene.collisions((r) => (r === robot ? at : undefined)).filter((p) => p.robot === robot || p.otherItem === robot);
  });
}
