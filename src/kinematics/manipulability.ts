/**
 * How well a robot can move its tool at one pose, from its geometric Jacobian J (6 rows: linear
 * velocity of the tip, then angular velocity, in the base frame; one column per joint):
 *
 * - the translational manipulability ellipsoid: the tool velocities reachable with joint rates
 *   of unit norm, {J_v q̇ : |q̇| ≤ 1}; its axes are the eigenvectors of J_v J_vᵀ and its semi-axis
 *   lengths the singular values of J_v (m/s per rad/s);
 * - Yoshikawa's measure w = √det(J Jᵀ), the product of J's singular values (0 at a singularity);
 * - the smallest singular value σ_min of the full 6×N Jacobian and the condition number
 *   σ_max / σ_min (the two mix m/rad and 1, as in the usual definitions: compare poses of one
 *   robot, not robots with each other);
 * - the joint rates a small tool twist needs, q̇ = J⁺ ẋ (the pseudo-inverse, minimum-norm and
 *   least-squares), and the straight-line direction at fixed orientation (what a linear move
 *   does) that needs the fastest joints.
 *
 * Pure numbers over plain arrays; eigen.ts does the linear algebra.
 */
import type { Vec3 } from '../model/geometry';
import { singularValues, symmetricEigen, type SingularValues } from './eigen';
import type { Jacobian } from './jacobian';

/** Singular values below this share of the largest count as zero (rank loss). */
export const RANK_TOLERANCE = 1e-10;

/** The translational manipulability ellipsoid: unit axes (base frame) and semi-axis lengths, longest first. */
export interface ManipulabilityEllipsoid {
  /** Unit axes, right-handed (axes[2] = axes[0] × axes[1]), in the base frame. */
  axes: [Vec3, Vec3, Vec3];
  /** Semi-axis lengths: tool speed (m/s) per unit norm of joint rates (rad/s), descending. */
  lengths: [number, number, number];
}

/** Everything the kinematics view reports about one pose. */
export interface ManipulabilityReport {
  /** Yoshikawa's w = √det(J Jᵀ) of the full Jacobian (the product of its singular values). */
  yoshikawa: number;
  /** Singular values of the full 6×N Jacobian, descending (min(6, N) of them). */
  singularValues: number[];
  /** The smallest of {@link singularValues}. */
  sigmaMin: number;
  /** σ_max / σ_min; Infinity when σ_min is zero to within {@link RANK_TOLERANCE}. */
  conditionNumber: number;
  ellipsoid: ManipulabilityEllipsoid;
  /** Unit tool direction (base frame) whose straight-line motion at fixed orientation needs the fastest joints. */
  worstDirection: Vec3;
  /** The tool speed (m/s) {@link jointRates} are for. */
  speed: number;
  /** Joint rates (rad/s or m/s, one per column) for `speed` along {@link worstDirection}, orientation held. */
  jointRates: number[];
  /** False when the Jacobian has lost rank so that this motion is impossible at exactly this pose. */
  achievable: boolean;
}

/** The Jacobian's 6 rows over its own columns (one per chain input, see Jacobian.inputOfColumn). */
export function jacobianRows(jacobian: Jacobian): number[][] {
  const n = jacobian.columns;
  return [0, 1, 2, 3, 4, 5].map((r) => Array.from(jacobian.matrix.subarray(r * n, r * n + n)));
}

/** Yoshikawa's w of the given rows: the product of their singular values (√det(J Jᵀ) when N ≥ rows). */
export function yoshikawa(rows: readonly (readonly number[])[]): number {
  const { values } = singularValues(rows);
  return values.length === 0 ? 0 : values.reduce((p, s) => p * s, 1);
}

const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** The ellipsoid of the three linear rows: eigen-decomposition of J_v J_vᵀ (3×3). */
export function translationalEllipsoid(rows: readonly (readonly number[])[]): ManipulabilityEllipsoid {
  const linear = rows.slice(0, 3);
  if (linear.length < 3) throw new Error(`translationalEllipsoid: needs the 3 linear rows, got ${linear.length}`);
  const gram = linear.flatMap((a) => linear.map((b) => a.reduce((s, x, k) => s + x * b[k]!, 0)));
  const { values, vectors } = symmetricEigen(gram, 3);
  const a0 = vectors[0]! as Vec3, a1 = vectors[1]! as Vec3;
  return {
    axes: [a0, a1, cross(a0, a1)],
    lengths: values.map((l) => Math.sqrt(Math.max(0, l))) as [number, number, number],
  };
}

/** J⁺ x from a decomposition of J: Σ vᵢ (uᵢ·x) / σᵢ over the σᵢ above the rank tolerance. */
export function pseudoInverseApply(svd: SingularValues, x: readonly number[]): number[] {
  const n = svd.v[0]?.length ?? 0;
  const out = new Array<number>(n).fill(0);
  const floor = (svd.values[0] ?? 0) * RANK_TOLERANCE;
  svd.values.forEach((sigma, i) => {
    if (!(sigma > floor)) return;
    const c = svd.u[i]!.reduce((s, ui, r) => s + ui * (x[r] ?? 0), 0) / sigma;
    svd.v[i]!.forEach((vij, j) => (out[j] = out[j]! + c * vij));
  });
  return out;
}

/** Joint rates for a tool twist [vx, vy, vz, ωx, ωy, ωz] (m/s, rad/s): q̇ = J⁺ ẋ. */
export function jointRatesForTwist(rows: readonly (readonly number[])[], twist: readonly number[]): number[] {
  return pseudoInverseApply(singularValues(rows), twist);
}

/**
 * The report of the kinematics view for a 6-row Jacobian: measures, the ellipsoid and the joint
 * rates a straight tool motion at `speed` (m/s, default 10 mm/s) with fixed orientation needs
 * along its worst direction. That direction maximises |J⁺ [d; 0]| over unit d: the top
 * eigenvector of Mᵀ M, M = J⁺ restricted to the linear inputs (Mᵀ M = Σ u_lin u_linᵀ / σ²).
 */
export function manipulabilityReport(rows: readonly (readonly number[])[], speed = 0.01): ManipulabilityReport {
  if (rows.length !== 6) throw new Error(`manipulabilityReport: needs the 6 rows of a Jacobian, got ${rows.length}`);
  const svd = singularValues(rows);
  const values = svd.values;
  const sigmaMax = values[0] ?? 0;
  const sigmaMin = values[values.length - 1] ?? 0;
  const floor = sigmaMax * RANK_TOLERANCE;
  const mtm = new Array<number>(9).fill(0);
  let lostLinear: Vec3 | null = null;
  values.forEach((sigma, i) => {
    const u = svd.u[i]!;
    if (!(sigma > floor)) {
      // Exactly singular: a direction that loses its linear part cannot be followed at all.
      const len = Math.hypot(u[0]!, u[1]!, u[2]!);
      if (len > 1e-6 && !lostLinear) lostLinear = [u[0]! / len, u[1]! / len, u[2]! / len];
      return;
    }
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) mtm[3 * r + c] = mtm[3 * r + c]! + (u[r]! * u[c]!) / (sigma * sigma);
  });
  const top: Vec3 = lostLinear ?? (symmetricEigen(mtm, 3).vectors[0]! as Vec3);
  // Rank lost or fewer than 6 columns: the pseudo-inverse gives least-squares rates; say
  // whether they really produce the motion.
  const twist = [top[0] * speed, top[1] * speed, top[2] * speed, 0, 0, 0];
  const jointRates = pseudoInverseApply(svd, twist);
  const reached = rows.map((row) => row.reduce((s, x, j) => s + x * jointRates[j]!, 0));
  const residual = Math.hypot(...reached.map((x, r) => x - twist[r]!));
  const achievable = residual <= 1e-6 * speed;
  return {
    yoshikawa: values.length === 0 ? 0 : values.reduce((p, s) => p * s, 1),
    singularValues: values,
    sigmaMin,
    conditionNumber: sigmaMin > floor ? sigmaMax / sigmaMin : Infinity,
    ellipsoid: translationalEllipsoid(rows),
    worstDirection: top,
    speed,
    jointRates,
    achievable,
  };
}
