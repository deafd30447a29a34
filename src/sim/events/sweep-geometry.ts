/**
 * Bounds for the collision checks of the events engine: a sphere holding each body's colliders,
 * the axis-aligned box a set of moving spheres sweeps over a time window, and the stretch of a
 * window in which two sets of moving spheres come near each other. The checks use them to leave
 * out what cannot touch — parts far from a robot's links, pairs of robots whose moves never come
 * near each other in space and time — and to sample with Rapier only the stretch that can.
 */
import type { BodyPlan, ShapeSpec } from '../body-plan';

/** An axis-aligned box: min x, y, z then max x, y, z (m, world). */
export type Box = Float64Array;

/** Samples taken along a window to bound what it sweeps. */
const BOX_SAMPLES = 24;

/** A box that contains nothing (the union's start). */
export function emptyBox(): Box {
  return Float64Array.of(Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity);
}

/** Grows `box` to hold a sphere of radius `r` at (x, y, z). */
export function addSphere(box: Box, x: number, y: number, z: number, r: number): void {
  box[0] = Math.min(box[0]!, x - r);
  box[1] = Math.min(box[1]!, y - r);
  box[2] = Math.min(box[2]!, z - r);
  box[3] = Math.max(box[3]!, x + r);
  box[4] = Math.max(box[4]!, y + r);
  box[5] = Math.max(box[5]!, z + r);
}

/** True when the two boxes overlap (touching counts). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a[0]! <= b[3]! && b[0]! <= a[3]! && a[1]! <= b[4]! && b[1]! <= a[4]! && a[2]! <= b[5]! && b[2]! <= a[5]!;
}

/** A sphere (centre in some frame, radius). */
export interface Sphere {
  center: [number, number, number];
  radius: number;
}

/** A sphere about the shape's own frame that holds it. */
function shapeSphere(shape: ShapeSpec): Sphere {
  switch (shape.type) {
    case 'box':
      return { center: [0, 0, 0], radius: Math.hypot(...shape.half) };
    case 'cylinder':
      return { center: [0, 0, 0], radius: Math.hypot(shape.radius, shape.halfLength) };
    case 'sphere':
      return { center: [0, 0, 0], radius: shape.radius };
    case 'hull': {
      const p = shape.points;
      const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
      for (let i = 0; i + 2 < p.length; i += 3) {
        for (let k = 0; k < 3; k++) {
          lo[k] = Math.min(lo[k]!, p[i + k]!);
          hi[k] = Math.max(hi[k]!, p[i + k]!);
        }
      }
      if (!(lo[0]! <= hi[0]!)) return { center: [0, 0, 0], radius: 0 };
      const c: [number, number, number] = [(lo[0]! + hi[0]!) / 2, (lo[1]! + hi[1]!) / 2, (lo[2]! + hi[2]!) / 2];
      let r = 0;
      for (let i = 0; i + 2 < p.length; i += 3) r = Math.max(r, Math.hypot(p[i]! - c[0], p[i + 1]! - c[1], p[i + 2]! - c[2]));
      return { center: c, radius: r };
    }
  }
}

/** Rotates v by the unit quaternion (x, y, z, w). */
function rotate(q: ArrayLike<number>, o: number, v: readonly number[]): [number, number, number] {
  const x = q[o]!, y = q[o + 1]!, z = q[o + 2]!, w = q[o + 3]!;
  // v + 2w(u × v) + 2u × (u × v), u = (x, y, z)
  const cx = y * v[2]! - z * v[1]!, cy = z * v[0]! - x * v[2]!, cz = x * v[1]! - y * v[0]!;
  return [v[0]! + 2 * (w * cx + y * cz - z * cy), v[1]! + 2 * (w * cy + z * cx - x * cz), v[2]! + 2 * (w * cz + x * cy - y * cx)];
}

/** A sphere in the body's frame that holds all its solid colliders (radius 0 without any). */
export function bodySphere(plan: BodyPlan): Sphere {
  const spheres = plan.colliders
    .filter((c) => c.role !== 'sensor')
    .map((c) => {
      const s = shapeSphere(c.shape);
      const r = rotate(c.pose, 3, s.center);
      return { center: [c.pose[0]! + r[0], c.pose[1]! + r[1], c.pose[2]! + r[2]] as [number, number, number], radius: s.radius };
    });
  if (spheres.length === 0) return { center: [0, 0, 0], radius: 0 };
  const box = emptyBox();
  for (const s of spheres) addSphere(box, s.center[0], s.center[1], s.center[2], s.radius);
  const c: [number, number, number] = [(box[0]! + box[3]!) / 2, (box[1]! + box[4]!) / 2, (box[2]! + box[5]!) / 2];
  let radius = 0;
  for (const s of spheres) radius = Math.max(radius, Math.hypot(s.center[0] - c[0], s.center[1] - c[1], s.center[2] - c[2]) + s.radius);
  return { center: c, radius };
}

/** The world centre of a body sphere for a body at pose `pose[o … o + 6]`, into `out` at `at`. */
export function sphereCenter(sphere: Sphere, pose: ArrayLike<number>, o: number, out: Float64Array, at: number): void {
  const r = rotate(pose, o + 3, sphere.center);
  out[at] = pose[o]! + r[0];
  out[at + 1] = pose[o + 1]! + r[1];
  out[at + 2] = pose[o + 2]! + r[2];
}

/** Travel (m) of a sphere centre between two samples of {@link nearSpan}. */
const NEAR_TRAVEL = 0.02;

/**
 * Where two groups of moving spheres come near each other over a window of `duration` s sampled
 * on the dt grid: the first and last grid step (offset / dt) between which a sphere of group A
 * may touch one of group B, and which spheres of B ever may; null when none ever may. Samples
 * are taken so that no centre moves more than {@link NEAR_TRAVEL} between two, and a pair counts
 * as near at a sample when its gap is below twice that (the most two centres can close in
 * between), so a touch between samples is never missed.
 */
export function nearSpan(
  a: (tau: number) => Float64Array,
  ra: ArrayLike<number>,
  b: (tau: number) => Float64Array,
  rb: ArrayLike<number>,
  duration: number,
  dt: number,
): { first: number; last: number; near: boolean[] } | null {
  const steps = Math.max(1, Math.ceil(duration / dt - 1e-9));
  const near = Array.from({ length: rb.length }, () => false);
  /** Grid steps sampled, and whether some pair was near there. */
  const at: number[] = [];
  const hit: boolean[] = [];
  const test = (k: number, pa: Float64Array, pb: Float64Array) => {
    let any = false;
    for (let j = 0; j < rb.length; j++) {
      const bx = pb[3 * j]!, by = pb[3 * j + 1]!, bz = pb[3 * j + 2]!, r = rb[j]! + 2 * NEAR_TRAVEL;
      for (let i = 0; i < ra.length; i++) {
        if (Math.hypot(pa[3 * i]! - bx, pa[3 * i + 1]! - by, pa[3 * i + 2]! - bz) < ra[i]! + r) {
          near[j] = true;
          any = true;
          break;
        }
      }
    }
    at.push(k);
    hit.push(any);
  };
  let k = 0, m = 1;
  let pa = a(0), pb = b(0);
  test(0, pa, pb);
  while (k < steps) {
    let next = Math.min(steps, k + m);
    let qa = a(next * dt), qb = b(next * dt);
    while (next > k + 1 && Math.max(moved(pa, qa), moved(pb, qb)) > NEAR_TRAVEL) {
      m = Math.max(1, m >> 1);
      next = Math.min(steps, k + m);
      qa = a(next * dt);
      qb = b(next * dt);
    }
    test(next, qa, qb);
    if (Math.max(moved(pa, qa), moved(pb, qb)) < NEAR_TRAVEL / 2) m = Math.min(m * 2, 64);
    pa = qa;
    pb = qb;
    k = next;
  }
  const i0 = hit.indexOf(true);
  if (i0 < 0) return null;
  const i1 = hit.lastIndexOf(true);
  // A touch between two samples shows as near at one of them: widen by a sample each side.
  return { first: at[Math.max(0, i0 - 1)]!, last: at[Math.min(at.length - 1, i1 + 1)]!, near };
}

/** Largest distance a point moved between two samples. */
function moved(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i + 2 < a.length; i += 3) d = Math.max(d, Math.hypot(a[i]! - b[i]!, a[i + 1]! - b[i + 1]!, a[i + 2]! - b[i + 2]!));
  return d;
}

/**
 * The box swept over `duration` s by spheres of radii `radii` centred on the points that
 * `points(tau)` gives (x, y, z triples) at offset tau. It is sampled at {@link BOX_SAMPLES}
 * times and grown by the largest distance a point moved between two samples, so a point's path
 * between samples stays inside (a joint move's path bends little over 1/24 of it).
 */
export function sweptBox(points: (tau: number) => Float64Array, radii: ArrayLike<number>, duration: number): Box {
  const box = emptyBox();
  let prev: Float64Array | null = null;
  let pad = 0;
  const n = duration > 0 ? BOX_SAMPLES : 0;
  for (let i = 0; i <= n; i++) {
    const p = points(n === 0 ? 0 : (duration * i) / n);
    for (let k = 0; k < radii.length; k++) addSphere(box, p[3 * k]!, p[3 * k + 1]!, p[3 * k + 2]!, radii[k]!);
    if (prev) for (let k = 0; k < radii.length; k++) pad = Math.max(pad, Math.hypot(p[3 * k]! - prev[3 * k]!, p[3 * k + 1]! - prev[3 * k + 1]!, p[3 * k + 2]! - prev[3 * k + 2]!));
    prev = p;
  }
  for (let i = 0; i < 3; i++) {
    box[i] = box[i]! - pad;
    box[i + 3] = box[i + 3]! + pad;
  }
  return box;
}
