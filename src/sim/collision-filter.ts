/**
 * Which touching pairs count as collisions. A collision always involves a robot link; the rules
 * below drop the contacts a working cell has by design:
 *
 * 1. **Adjacent links** of the same robot: two link bodies joined by a joint (through links with
 *    no geometry, e.g. `wrist_3_link`–`tool0`–tool `base_link`) overlap at the joint by
 *    construction. Non-adjacent links of one robot do report (the forearm hitting the base).
 * 2. **A robot's base and what it is mounted on**: the base body (a root link body) touches the
 *    fixture or floor under it. "Mounted on" = the robot's origin lies on that fixture's top face
 *    (within 1 cm in height, inside its footprint + 1 cm). A base overlapping anything else (a
 *    fence through the pedestal) does report — that is a layout error worth seeing.
 * 3. **Tool links and parts**: a gripper touches parts to pick them; that is not a crash.
 * 4. **A robot and the part it holds** (checked at run time by the simulation, as holding changes).
 *
 * Pairs of two non-links (part on table, part on part) never report.
 */
import { mat4Create, mat4FromXyzRpy, mat4InvertRigid } from '../kinematics/mat4';
import type { CellItem, RobotItem } from '../model/cell';
import { itemExtent } from '../model/item-factory';
import type { BodyInfo } from './body-plan';

/** Height tolerance for "the robot stands on this" (m). */
export const MOUNT_TOLERANCE = 0.01;

const pairKey = (a: number, b: number): number => (a < b ? a * 1048576 + b : b * 1048576 + a);

/** True when `robot`'s origin lies on the top face of fixture `item` (or on the floor for null). */
export function isMountedOn(robot: RobotItem, item: CellItem | null): boolean {
  const [x, y, z] = robot.pose.xyz;
  if (item === null) return Math.abs(z) <= MOUNT_TOLERANCE;
  const inv = mat4InvertRigid(mat4Create(), mat4FromXyzRpy(mat4Create(), item.pose.xyz, item.pose.rpy));
  const lx = inv[0]! * x + inv[4]! * y + inv[8]! * z + inv[12]!;
  const ly = inv[1]! * x + inv[5]! * y + inv[9]! * z + inv[13]!;
  const lz = inv[2]! * x + inv[6]! * y + inv[10]! * z + inv[14]!;
  const [sx, sy, sz] = itemExtent(item);
  return Math.abs(lz - sz) <= MOUNT_TOLERANCE && Math.abs(lx) <= sx / 2 + MOUNT_TOLERANCE && Math.abs(ly) <= sy / 2 + MOUNT_TOLERANCE;
}

/** The static rules 1–3, built once per cell; rule 4 is the simulation's. */
export class CollisionFilter {
  private readonly ignored = new Set<number>();
  private readonly bodies: readonly BodyInfo[];

  /**
   * @param bodies the body table (fixtures and links; parts may be added later)
   * @param ignoredPairs pairs of body names dropped by rules 1 and 2
   */
  constructor(bodies: readonly BodyInfo[], ignoredPairs: Iterable<[string, string]>) {
    this.bodies = bodies;
    const byName = new Map(bodies.map((b) => [b.name, b.id]));
    for (const [a, b] of ignoredPairs) {
      const ia = byName.get(a);
      const ib = byName.get(b);
      if (ia !== undefined && ib !== undefined) this.ignored.add(pairKey(ia, ib));
    }
  }

  /** The body with id `id` (the table is the simulation's, and grows as parts appear). */
  private body(id: number): BodyInfo | undefined {
    return this.bodies[id];
  }

  /** True when a contact between bodies `a` and `b` may ever be a collision (rules 1–3). */
  reportable(a: number, b: number): boolean {
    const ba = this.body(a);
    const bb = this.body(b);
    if (!ba || !bb) return false;
    if (ba.kind !== 'link' && bb.kind !== 'link') return false;
    if (this.ignored.has(pairKey(a, b))) return false;
    const isTool = (x: BodyInfo) => x.kind === 'link' && x.link !== null && x.link.startsWith('tool/');
    if ((isTool(ba) && bb.kind === 'part') || (isTool(bb) && ba.kind === 'part')) return false;
    return true;
  }
}
