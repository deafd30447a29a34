/**
 * Eigen-decomposition of small symmetric matrices by the cyclic Jacobi method, and a singular
 * value decomposition built on it. Written here rather than taken from a matrix package because
 * the sizes are tiny (3×3 ellipsoids, 12×12 at most for a 6×6 Jacobian) and Jacobi is accurate
 * for small eigenvalues, which is exactly what a singularity readout needs.
 */

/** Eigenvalues (descending) and unit eigenvectors (`vectors[k]` belongs to `values[k]`). */
export interface SymmetricEigen {
  values: number[];
  vectors: number[][];
}

/**
 * Eigenvalues and orthonormal eigenvectors of a symmetric n×n matrix (row-major `a`, only read),
 * sorted by decreasing eigenvalue. Cyclic Jacobi: each rotation zeroes one off-diagonal pair;
 * sweeps stop when the off-diagonal mass is below 1e-32 of the whole matrix's (quadratic
 * convergence gets there in 6–10 sweeps for the sizes used here).
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length < n * n) throw new Error(`symmetricEigen: ${a.length} numbers for a ${n}×${n} matrix`);
  const m = Array.from({ length: n * n }, (_, k) => a[k]!);
  const v = Array.from({ length: n * n }, (_, k): number => (k % (n + 1) === 0 ? 1 : 0));
  let total = 0;
  for (const x of m) total += x * x;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off <= 1e-32 * total || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q], in the stable form t = tan φ, |φ| ≤ π/4.
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
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
  const order = Array.from({ length: n }, (_, k) => k).sort((i, j) => m[j * n + j]! - m[i * n + i]!);
  return {
    values: order.map((k) => m[k * n + k]!),
    vectors: order.map((k) => Array.from({ length: n }, (_, r) => v[r * n + k]!)),
  };
}

/** Singular values (descending, k = min(m, n) of them) with left (m) and right (n) unit vectors. */
export interface SingularValues {
  values: number[];
  /** `u[i]`: the i-th left singular vector (length m); zeros where σᵢ is 0 and it is undefined. */
  u: number[][];
  /** `v[i]`: the i-th right singular vector (length n); zeros where σᵢ is 0 and it is undefined. */
  v: number[][];
}

/**
 * Singular value decomposition of an m×n matrix given as rows, through the symmetric
 * (m+n)×(m+n) matrix [[0, A], [Aᵀ, 0]] (Jordan–Wielandt), whose eigenvalues are ±σᵢ with
 * eigenvectors [uᵢ; ±vᵢ]/√2. Unlike the eigenvalues of A·Aᵀ, this does not square the
 * singular values, so a σ_min of 1e-9 next to a σ_max of 1 keeps its digits.
 */
export function singularValues(rows: readonly (readonly number[])[]): SingularValues {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  const k = Math.min(m, n);
  if (k === 0) return { values: [], u: [], v: [] };
  const size = m + n;
  const h = new Array<number>(size * size).fill(0);
  rows.forEach((row, i) => {
    if (row.length !== n) throw new Error(`singularValues: row ${i} has ${row.length} numbers, row 0 has ${n}`);
    row.forEach((x, j) => {
      h[i * size + m + j] = x;
      h[(m + j) * size + i] = x;
    });
  });
  const { values, vectors } = symmetricEigen(h, size);
  const unit = (x: number[]): number[] => {
    const len = Math.hypot(...x);
    return len > 1e-6 ? x.map((c) => c / len) : x.map(() => 0);
  };
  const out: SingularValues = { values: [], u: [], v: [] };
  for (let i = 0; i < k; i++) {
    const sigma = Math.max(0, values[i]!);
    out.values.push(sigma);
    out.u.push(sigma > 0 ? unit(vectors[i]!.slice(0, m)) : new Array<number>(m).fill(0));
    out.v.push(sigma > 0 ? unit(vectors[i]!.slice(m)) : new Array<number>(n).fill(0));
  }
  return out;
}
