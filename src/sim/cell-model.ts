/**
 * The cell as the simulation sees it, built once from the document: the body table (floor,
 * fixtures, robot links, starting parts), the robot rigs, the belts and sensors, and the pairs
 * the collision filter drops. Pure data and kinematics; the physics world is built from it.
 */
import type { Cell, ConveyorItem, RobotItem } from '../model/cell';
import { startingParts } from '../model/part-items';
import type { RobotDescription } from '../model/robot-description';
import type { BodyInfo, BodyPlan } from './body-plan';
import { isMountedOn } from './collision-filter';
import { fixtureColliders, floorPlan, itemPose } from './fixtures';
import { HullCache, type MeshVertexSource } from './link-shapes';
import { cellPartPlan } from './parts';
import type { BeltPlan } from './physics-port';
import { CellContentError } from './errors';
import { RobotRig } from './robot-rig';

/** The robot descriptions a simulation needs, loaded by the caller (a layer that may read files). */
export interface SimulationRobots {
  /** Each robot item's description, by robot item id. */
  robots: ReadonlyMap<string, RobotDescription>;
  /** Tool descriptions by bundled tool id (`vacuum_gripper`); robots whose tool is missing run bare. */
  tools?: ReadonlyMap<string, RobotDescription>;
}

/** A conveyor with its body, belt and optional sensor and source. */
export interface ConveyorModel {
  item: ConveyorItem;
  body: number;
}

/** Everything built from the document. */
export interface CellModel {
  bodies: BodyPlan[];
  infos: BodyInfo[];
  rigs: RobotRig[];
  /** Body ids of each rig's links, in rig.links order. */
  rigSlots: Int32Array[];
  conveyors: ConveyorModel[];
  belts: BeltPlan[];
  /** Pairs the collision filter drops by rules 1 and 2 (adjacent links, base on its mount). */
  ignoredPairs: [string, string][];
  /** Part bodies present from the start (the cell's `parts`, then its part items), by body id. */
  cellParts: number[];
  warnings: string[];
}

const column = (m: Float64Array, c: number): [number, number, number] => [m[4 * c]!, m[4 * c + 1]!, m[4 * c + 2]!];

/** Builds the cell model. Throws CellContentError (with the path in the file) on bad content. */
export function buildCellModel(cell: Cell, robots: SimulationRobots, meshVertices?: MeshVertexSource): CellModel {
  const warnings: string[] = [];
  const bodies: BodyPlan[] = [floorPlan(0)];
  const conveyors: ConveyorModel[] = [];
  const fixtureIds = new Map<string, number>();

  // Fixtures first, in document order, so body ids follow the file.
  for (const item of cell.items) {
    const colliders = fixtureColliders(item);
    if (!colliders) continue;
    const id = bodies.length;
    bodies.push({ id, name: item.id, kind: 'fixture', item: item.id, link: null, pose: itemPose(item), colliders });
    fixtureIds.set(item.id, id);
    if (item.type === 'conveyor') conveyors.push({ item, body: id });
  }

  const hulls = new HullCache(meshVertices);
  const rigs: RobotRig[] = [];
  const rigSlots: Int32Array[] = [];
  const ignoredPairs: [string, string][] = [];
  cell.items.forEach((item, index) => {
    if (item.type !== 'robot') return;
    const arm = robots.robots.get(item.id);
    if (!arm) throw new CellContentError(`items[${index}].source`, `no robot description was given for "${item.id}"`);
    const tool = item.tool ? robots.tools?.get(item.tool.id) ?? null : null;
    const rig = new RobotRig(item, { arm, tool }, hulls, warnings);
    const slots = new Int32Array(rig.links.length);
    rig.links.forEach((l, i) => {
      slots[i] = bodies.length;
      bodies.push({ id: bodies.length, ...l.plan });
    });
    rigs.push(rig);
    rigSlots.push(slots);
    ignoredPairs.push(...rig.adjacentPairs());
    ignoredPairs.push(...mountPairs(item, rig, cell));
  });

  const cellParts: number[] = [];
  // Parts are named by their id in events and frames, so an id must name one body only.
  const taken = new Set(['floor', ...cell.items.map((i) => i.id)]);
  (cell.parts ?? []).forEach((part, i) => {
    if (taken.has(part.id)) throw new CellContentError(`parts[${i}].id`, `the id "${part.id}" is already used in the cell`);
    taken.add(part.id);
  });
  // Part items are items, so their ids are unique already; they become parts like `cell.parts`.
  for (const part of startingParts(cell)) {
    const id = bodies.length;
    bodies.push(cellPartPlan(id, part));
    cellParts.push(id);
  }

  const belts = conveyors.map(({ item, body }): BeltPlan => {
    const pose = bodies[body]!.pose;
    const m = new Float64Array(16);
    // Columns of the item's rotation: +x is the running direction, +z the belt normal.
    const x = pose[3]!, y = pose[4]!, z = pose[5]!, w = pose[6]!;
    m[0] = 1 - 2 * (y * y + z * z); m[1] = 2 * (x * y + w * z); m[2] = 2 * (x * z - w * y);
    m[8] = 2 * (x * z + w * y); m[9] = 2 * (y * z - w * x); m[10] = 1 - 2 * (x * x + y * y);
    return { body, speed: item.speed, direction: column(m, 0), normal: column(m, 2) };
  });

  const infos = bodies.map(({ id, name, kind, item, link }): BodyInfo => ({ id, name, kind, item, link }));
  return { bodies, infos, rigs, rigSlots, conveyors, belts, ignoredPairs, cellParts, warnings };
}

/** Rule 2 of the collision filter: the robot's base bodies and the fixture (or floor) under it. */
function mountPairs(robot: RobotItem, rig: RobotRig, cell: Cell): [string, string][] {
  const bases = rig.links.filter((l) => l.chain === 'arm' && l.parentBody === null).map((l) => l.plan.name);
  const mounts: string[] = [];
  if (isMountedOn(robot, null)) mounts.push('floor');
  for (const item of cell.items) if (item.type !== 'robot' && isMountedOn(robot, item)) mounts.push(item.id);
  return bases.flatMap((b) => mounts.map((m): [string, string] => [b, m]));
}
