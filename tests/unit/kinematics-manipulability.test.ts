import { describe, expect, it } from 'vitest';
import { singularValues, symmetricEigen } from '../../src/kinematics/eigen';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { Jacobian } from '../../src/kinematics/jacobian';
import { determinantInPlace } from '../../src/kinematics/linalg';
import { jacobianRows, jointRatesForTwist, manipulabilityReport, translationalEllipsoid, yoshikawa } from '../../src/kinematics/manipulability';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { loadBundledRobot, seededRandom } from './support/kinematics-fixtures';

const matVec = (rows: number[][], x: readonly number[]) => rows.map((r) => r.reduce((s, a, j) => s + a * x[j]!, 0));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** A planar arm in the x–y plane: two revolute joints about z, links l1 and l2 along x. */
function planarArm(l1: number, l2: number) {
  const urdf = `<robot name="planar">
    <link name="base"/><link name="upper"/><link name="fore"/><link name="tip"/>
    <joint name="q1" type="revolute"><parent link="base"/><child link="upper"/><axis xyz="0 0 1"/><limit lower="-3" upper="3" velocity="1" effort="1"/></joint>
    <joint name="q2" type="revolute"><parent link="upper"/><child link="fore"/><origin xyz="${l1} 0 0"/><axis xyz="0 0 1"/><limit lower="-3" upper="3" velocity="1" effort="1"/></joint>
    <joint name="end" type="fixed"><parent link="fore"/><child link="tip"/><origin xyz="${l2} 0 0"/></joint>
  </robot>`;
  return new Jacobian(parseUrdf(urdf, 'planar.urdf').robot, 'base', 'tip');
}

describe('symmetric eigen-decomposition (Jacobi)', () => {
  it('finds 3 and 1 for [[2, 1], [1, 2]], the small one along (1, −1)/√2', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[1]![0]! + vectors[1]![1]!)).toBeLessThan(1e-14);
  });

  it('agrees with the trigonometric closed form for the eigenvalues of a symmetric 3×3', () => {
    const a = [4, 1, -2, 1, 2, 0.5, -2, 0.5, 3];
    // Smith's closed form: p, q from the trace and the deviator, then three cosines.
    const q = (a[0]! + a[4]! + a[8]!) / 3;
    const p1 = a[1]! ** 2 + a[2]! ** 2 + a[5]! ** 2;
    const p = Math.sqrt(((a[0]! - q) ** 2 + (a[4]! - q) ** 2 + (a[8]! - q) ** 2 + 2 * p1) / 6);
    const b = Float64Array.from(a, (x, k) => (x - (k % 4 === 0 ? q : 0)) / p);
    const phi = Math.acos(Math.max(-1, Math.min(1, determinantInPlace(b, 3) / 2))) / 3;
    const expected = [q + 2 * p * Math.cos(phi), q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3), q + 2 * p * Math.cos(phi + (4 * Math.PI) / 3)].sort((x, y) => y - x);
    const { values, vectors } = symmetricEigen(a, 3);
    values.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    // A v = λ v for each pair.
    vectors.forEach((v, i) => matVec([a.slice(0, 3), a.slice(3, 6), a.slice(6, 9)], v).forEach((x, r) => expect(x).toBeCloseTo(values[i]! * v[r]!, 12)));
  });
});

describe('singular value decomposition', () => {
  it('rebuilds a random 6×7 matrix from σ, u, v, and the σ² multiply to det(A·Aᵀ)', () => {
    const random = seededRandom(7);
    const a = Array.from({ length: 6 }, () => Array.from({ length: 7 }, () => 2 * random() - 1));
    const { values, u, v } = singularValues(a);
    expect(values).toHaveLength(6);
    for (let i = 1; i < 6; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    a.forEach((row, r) => row.forEach((x, c) => expect(values.reduce((s, sig, i) => s + sig * u[i]![r]! * v[i]![c]!, 0)).toBeCloseTo(x, 12)));
    const gram = Float64Array.from(a.flatMap((x) => a.map((y) => dot(x, y))));
    expect(values.reduce((p, s) => p * s * s, 1)).toBeCloseTo(determinantInPlace(gram, 6), 10);
  });

  it('keeps the digits of a tiny singular value next to a large one (diag(1, 1e-9))', () => {
    expect(singularValues([[1, 0], [0, 1e-9]]).values[1]).toBeCloseTo(1e-9, 20);
  });
});

describe('manipulability of a planar two-link arm (l1 = 0.7 m, l2 = 0.4 m)', () => {
  const jac = planarArm(0.7, 0.4);
  for (const q2 of [0.3, 1.2, Math.PI / 2, -2.5]) {
    it(`gives w = l1·l2·|sin q2| at q2 = ${q2.toFixed(2)} rad, from the x and y rows, and the ellipsoid's in-plane axes multiply to it`, () => {
      jac.compute([0.4, q2]);
      const rows = jacobianRows(jac);
      const expected = 0.7 * 0.4 * Math.abs(Math.sin(q2));
      expect(yoshikawa(rows.slice(0, 2))).toBeCloseTo(expected, 12);
      expect(jac.manipulability('position')).toBeCloseTo(expected, 12); // √det(JᵀJ), a separate code path
      const e = translationalEllipsoid(rows);
      expect(e.lengths[0] * e.lengths[1]).toBeCloseTo(expected, 12);
      expect(e.lengths[2]).toBeCloseTo(0, 12); // no z motion in a planar arm
      expect(Math.abs(e.axes[2][2])).toBeCloseTo(1, 12); // the flat axis is z
    });
  }

  it('loses a singular value of its x–y rows when stretched out (q2 = 0), and its ellipsoid flattens to a segment', () => {
    jac.compute([0.4, 0]);
    const rows = jacobianRows(jac);
    expect(singularValues(rows.slice(0, 2)).values[1]).toBeLessThan(1e-12);
    expect(yoshikawa(rows.slice(0, 2))).toBeLessThan(1e-12);
    const e = translationalEllipsoid(rows);
    expect(e.lengths[1]).toBeLessThan(1e-9);
    // The long axis is across the arm (turning q1 with q2 fixed), of length √((l1 + l2)² + l2²).
    expect(e.lengths[0]).toBeCloseTo(Math.hypot(1.1, 0.4), 12);
    expect(Math.abs(dot(e.axes[0], [Math.cos(0.4), Math.sin(0.4), 0]))).toBeLessThan(1e-12);
    // The full 6-row Jacobian keeps rank 2 (ωz = q̇1 + q̇2 is still free): σ_min > 0 there.
    expect(manipulabilityReport(rows).sigmaMin).toBeGreaterThan(0.1);
  });
});

describe('the UR5e near its wrist singularity (θ5 → 0: axes 4 and 6 in line)', () => {
  const { robot } = loadBundledRobot('ur5e.urdf');
  const jac = new Jacobian(robot, 'base_link', 'tool0');
  const at = (q5: number) => {
    jac.compute([0.3, -1.2, 1.5, -0.8, q5, 0.6]);
    return manipulabilityReport(jacobianRows(jac), 0.01);
  };

  it('has σ_min of the full Jacobian at 0 exactly there, and the motion along the lost direction is impossible', () => {
    const r = at(0);
    expect(r.sigmaMin).toBeLessThan(1e-12);
    expect(r.singularValues[4]!).toBeGreaterThan(0.05); // only one direction is lost
    expect(r.conditionNumber).toBe(Infinity);
    expect(r.yoshikawa).toBeLessThan(1e-12);
    expect(r.achievable).toBe(false);
  });

  it('has σ_min growing like |sin θ5| nearby, and w equal to the Jacobian class\'s √det(J·Jᵀ)', () => {
    const small = at(1e-3);
    expect(small.yoshikawa / jac.manipulability()).toBeCloseTo(1, 6); // det(J·Jᵀ) by elimination
    const twice = at(2e-3), bent = at(0.8);
    expect(twice.sigmaMin / small.sigmaMin).toBeCloseTo(2, 3);
    expect(bent.yoshikawa).toBeCloseTo(jac.manipulability(), 12);
    expect(bent.sigmaMin).toBeGreaterThan(100 * small.sigmaMin);
  });

  it('needs joint rates of order v/σ for 10 mm/s at θ5 = 0.1°: they produce exactly that twist, and no direction needs more', () => {
    const r = at((0.1 * Math.PI) / 180);
    jac.compute([0.3, -1.2, 1.5, -0.8, (0.1 * Math.PI) / 180, 0.6]);
    const rows = jacobianRows(jac);
    const twist = [...r.worstDirection.map((d) => d * 0.01), 0, 0, 0];
    matVec(rows, r.jointRates).forEach((x, i) => expect(x).toBeCloseTo(twist[i]!, 12));
    expect(r.achievable).toBe(true);
    const fastest = Math.hypot(...r.jointRates);
    expect(fastest).toBeGreaterThan(0.01 / r.singularValues[0]!);
    expect(fastest).toBeLessThanOrEqual(0.01 / r.sigmaMin + 1e-12);
    // Over 180 °/s (π rad/s, the UR5e's wrist limit) on some joint for a mere 10 mm/s.
    expect(Math.max(...r.jointRates.map(Math.abs))).toBeGreaterThan(Math.PI);
    // No other straight-line direction needs faster joints (sampled directions).
    const random = seededRandom(3);
    for (let k = 0; k < 200; k++) {
      const d = [random() - 0.5, random() - 0.5, random() - 0.5];
      const len = Math.hypot(...d);
      const q = jointRatesForTwist(rows, [...d.map((x) => (0.01 * x) / len), 0, 0, 0]);
      expect(Math.hypot(...q)).toBeLessThanOrEqual(fastest * (1 + 1e-9));
    }
  });
});

describe('the translational ellipsoid against independent numbers', () => {
  const { robot } = loadBundledRobot('ur10e.urdf');
  const q = [0.2, -1.1, 1.4, -1.6, 1.1, 0.4];
  const fk = new ForwardKinematics(robot);
  const jac = new Jacobian(robot, 'base_link', 'tool0', fk);
  jac.compute(q);
  const e = translationalEllipsoid(jacobianRows(jac));

  it('has the lengths of a Jacobian taken by central differences of FK positions', () => {
    const h = 1e-6;
    const columns = q.map((_, i) => {
      const p = (d: number) => fk.compute(q.map((v, k) => (k === i ? v + d : v))).relativePose('base_link', 'tool0');
      const a = p(h).slice(12, 15), b = p(-h).slice(12, 15);
      return [0, 1, 2].map((r) => (a[r]! - b[r]!) / (2 * h));
    });
    const numeric = [0, 1, 2].map((r) => columns.map((c) => c[r]!));
    const values = symmetricEigen(numeric.flatMap((x) => numeric.map((y) => dot(x, y))), 3).values;
    values.forEach((l, i) => expect(Math.sqrt(l)).toBeCloseTo(e.lengths[i]!, 6));
  });

  it('contains the image of every unit joint-rate vector and touches its surface', () => {
    jac.compute(q);
    const linear = jacobianRows(jac).slice(0, 3);
    const random = seededRandom(11);
    let outermost = 0, longest = 0;
    for (let k = 0; k < 20000; k++) {
      const g = q.map(() => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
      const n = Math.hypot(...g);
      const x = matVec(linear, g.map((v) => v / n));
      const level = e.axes.reduce((s, a, i) => s + dot(x, a) ** 2 / e.lengths[i]! ** 2, 0);
      outermost = Math.max(outermost, level);
      longest = Math.max(longest, Math.hypot(...x));
    }
    expect(outermost).toBeLessThanOrEqual(1 + 1e-9);
    expect(outermost).toBeGreaterThan(0.9);
    expect(longest).toBeLessThanOrEqual(e.lengths[0] + 1e-12);
    expect(longest).toBeGreaterThan(0.95 * e.lengths[0]);
  });

  it('has its major axis where power iteration on J_v·J_vᵀ ends up, and right-handed axes', () => {
    jac.compute(q);
    const linear = jacobianRows(jac).slice(0, 3);
    let x = [1, 0.3, -0.2];
    for (let k = 0; k < 500; k++) {
      const y = matVec(linear, transposeTimes(linear, x));
      const n = Math.hypot(...y);
      x = y.map((v) => v / n);
    }
    expect(Math.abs(dot(x, e.axes[0]))).toBeCloseTo(1, 9);
    const [a, b, c] = e.axes;
    expect(dot([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]], c)).toBeCloseTo(1, 12);
  });
});

function transposeTimes(rows: number[][], x: number[]): number[] {
  return rows[0]!.map((_, j) => rows.reduce((s, r, i) => s + r[j]! * x[i]!, 0));
}
