/**
 * Do two convex shapes overlap? The Gilbert–Johnson–Keerthi test on support functions: exact for
 * every shape the simulation gives a link or a fixture (box, cylinder, sphere, convex hull), with
 * no physics engine and no allocation per iteration beyond a few small vectors. Used while
 * editing (jogging, IK drags, teaching), where a yes/no per pair is all that is needed.
 */
import type { ShapeSpec } from '../sim/body-plan';

export type V3 = [number, number, number];

/** A shape placed in the world: rotation (row-major 3×3) and translation. */
export interface PlacedShape {
  shape: ShapeSpec;
  /** Rotation, row-major: r[3·i + j]. */
  r: Float64Array;
  t: V3;
}

const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const neg = (a: V3): V3 => [-a[0], -a[1], -a[2]];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const tripleCross = (a: V3, b: V3, c: V3): V3 => cross(cross(a, b), c);

/** The farthest point of `shape` (in its own frame) along local direction `d`. */
function localSupport(shape: ShapeSpec, d: V3): V3 {
  switch (shape.type) {
    case 'box':
      return [d[0] >= 0 ? shape.half[0] : -shape.half[0], d[1] >= 0 ? shape.half[1] : -shape.half[1], d[2] >= 0 ? shape.half[2] : -shape.half[2]];
    case 'sphere': {
      const n = Math.hypot(d[0], d[1], d[2]) || 1;
      return [(shape.radius * d[0]) / n, (shape.radius * d[1]) / n, (shape.radius * d[2]) / n];
    }
    case 'cylinder': {
      const n = Math.hypot(d[0], d[1]);
      const z = d[2] >= 0 ? shape.halfLength : -shape.halfLength;
      return n > 1e-12 ? [(shape.radius * d[0]) / n, (shape.radius * d[1]) / n, z] : [0, 0, z];
    }
    case 'hull': {
      const p = shape.points;
      let best = 0;
      let bestDot = -Infinity;
      for (let i = 0; i < p.length; i += 3) {
        const v = p[i]! * d[0] + p[i + 1]! * d[1] + p[i + 2]! * d[2];
        if (v > bestDot) {
          bestDot = v;
          best = i;
        }
      }
      return p.length === 0 ? [0, 0, 0] : [p[best]!, p[best + 1]!, p[best + 2]!];
    }
  }
}

/** The farthest point of a placed shape along world direction `d`. */
export function support(s: PlacedShape, d: V3): V3 {
  const r = s.r;
  // Rᵀ·d: the direction in the shape's frame.
  const l: V3 = [r[0]! * d[0] + r[3]! * d[1] + r[6]! * d[2], r[1]! * d[0] + r[4]! * d[1] + r[7]! * d[2], r[2]! * d[0] + r[5]! * d[1] + r[8]! * d[2]];
  const p = localSupport(s.shape, l);
  return [r[0]! * p[0] + r[1]! * p[1] + r[2]! * p[2] + s.t[0], r[3]! * p[0] + r[4]! * p[1] + r[5]! * p[2] + s.t[1], r[6]! * p[0] + r[7]! * p[1] + r[8]! * p[2] + s.t[2]];
}

/** World axis-aligned bounds [min x, min y, min z, max x, max y, max z] (from six supports). */
export function bounds(s: PlacedShape): number[] {
  return [support(s, [-1, 0, 0])[0], support(s, [0, -1, 0])[1], support(s, [0, 0, -1])[2], support(s, [1, 0, 0])[0], support(s, [0, 1, 0])[1], support(s, [0, 0, 1])[2]];
}

const minkowski = (a: PlacedShape, b: PlacedShape, d: V3): V3 => sub(support(a, d), support(b, neg(d)));

/**
 * Updates the simplex (newest point first) and the search direction; true when the simplex
 * encloses the origin (the shapes overlap).
 */
function doSimplex(s: V3[], d: V3): boolean {
  const set = (v: V3) => {
    d[0] = v[0];
    d[1] = v[1];
    d[2] = v[2];
  };
  if (s.length === 2) {
    const [a, b] = s as [V3, V3];
    const ab = sub(b, a);
    const ao = neg(a);
    if (dot(ab, ao) > 0) {
      const dir = tripleCross(ab, ao, ab);
      // The origin on the segment's line: any perpendicular will do; the next point decides.
      set(dot(dir, dir) > 1e-24 ? dir : Math.abs(ab[0]) < 0.9 ? cross(ab, [1, 0, 0]) : cross(ab, [0, 1, 0]));
    } else {
      s.splice(1);
      set(ao);
    }
    return false;
  }
  if (s.length === 3) {
    const [a, b, c] = s as [V3, V3, V3];
    const ab = sub(b, a);
    const ac = sub(c, a);
    const ao = neg(a);
    const abc = cross(ab, ac);
    if (dot(cross(abc, ac), ao) > 0) {
      if (dot(ac, ao) > 0) {
        s.splice(0, 3, a, c);
        set(tripleCross(ac, ao, ac));
      } else {
        s.splice(0, 3, a, b);
        return doSimplex(s, d);
      }
    } else if (dot(cross(ab, abc), ao) > 0) {
      s.splice(0, 3, a, b);
      return doSimplex(s, d);
    } else if (dot(abc, ao) > 0) {
      set(abc);
    } else {
      s.splice(0, 3, a, c, b);
      set(neg(abc));
    }
    return false;
  }
  // Tetrahedron a (newest), b, c, d: check the three faces that contain a.
  const [a, b, c, e] = s as [V3, V3, V3, V3];
  const ao = neg(a);
  const abc = cross(sub(b, a), sub(c, a));
  const acd = cross(sub(c, a), sub(e, a));
  const adb = cross(sub(e, a), sub(b, a));
  if (dot(abc, ao) > 0) {
    s.splice(0, 4, a, b, c);
    return doSimplex(s, d);
  }
  if (dot(acd, ao) > 0) {
    s.splice(0, 4, a, c, e);
    return doSimplex(s, d);
  }
  if (dot(adb, ao) > 0) {
    s.splice(0, 4, a, e, b);
    return doSimplex(s, d);
  }
  return true;
}

/** True when the two placed convex shapes overlap (touching counts). */
export function shapesOverlap(a: PlacedShape, b: PlacedShape): boolean {
  const d: V3 = sub(b.t, a.t);
  if (dot(d, d) < 1e-24) d[0] = 1;
  const simplex: V3[] = [minkowski(a, b, d)];
  const first = simplex[0]!;
  if (dot(first, first) < 1e-24) return true; // the origin is on the difference's boundary
  d[0] = -first[0];
  d[1] = -first[1];
  d[2] = -first[2];
  for (let i = 0; i < 64; i++) {
    const p = minkowski(a, b, d);
    if (dot(p, d) < 0) return false; // the difference does not reach past the origin: separated
    simplex.unshift(p);
    if (doSimplex(simplex, d)) return true;
    if (dot(d, d) < 1e-24) return true; // the origin lies on the simplex
  }
  return true; // no separating direction found: count it as touching
}
