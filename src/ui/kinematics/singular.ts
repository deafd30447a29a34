/**
 * Singular values of a Jacobian for the kinematics view, and what they mean for a small tool
 * motion: near a singularity the smallest singular value σ_min of the linear rows falls towards
 * 0, and moving the tool at speed v along the worst direction needs joint rates of size v / σ_min.
 * Pure numbers; the Jacobian comes from kinematics/jacobian.ts (rows: linear, then angular).
 */

/** Eigenvalues and unit eigenvectors of a symmetric n×n matrix (row-major), by cyclic Jacobi. */
export function symmetricEigen(a: number[], n: number): { values: number[]; vectors: number[][] } {
  const m = a.slice();
  const v = Array.from({ length: n * n }, (_, k): number => (k % (n + 1) === 0 ? 1 : 0));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!, mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!, mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!, vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return {
    values: Array.from({ length: n }, (_, k) => m[k * n + k]!),
    vectors: Array.from({ length: n }, (_, k) => Array.from({ length: n }, (__, r) => v[r * n + k]!)),
  };
}

/** What the kinematics view reports about the Jacobian at one pose. */
export interface SingularReadout {
  /** Smallest singular value of the full 6-row Jacobian (m/rad for the linear part, 1 for the angular). */
  sigmaMinFull: number;
  /** Smallest singular value of the three linear rows (m/s of tool motion per rad/s). */
  sigmaMinLinear: number;
  /** The tool direction (base frame, unit) that is hardest to move along. */
  worstDirection: [number, number, number];
  /** Joint rates (rad/s or m/s, per column of `rows`) that move the tool at `speed` along worstDirection. */
  jointRates: number[];
}

/**
 * Singular values of `rows` (6 rows of the Jacobian, columns = joints) and the joint rates a
 * tool speed `speed` (m/s) along the worst direction needs: q̇ = Jᵥᵀ (Jᵥ Jᵥᵀ)⁻¹ v = Jᵥᵀ u · speed / σ².
 */
export function singularReadout(rows: number[][], speed: number): SingularReadout {
  const cols = rows[0]?.length ?? 0;
  const gram = (r: number[][]): number[] => r.flatMap((a) => r.map((b) => a.reduce((s, x, k) => s + x * b[k]!, 0)));
  const sigmaMin = (r: number[][]): { value: number; vector: number[] } => {
    // Fewer joints than rows: the gram over columns (JᵀJ) has the nonzero singular values.
    const n = r.length;
    const { values, vectors } = symmetricEigen(gram(r), n);
    let k = 0;
    for (let i = 1; i < n; i++) if (values[i]! < values[k]!) k = i;
    return { value: Math.sqrt(Math.max(0, values[k]!)), vector: vectors[k]! };
  };
  const linear = rows.slice(0, 3);
  const full = cols >= 6 ? sigmaMin(rows).value : 0;
  const { value: s, vector: u } = sigmaMin(linear);
  const jointRates = Array.from({ length: cols }, (_, j) => (s > 0 ? (linear.reduce((sum, row, i) => sum + row[j]! * u[i]!, 0) * speed) / (s * s) : Infinity));
  return { sigmaMinFull: full, sigmaMinLinear: s, worstDirection: [u[0] ?? 0, u[1] ?? 0, u[2] ?? 0], jointRates };
}

/** A 4×4 column-major transform as four text rows, rotation to 4 decimals, translation in mm. */
export function formatTransform(m: ArrayLike<number>): string[] {
  const f = (v: number, d: number) => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v).toFixed(d).padStart(d + 5);
  return [0, 1, 2, 3].map((r) => [0, 1, 2].map((c) => f(m[4 * c + r]!, 4)).concat(f(m[12 + r]! * (r < 3 ? 1000 : 1), r < 3 ? 2 : 0)).join(' '));
}
