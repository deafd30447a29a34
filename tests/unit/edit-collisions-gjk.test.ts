import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/kinematics/random';
import { shapesOverlap, type PlacedShape, type V3 } from '../../src/tools/edit-collisions-gjk';

/** Row-major rotation from roll, pitch, yaw (R = Rz·Ry·Rx). */
function rot(r: number, p: number, y: number): Float64Array {
  const [cr, sr, cp, sp, cy, sy] = [Math.cos(r), Math.sin(r), Math.cos(p), Math.sin(p), Math.cos(y), Math.sin(y)];
  return Float64Array.from([cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr, sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr, -sp, cp * sr, cp * cr]);
}
const I = rot(0, 0, 0);
const box = (half: V3, t: V3, r = I): PlacedShape => ({ shape: { type: 'box', half }, r, t });

/** Separating-axis test for two oriented boxes (15 axes): an independent answer. */
function obbOverlap(a: PlacedShape, b: PlacedShape): boolean {
  const axes = (s: PlacedShape): V3[] => [0, 1, 2].map((j) => [s.r[j]!, s.r[3 + j]!, s.r[6 + j]!] as V3);
  const A = axes(a), B = axes(b);
  const ha = (a.shape as { half: V3 }).half, hb = (b.shape as { half: V3 }).half;
  const candidates: V3[] = [...A, ...B];
  for (const u of A) for (const v of B) candidates.push([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]);
  const d: V3 = [b.t[0] - a.t[0], b.t[1] - a.t[1], b.t[2] - a.t[2]];
  const dot = (x: V3, y: V3) => x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
  for (const n of candidates) {
    if (dot(n, n) < 1e-12) continue;
    const ra = A.reduce((s, u, i) => s + ha[i]! * Math.abs(dot(u, n)), 0);
    const rb = B.reduce((s, u, i) => s + hb[i]! * Math.abs(dot(u, n)), 0);
    if (Math.abs(dot(d, n)) > ra + rb) return false;
  }
  return true;
}

describe('convex overlap test (GJK)', () => {
  it('agrees with the separating-axis test on 2000 random pairs of oriented boxes', () => {
    const random = seededRandom(42);
    const r = (lo: number, hi: number) => lo + (hi - lo) * random();
    let overlapping = 0;
    for (let k = 0; k < 2000; k++) {
      const a = box([r(0.05, 0.5), r(0.05, 0.5), r(0.05, 0.5)], [r(-0.5, 0.5), r(-0.5, 0.5), r(-0.5, 0.5)], rot(r(-3, 3), r(-1.5, 1.5), r(-3, 3)));
      const b = box([r(0.05, 0.5), r(0.05, 0.5), r(0.05, 0.5)], [r(-0.5, 0.5), r(-0.5, 0.5), r(-0.5, 0.5)], rot(r(-3, 3), r(-1.5, 1.5), r(-3, 3)));
      const expected = obbOverlap(a, b);
      if (expected) overlapping++;
      expect(shapesOverlap(a, b), `pair ${k}`).toBe(expected);
    }
    expect(overlapping).toBeGreaterThan(400);
    expect(overlapping).toBeLessThan(1900);
  });

  it('finds spheres overlapping exactly when their centres are closer than the sum of radii', () => {
    const sphere = (radius: number, t: V3): PlacedShape => ({ shape: { type: 'sphere', radius }, r: I, t });
    expect(shapesOverlap(sphere(0.1, [0, 0, 0]), sphere(0.2, [0.29, 0, 0.0]))).toBe(true);
    expect(shapesOverlap(sphere(0.1, [0, 0, 0]), sphere(0.2, [0.18, 0.18, 0.1]))).toBe(true); // 0.274 apart
    expect(shapesOverlap(sphere(0.1, [0, 0, 0]), sphere(0.2, [0.21, 0.2, 0.1]))).toBe(false); // 0.307 apart
  });

  it('tells a cylinder above a table top from one that dips 5 mm into it', () => {
    const top = box([0.6, 0.4, 0.02], [0, 0, 0.73]); // top face at 0.75 m
    const lying = (z: number): PlacedShape => ({ shape: { type: 'cylinder', radius: 0.05, halfLength: 0.3 }, r: rot(0, Math.PI / 2, 0.3), t: [0.2, 0.1, z] });
    expect(shapesOverlap(lying(0.805), top)).toBe(false); // lowest line of the cylinder 5 mm above
    expect(shapesOverlap(lying(0.795), top)).toBe(true);
    // Standing on its end: the flat end face decides, not a bounding sphere.
    const standing = (z: number): PlacedShape => ({ shape: { type: 'cylinder', radius: 0.05, halfLength: 0.3 }, r: I, t: [0.55, 0.35, z] });
    expect(shapesOverlap(standing(1.051), top)).toBe(false);
    expect(shapesOverlap(standing(1.049), top)).toBe(true);
  });

  it('handles a convex hull given by its points (a tetrahedron) against a box', () => {
    const points = Float32Array.from([0, 0, 0, 0.2, 0, 0, 0, 0.2, 0, 0, 0, 0.2]);
    const tetra = (t: V3): PlacedShape => ({ shape: { type: 'hull', points, key: 'tetra' }, r: I, t });
    const unit = box([0.1, 0.1, 0.1], [0, 0, 0]);
    // Corner (0, 0, 0) of the tetrahedron inside the box, or 10 mm past its +x face.
    expect(shapesOverlap(tetra([0.09, 0.09, 0.09]), unit)).toBe(true);
    expect(shapesOverlap(tetra([0.11, 0, 0]), unit)).toBe(false);
    // The slanted face (x + y + z = 0.2 + shift) against the box corner at x + y + z = 0.3.
    expect(shapesOverlap(tetra([-0.05, -0.05, -0.05]), box([0.1, 0.1, 0.1], [0.2, 0.2, 0.2]))).toBe(false); // face at 0.05
    expect(shapesOverlap(tetra([0.05, 0.05, 0.05]), box([0.1, 0.1, 0.1], [0.2, 0.2, 0.2]))).toBe(true); // face at 0.35
  });
});
