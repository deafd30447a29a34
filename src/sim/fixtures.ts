/**
 * Collision geometry of the fixed equipment, in the item's frame (origin at the centre of its
 * footprint on the floor, z up). The shapes follow the scene's models (src/scene/items), so what
 * collides is what the planner sees: a table is a top on four legs (a robot can reach under it),
 * a conveyor is a belt between two side rails on four legs, a fence is its panel.
 */
import { mat4Create, mat4FromXyzRpy } from '../kinematics/mat4';
import type { CellItem, ConveyorItem, LightCurtainItem, TrackItem } from '../model/cell';
import { itemExtent } from '../model/item-factory';
import { CARRIAGE_THICKNESS } from '../model/mounts';
import { curtainGeometry, CURTAIN_POST } from '../model/light-curtain';
import { boxHalf, translationPose, type BodyPlan, type ColliderPlan } from './body-plan';
import { poseOf } from './pose';

/** Friction of fixture surfaces (steel and painted sheet against cardboard or metal). */
export const FIXTURE_FRICTION = 0.6;
/** Thickness of a conveyor belt: its top is at the conveyor's `height`. */
export const BELT_THICKNESS = 0.04;
/** Height of a conveyor sensor's light curtain above the belt (m). */
export const SENSOR_HEIGHT = 0.3;

const box = (sx: number, sy: number, sz: number, x: number, y: number, z: number, role: ColliderPlan['role'] = 'solid'): ColliderPlan => ({
  shape: { type: 'box', half: boxHalf([sx, sy, sz]) },
  pose: translationPose(x, y, z),
  friction: role === 'belt' ? 0 : FIXTURE_FRICTION,
  role,
});

function tableColliders(size: readonly [number, number, number]): ColliderPlan[] {
  const [sx, sy, sz] = size;
  const top = Math.min(0.05, sz / 5);
  const leg = 0.06;
  const out = [box(sx, sy, top, 0, 0, sz - top / 2)];
  for (const ix of [-1, 1]) for (const iy of [-1, 1]) out.push(box(leg, leg, sz - top, ix * (sx / 2 - leg), iy * (sy / 2 - leg), (sz - top) / 2));
  return out;
}

/** The belt (role `belt`), side rails, legs and, when configured, the sensor's light curtain. */
export function conveyorColliders(item: ConveyorItem): ColliderPlan[] {
  const { length, width, height } = item;
  const legInset = Math.min(0.15, length / 4);
  const out = [box(length, width, BELT_THICKNESS, 0, 0, height - BELT_THICKNESS / 2, 'belt')];
  for (const side of [-1, 1]) out.push(box(length, 0.04, 0.1, 0, side * (width / 2 + 0.02), height - 0.03));
  for (const x of [-length / 2 + legInset, length / 2 - legInset]) {
    for (const side of [-1, 1]) out.push(box(0.05, 0.05, height - 0.08, x, side * (width / 2 - 0.03), (height - 0.08) / 2));
  }
  if (item.sensor) {
    // A 2 mm thick curtain from 2 mm above the belt, so it sees parts but not the belt.
    const x = -length / 2 + Math.min(item.sensor.position, length);
    out.push(box(0.002, width, SENSOR_HEIGHT, x, 0, height + 0.002 + SENSOR_HEIGHT / 2, 'sensor'));
  }
  return out;
}

/**
 * A light curtain's two posts. The beams between them are light: parts and robot links pass
 * through the field without a push (the curtain's safety function is not simulated).
 */
function curtainColliders(item: LightCurtainItem): ColliderPlan[] {
  const g = curtainGeometry(item);
  return g.postX.map((x) => box(CURTAIN_POST, CURTAIN_POST, g.postHeight, x, 0, g.postHeight / 2));
}

/**
 * A linear track's rail bed with its rails, up to the underside of the carriage. The carriage
 * itself moves with the robot and sits under its base, so it is left out.
 */
function trackColliders(item: TrackItem): ColliderPlan[] {
  const top = Math.max(0.01, item.height - CARRIAGE_THICKNESS);
  return [box(item.length, item.width, top, 0, 0, top / 2)];
}

/**
 * Colliders of a fixed item in its own frame, or null for robots (which are links) and part
 * items (which are dynamic parts, see parts.ts).
 */
export function fixtureColliders(item: CellItem): ColliderPlan[] | null {
  switch (item.type) {
    case 'robot':
    case 'part':
      return null;
    case 'lightCurtain':
      return curtainColliders(item);
    case 'table':
      return tableColliders(item.size);
    case 'conveyor':
      return conveyorColliders(item);
    case 'track':
      return trackColliders(item);
    case 'pallet':
    case 'machine':
    case 'fence':
    case 'pedestal':
    case 'operator': {
      // One box of the item's extent: a pallet's deck, a machine's enclosure, a fence panel, a person, a riser.
      const [sx, sy, sz] = itemExtent(item);
      return [box(sx, sy, sz, 0, 0, sz / 2)];
    }
  }
}

/** The world pose of an item as 7 numbers. */
export function itemPose(item: CellItem): Float64Array {
  return poseOf(mat4FromXyzRpy(mat4Create(), item.pose.xyz, item.pose.rpy));
}

/** The floor: a 200 m square slab with its top at z = 0, wider than any cell so nothing falls off. */
export function floorPlan(id: number): BodyPlan {
  return {
    id,
    name: 'floor',
    kind: 'fixture',
    item: 'floor',
    link: null,
    pose: translationPose(0, 0, -0.5),
    colliders: [box(200, 200, 1, 0, 0, 0)],
  };
}

/** Top height (m, in the item frame) of a fixture an item could stand on: what a robot mounts on. */
export function fixtureTop(item: CellItem): number {
  return itemExtent(item)[2];
}
