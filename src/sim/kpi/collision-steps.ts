/**
 * Which program step each robot in a collision was on. The engines report a collision as its
 * time and two bodies; the activity log already knows, for every robot and every moment, the
 * step its program was on (sim/activity.ts). Looking the step up here, after the run, gives the
 * same answer for both engines and costs the engines nothing while they run.
 */
import type { ActivityInterval, ActivityLog } from '../activity';

/** A collision as the engines report it: `a` is a robot link (`robot-1/forearm_link`). */
export interface CollisionAt {
  time: number;
  a: string;
  b: string;
}

/** A collision with the program steps the robots involved were on, where the log says. */
export interface CollisionWithSteps extends CollisionAt {
  /** The step of the robot `a` belongs to, as its path in the cell file (`programs[0].steps[3]`). */
  aStep?: string;
  /** The step of the robot `b` belongs to, when `b` is a robot's link (robot against robot). */
  bStep?: string;
}

/** The robot a body belongs to: the part before the first `/` (`robot-1/tool/base_link` → `robot-1`). */
export const bodyOwner = (body: string): string => {
  const slash = body.indexOf('/');
  return slash < 0 ? body : body.slice(0, slash);
};

/** Each robot's intervals that name a step, in time order. */
function stepIntervals(log: ActivityLog): Map<string, ActivityInterval[]> {
  const byRobot = new Map<string, ActivityInterval[]>();
  for (const i of log.intervals) {
    if (i.kind !== 'robot' || i.step === undefined) continue;
    let list = byRobot.get(i.resource);
    if (!list) byRobot.set(i.resource, (list = []));
    list.push(i);
  }
  for (const list of byRobot.values()) list.sort((x, y) => x.start - y.start);
  return byRobot;
}

/** The step of the interval holding `time` (start ≤ time < end), by bisection; undefined if none. */
function stepAt(list: readonly ActivityInterval[] | undefined, time: number): string | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid]!;
    if (time < i.start) hi = mid - 1;
    else if (time >= i.end) lo = mid + 1;
    else return i.step;
  }
  return undefined;
}

/**
 * `collisions` with `aStep` (and `bStep` for two robots) from `log`. A body that belongs to no
 * robot with a program, or a time between steps, leaves the field out rather than guessing.
 */
export function collisionsWithSteps(log: ActivityLog, collisions: readonly CollisionAt[]): CollisionWithSteps[] {
  if (collisions.length === 0) return [];
  const steps = stepIntervals(log);
  return collisions.map((c) => {
    const out: CollisionWithSteps = { time: c.time, a: c.a, b: c.b };
    const aStep = stepAt(steps.get(bodyOwner(c.a)), c.time);
    if (aStep !== undefined) out.aStep = aStep;
    const bStep = c.b.includes('/') ? stepAt(steps.get(bodyOwner(c.b)), c.time) : undefined;
    if (bStep !== undefined) out.bStep = bStep;
    return out;
  });
}

/**
 * The steps of a collision as words for a report line: ` (robot-1 on programs[0].steps[3])`,
 * both robots for robot against robot, or nothing when no step is known.
 */
export function collisionStepsText(c: CollisionWithSteps): string {
  const parts: string[] = [];
  if (c.aStep !== undefined) parts.push(`${bodyOwner(c.a)} on ${c.aStep}`);
  if (c.bStep !== undefined) parts.push(`${bodyOwner(c.b)} on ${c.bStep}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
