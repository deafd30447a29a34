/**
 * Collisions while editing: which robot links (and tool links) overlap a fixture, the floor, a
 * part, another robot or a non-adjacent link of their own robot, at the joint values the document
 * holds (what jogging, an IK drag or teaching just set).
 *
 * Same shapes as the simulation: the cell model the simulation builds (sim/cell-model.ts — link
 * colliders from the URDF's collision geometry, fixture colliders, starting parts) and the same
 * filter rules (adjacent links and a base on its mount never count; a tool touching a part is
 * not a crash). The overlap test is GJK on the exact convex shapes (edit-collisions-gjk.ts)
 * rather than Rapier: the page has no physics world outside a run, a cell has a few hundred
 * collider pairs at most, and a yes/no per pair takes microseconds — cheap enough to run on
 * every jog step on the main thread.
 */
import { mat4Create, mat4MultiplyRigid } from '../kinematics/mat4';
import type { Cell } from '../model';
import type { BodyPlan, ColliderPlan } from '../sim/body-plan';
import { buildCellModel, type CellModel, type SimulationRobots } from '../sim/cell-model';
import { mat4FromPose, POSE_FLOATS } from '../sim/pose';
import { bounds, shapesOverlap, type PlacedShape } from './edit-collisions-gjk';

/** One overlapping pair: a robot link and what it runs into. */
export interface EditCollision {
  /** The robot item whose link collides. */
  robot: string;
  /** Its link (`forearm_link`, or `tool/finger_left` for a tool link). */
  link: string;
  /** The other body: an item id (`table-1`), `floor`, a part id, or another link's body name (`robot-2/wrist_1_link`). */
  other: string;
  /** The item the other body belongs to (its robot for a link), or `floor`. */
  otherItem: string;
}

interface Placed {
  body: BodyPlan;
  shapes: PlacedShape[];
  box: number[];
}

function place(body: BodyPlan, pose: ArrayLike<number>): Placed {
  const world = mat4FromPose(mat4Create(), pose);
  const local = mat4Create();
  const m = mat4Create();
  const shapes = body.colliders
    .filter((c: ColliderPlan) => c.role !== 'sensor')
    .map((c): PlacedShape => {
      mat4MultiplyRigid(m, world, mat4FromPose(local, c.pose));
      // Column-major 4×4 → row-major rotation and translation.
      return { shape: c.shape, r: Float64Array.from([m[0]!, m[4]!, m[8]!, m[1]!, m[5]!, m[9]!, m[2]!, m[6]!, m[10]!]), t: [m[12]!, m[13]!, m[14]!] };
    });
  const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  for (const s of shapes) {
    const b = bounds(s);
    for (let i = 0; i < 3; i++) {
      box[i] = Math.min(box[i]!, b[i]!);
      box[i + 3] = Math.max(box[i + 3]!, b[i + 3]!);
    }
  }
  return { body, shapes, box };
}

const boxesOverlap = (a: number[], b: number[]): boolean => a[0]! <= b[3]! && b[0]! <= a[3]! && a[1]! <= b[4]! && b[1]! <= a[4]! && a[2]! <= b[5]! && b[2]! <= a[5]!;

/**
 * A cell's bodies ready for overlap tests: fixtures, the floor and parts placed once; robot links
 * placed per query at the joint values given. Build one per layout (robots' poses, items), query
 * it on every jog step.
 */
export class EditScene {
  private readonly model: CellModel;
  private readonly ignored: Set<string>;
  private readonly fixed: Placed[];

  /** Throws what buildCellModel throws on a cell the simulation could not load. */
  constructor(cell: Cell, robots: SimulationRobots) {
    this.model = buildCellModel(cell, robots);
    this.ignored = new Set(this.model.ignoredPairs.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
    this.fixed = this.model.bodies.filter((b) => b.kind !== 'link').map((b) => place(b, b.pose));
  }

  /** Every colliding pair with each robot at `joints(robot)` (its start pose when undefined). */
  collisions(joints: (robot: string) => ArrayLike<number> | undefined): EditCollision[] {
    const { model } = this;
    const links: Placed[] = [];
    const out7 = new Float64Array(model.bodies.length * POSE_FLOATS);
    model.rigs.forEach((rig, index) => {
      const slots = model.rigSlots[index]!;
      rig.computePoses(joints(rig.id) ?? rig.initialQ, rig.toolOpen, { poses: out7, slots });
      for (const id of slots) links.push(place(model.bodies[id]!, out7.subarray(id * POSE_FLOATS, (id + 1) * POSE_FLOATS)));
    });
    const out: EditCollision[] = [];
    const test = (link: Placed, other: Placed) => {
      const key = link.body.name < other.body.name ? `${link.body.name}|${other.body.name}` : `${other.body.name}|${link.body.name}`;
      if (this.ignored.has(key)) return;
      if (other.body.kind === 'part' && link.body.link?.startsWith('tool/')) return; // a gripper touches parts
      if (!boxesOverlap(link.box, other.box)) return;
      if (!link.shapes.some((s) => other.shapes.some((t) => shapesOverlap(s, t)))) return;
      out.push({ robot: link.body.item, link: link.body.link ?? link.body.name, other: other.body.kind === 'link' ? other.body.name : other.body.item, otherItem: other.body.item });
    };
    for (let i = 0; i < links.length; i++) {
      for (const f of this.fixed) test(links[i]!, f);
      for (let j = i + 1; j < links.length; j++) test(links[i]!, links[j]!); // a pair of links is reported once
    }
    return out;
  }
}

/**
 * Every colliding pair in `cell` at its robots' document joint values; `jog` overrides one
 * robot's joint values (a drag that has not reached the document yet).
 */
export function editCollisions(cell: Cell, robots: SimulationRobots, jog?: { robot: string; q: ArrayLike<number> }): EditCollision[] {
  return new EditScene(cell, robots).collisions((robot) => (jog && jog.robot === robot ? jog.q : undefined));
}

/** The link names of `robot` that collide, for colouring them. */
export function collidingLinks(pairs: readonly EditCollision[], robot: string): Set<string> {
  const out = new Set<string>();
  for (const p of pairs) {
    if (p.robot === robot) out.add(p.link);
    if (p.otherItem === robot && p.other.startsWith(`${robot}/`)) out.add(p.other.slice(robot.length + 1));
  }
  return out;
}
