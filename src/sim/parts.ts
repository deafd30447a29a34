/**
 * Parts: the dynamic bodies a cell moves around. Some lie in the cell from the start (`parts` in
 * the cell file); conveyors' part sources make more during a run, at the belt's infeed end, at
 * seeded-random intervals. A source waits while its spot on the belt is still occupied.
 */
import { mat4Create, mat4FromXyzRpy, mat4MultiplyRigid } from '../kinematics/mat4';
import type { Cell, ConveyorItem } from '../model/cell';
import { boxHalf, translationPose, type BodyPlan, type ColliderPlan } from './body-plan';
import { mat4FromPose, poseOf } from './pose';
import type { Rng } from './rng';

/** A part lying in the cell at the start. */
export type CellPart = NonNullable<Cell['parts']>[number];
/** What a part is made of (shape, mass, friction). */
export type PartSpec = Pick<CellPart, 'shape' | 'mass' | 'friction'>;
/** A conveyor's part source. */
export type PartSource = NonNullable<ConveyorItem['source']>;

/** Friction of a part when the cell does not say (cardboard or painted metal on steel). */
export const DEFAULT_PART_FRICTION = 0.5;

/** Half extents of a part's bounding box in its own frame. */
export function partHalfExtents(spec: PartSpec): [number, number, number] {
  const s = spec.shape;
  return s.type === 'box' ? boxHalf(s.size) : [s.radius, s.radius, s.length / 2];
}

/** The body plan of a part. */
export function partPlan(id: number, name: string, spec: PartSpec, pose: Float64Array): BodyPlan {
  const s = spec.shape;
  const collider: ColliderPlan = {
    shape: s.type === 'box' ? { type: 'box', half: boxHalf(s.size) } : { type: 'cylinder', radius: s.radius, halfLength: s.length / 2 },
    pose: translationPose(0, 0, 0),
    friction: spec.friction ?? DEFAULT_PART_FRICTION,
    role: 'solid',
  };
  return { id, name, kind: 'part', item: name, link: null, pose, colliders: [collider], mass: spec.mass };
}

/** A part placed in the cell file, as a body plan. */
export function cellPartPlan(id: number, part: CellPart): BodyPlan {
  return partPlan(id, part.id, part, poseOf(mat4FromXyzRpy(mat4Create(), part.pose.xyz, part.pose.rpy)));
}

/** A source's progress, plain data for snapshots. */
export interface SourceState {
  conveyor: string;
  /** Time the next part is due. */
  next: number;
  /** Parts made so far. */
  made: number;
}

/** The first state of a conveyor's source. */
export function initialSourceState(conveyor: ConveyorItem): SourceState {
  return { conveyor: conveyor.id, next: conveyor.source?.start ?? 0, made: 0 };
}

/**
 * The time from one part to the next, drawn by the source's distribution (see the schema):
 * fixed, uniform (interval ± jitter, never below 0) or exponential with mean `interval`
 * (inverse transform of a uniform draw). A fixed source draws nothing, so adding one does not
 * shift the random numbers the rest of the cell gets.
 */
export function nextInterval(source: PartSource, rng: Rng): number {
  const jitter = source.jitter ?? 0;
  const kind = source.distribution ?? (jitter > 0 ? 'uniform' : 'fixed');
  switch (kind) {
    case 'fixed':
      return source.interval;
    case 'uniform':
      return Math.max(0, source.interval + rng.uniform(-jitter, jitter));
    case 'exponential':
      // 1 − u is in (0, 1], so the logarithm is finite.
      return -source.interval * Math.log(1 - rng.next());
  }
}

/** Schedules the part after one made at `time`. */
export function scheduleNext(state: SourceState, source: PartSource, time: number, rng: Rng): void {
  state.next = time + nextInterval(source, rng);
}

/**
 * Where a source puts its next part: at the infeed end, resting 1 mm above the belt, shifted
 * across it by a random amount within ±`lateral` (kept on the belt). Draws from `rng` only
 * when `lateral` > 0, so adding a lateral spread does not disturb other random numbers' order.
 */
export function spawnPose(conveyor: ConveyorItem, source: PartSource, rng: Rng): Float64Array {
  const [hx, hy, hz] = partHalfExtents(source.part);
  const room = Math.max(0, conveyor.width / 2 - hy);
  const lateral = Math.min(source.lateral ?? 0, room);
  const y = lateral > 0 ? rng.uniform(-lateral, lateral) : 0;
  const local = translationPose(-conveyor.length / 2 + hx + 0.005, y, conveyor.height + hz + 0.001);
  const world = mat4FromXyzRpy(mat4Create(), conveyor.pose.xyz, conveyor.pose.rpy);
  return poseOf(mat4MultiplyRigid(world, world, mat4FromPose(mat4Create(), local)));
}
