/**
 * What a released part comes to rest on, without a physics engine: the highest surface under
 * its centre that is not above its bottom — a table top, a machine, a pallet, a belt, another
 * part lying there (a pallet layer), or the floor. The part drops straight down onto it in free
 * fall (t = √(2h/g)); the gap is millimetres where a robot sets a part down, so the drop takes
 * a few hundredths of a second. Parts are taken to be set down upright (a face or end down), as
 * every place in the templates does; a part released tilted rests at its bounding box.
 */
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from '../../kinematics/mat4';
import type { BodyPlan } from '../body-plan';
import { mat4FromPose } from '../pose';

/** A flat surface parts can rest on: a box collider of a fixture. */
export interface Support {
  /** World → collider frame. */
  inverse: Mat4;
  hx: number;
  hy: number;
  /** World height of the top face. */
  top: number;
  /** The lane whose belt this is, or −1. */
  lane: number;
}

/** Tolerance (m): a surface this far above a part's bottom still carries it (set down touching). */
export const SUPPORT_SLACK = 0.005;

/** The box colliders of fixtures, as supports; `laneOfBody` names the lane of a conveyor body. */
export function buildSupports(bodies: readonly BodyPlan[], laneOfBody: (body: number) => number): Support[] {
  const out: Support[] = [];
  const body = mat4Create();
  const local = mat4Create();
  for (const b of bodies) {
    if (b.kind !== 'fixture') continue;
    mat4FromPose(body, b.pose);
    for (const c of b.colliders) {
      if (c.shape.type !== 'box' || c.role === 'sensor') continue;
      const m = mat4MultiplyRigid(mat4Create(), body, mat4FromPose(local, c.pose));
      const [hx, hy, hz] = c.shape.half;
      // Height of the top face: the box's extent along world z above its centre.
      const top = m[14]! + Math.abs(m[2]!) * hx + Math.abs(m[6]!) * hy + Math.abs(m[10]!) * hz;
      out.push({ inverse: mat4InvertRigid(mat4Create(), m), hx, hy, top, lane: c.role === 'belt' ? laneOfBody(b.id) : -1 });
    }
  }
  return out;
}

/** True when world point (x, y, z) lies over the support's rectangle. */
export function isOver(s: Support, x: number, y: number, z: number): boolean {
  const m = s.inverse;
  const lx = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
  const ly = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
  return Math.abs(lx) <= s.hx && Math.abs(ly) <= s.hy;
}

/** The highest support under (x, y) whose top is at most `bottom` + slack; null over bare floor. */
export function supportUnder(supports: readonly Support[], x: number, y: number, bottom: number): Support | null {
  let best: Support | null = null;
  for (const s of supports) {
    if (s.top > bottom + SUPPORT_SLACK || (best && s.top <= best.top)) continue;
    if (isOver(s, x, y, s.top)) best = s;
  }
  return best;
}
