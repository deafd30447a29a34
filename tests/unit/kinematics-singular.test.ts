import { describe, expect, it } from 'vitest';
import { singularReadout, symmetricEigen } from '../../src/ui/kinematics/singular';

describe('singular values for the kinematics view', () => {
  it('finds the eigenvalues of a symmetric matrix worked by hand: [[2, 1], [1, 2]] has 1 and 3', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(3, 12)]);
    const k = values[0]! < values[1]! ? 0 : 1;
    expect(Math.abs(vectors[k]![0]! + vectors[k]![1]!)).toBeLessThan(1e-12); // (1, −1)/√2
  });

  it('gives a planar arm (two 1 m links and a vertical slide) at θ2 = 10° the joint rates a 10 mm/s tool motion along its weak direction needs', () => {
    const t1 = 0.3, t2 = (10 * Math.PI) / 180;
    // Columns: the two revolute joints (axes z) and a prismatic slide along z. Rows x, y, z, ωx, ωy, ωz.
    const a = [-Math.sin(t1) - Math.sin(t1 + t2), -Math.sin(t1 + t2), 0];
    const b = [Math.cos(t1) + Math.cos(t1 + t2), Math.cos(t1 + t2), 0];
    const r = singularReadout([a, b, [0, 0, 1], [0, 0, 0], [0, 0, 0], [1, 1, 0]], 0.01);
    // The 2×2 block's singular values by hand: σ² = (tr ± √(tr² − 4 det²)) / 2, det = sin θ2.
    const tr = a[0]! ** 2 + a[1]! ** 2 + b[0]! ** 2 + b[1]! ** 2;
    const det = a[0]! * b[1]! - a[1]! * b[0]!;
    expect(det).toBeCloseTo(Math.sin(t2), 12);
    const smallest = Math.sqrt((tr - Math.sqrt(tr * tr - 4 * det * det)) / 2);
    expect(r.sigmaMinLinear).toBeCloseTo(smallest, 9);
    expect(r.worstDirection[2]).toBeCloseTo(0, 9); // the slide moves z freely: the weak direction is in the plane
    // q̇ = J⁻¹ v: its size is speed / σ_min, and J q̇ is the 10 mm/s motion along the weak direction.
    expect(Math.hypot(...r.jointRates)).toBeCloseTo(0.01 / smallest, 9);
    const tool = [a, b].map((row) => row.reduce((s, x, k) => s + x * r.jointRates[k]!, 0));
    expect(tool[0]!).toBeCloseTo(0.01 * r.worstDirection[0], 12);
    expect(tool[1]!).toBeCloseTo(0.01 * r.worstDirection[1], 12);
    // The full 6-row Jacobian of a 3-joint arm has rank 3 at most: σ_min of 6 rows is 0.
    expect(r.sigmaMinFull).toBe(0);
  });
});
