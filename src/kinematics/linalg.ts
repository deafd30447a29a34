/**
 * The few dense linear-algebra routines the Jacobian and IK need, on small row-major matrices
 * held in caller-owned Float64Arrays, so the IK loop allocates nothing. Sizes are tiny (6×6 at
 * most for the robots we see, a chain's width for JᵀJ), so plain O(n³) loops are the fastest.
 */

/**
 * Solves A x = b for a symmetric positive definite n×n `a` (row-major) by Cholesky, in place:
 * `a` is overwritten by its factor, `b` by the solution. Returns false (leaving garbage) when
 * `a` is not positive definite; IK's damping (A = J Jᵀ + λ² I, λ > 0) rules that out.
 */
export function solveSpdInPlace(a: Float64Array, n: number, b: Float64Array): boolean {
  // Lower-triangular L with A = L Lᵀ, stored in the lower triangle of a.
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / ljj;
    }
  }
  // Forward (L y = b), then back substitution (Lᵀ x = y).
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * n + k]! * b[k]!;
    b[i] = s / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= a[k * n + i]! * b[k]!;
    b[i] = s / a[i * n + i]!;
  }
  return true;
}

/**
 * Determinant of an n×n row-major matrix by Gaussian elimination with partial pivoting, in
 * place (`a` is destroyed).
 */
export function determinantInPlace(a: Float64Array, n: number): number {
  let det = 1;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    let best = Math.abs(a[c * n + c]!);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(a[r * n + c]!);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (best === 0) return 0;
    if (pivot !== c) {
      for (let k = c; k < n; k++) {
        const t = a[c * n + k]!;
        a[c * n + k] = a[pivot * n + k]!;
        a[pivot * n + k] = t;
      }
      det = -det;
    }
    const p = a[c * n + c]!;
    det *= p;
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c]! / p;
      if (f === 0) continue;
      for (let k = c + 1; k < n; k++) a[r * n + k] = a[r * n + k]! - f * a[c * n + k]!;
    }
  }
  return det;
}

/**
 * The Gram matrix of `rowCount` rows of a row-major matrix `m` with `cols` columns, starting at
 * row `firstRow`: out = A Aᵀ (rowCount × rowCount) when `byRows`, else out = Aᵀ A (cols × cols).
 */
export function gramInto(
  out: Float64Array,
  m: Float64Array,
  cols: number,
  firstRow: number,
  rowCount: number,
  byRows: boolean,
): void {
  if (byRows) {
    for (let i = 0; i < rowCount; i++) {
      for (let j = i; j < rowCount; j++) {
        let s = 0;
        const ri = (firstRow + i) * cols, rj = (firstRow + j) * cols;
        for (let k = 0; k < cols; k++) s += m[ri + k]! * m[rj + k]!;
        out[i * rowCount + j] = s;
        out[j * rowCount + i] = s;
      }
    }
    return;
  }
  for (let i = 0; i < cols; i++) {
    for (let j = i; j < cols; j++) {
      let s = 0;
      for (let r = firstRow; r < firstRow + rowCount; r++) s += m[r * cols + i]! * m[r * cols + j]!;
      out[i * cols + j] = s;
      out[j * cols + i] = s;
    }
  }
}
