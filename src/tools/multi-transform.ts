/**
 * Moving and turning several items at once with one gizmo. The gizmo sits at the selection's
 * centre; a move shifts every item by the same delta, a turn rotates every item about the
 * vertical axis through that centre (positions swing round it, each yaw grows by the angle).
 * Turning about world Z keeps roll and pitch exact because poses are R = Rz(yaw)·Ry·Rx:
 * Rz(a)·Rz(yaw)·Ry·Rx = Rz(yaw + a)·Ry·Rx.
 */
import type { CellItem, Pose, Vec3 } from '../model';
import { footprint } from './placement';

/** A drag of the multi-selection gizmo: a shift (m), or a turn (rad) about a vertical axis. */
export type MultiTransform = { kind: 'translate'; delta: Vec3 } | { kind: 'rotate'; angle: number; centre: [number, number] };

/**
 * Where the gizmo of a multi-selection sits: the centre of the items' combined footprint
 * (the world-axis box around all of them), at the height of the lowest item's base.
 */
export function selectionCentre(items: readonly CellItem[]): Vec3 {
  if (items.length === 0) return [0, 0, 0];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let minZ = Infinity;
  for (const item of items) {
    const f = footprint(item);
    minX = Math.min(minX, f.minX);
    maxX = Math.max(maxX, f.maxX);
    minY = Math.min(minY, f.minY);
    maxY = Math.max(maxY, f.maxY);
    minZ = Math.min(minZ, item.pose.xyz[2]);
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2, minZ];
}

/** An angle wrapped to (−π, π]. */
export function wrapAngle(a: number): number {
  const w = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return w === -Math.PI ? Math.PI : w;
}

// Drops float noise (cos 90° = 6e-17) so that saved files read 1.5, not 1.5000000000000002.
const tidy = (v: number): number => Math.round(v * 1e9) / 1e9;

/** The pose after the transform. */
export function transformPose(pose: Pose, t: MultiTransform): Pose {
  const [x, y, z] = pose.xyz;
  const [roll, pitch, yaw] = pose.rpy;
  if (t.kind === 'translate') {
    const [dx, dy, dz] = t.delta;
    return { xyz: [tidy(x + dx), tidy(y + dy), tidy(z + dz)], rpy: [roll, pitch, yaw] };
  }
  const [cx, cy] = t.centre;
  const c = Math.cos(t.angle);
  const s = Math.sin(t.angle);
  const rx = x - cx;
  const ry = y - cy;
  return { xyz: [tidy(cx + rx * c - ry * s), tidy(cy + rx * s + ry * c), z], rpy: [roll, pitch, tidy(wrapAngle(yaw + t.angle))] };
}

/** Rounds each component of a drag offset to whole `step`s (metres); `step` null leaves it free. */
export function snapDelta(delta: Vec3, step: number | null): Vec3 {
  if (step === null || step <= 0) return [...delta];
  return delta.map((d) => Math.round(d / step) * step) as Vec3;
}

/** Rounds a turn to whole `step`s (radians); `step` null leaves it free. */
export function snapAngle(angle: number, step: number | null): number {
  if (step === null || step <= 0) return angle;
  return Math.round(angle / step) * step;
}
