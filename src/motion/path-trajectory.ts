/**
 * A joint trajectory that follows a tool path known only through inverse kinematics: joint
 * values solved at N + 1 evenly spaced path parameters u_k = k/N (the knots), joined by cubic
 * Hermite curves in u, and timed by a 1D profile on u. IK runs once, at planning; sampling is a
 * profile evaluation and one cubic per joint, allocation-free, so it can run every physics step.
 *
 * The Hermite slopes dq/du come from finite differences of the knots (second order, central
 * inside, one-sided at the ends), which keeps q and q̇ continuous; q̈ may step at a knot by the
 * difference of the two curves' curvatures there (path-check.ts reads both sides). With knots
 * ~1 mm apart the tool strays from the exact path by far less than a micrometre between knots.
 */
import type { MotionProfile } from './profile';
import type { BlendableMove, JointVector } from './trajectory';

/**
 * Slopes dq/du at the knots (row per u_k = k/N): second-order finite differences, central
 * inside and one-sided at the ends.
 */
export function knotSlopes(knots: Float64Array, dof: number): Float64Array {
  const count = knots.length / dof;
  const n = count - 1;
  if (!Number.isInteger(count) || n < 2) throw new Error('a path needs at least 3 knots');
  const h = 1 / n;
  const slopes = new Float64Array(knots.length);
  const q = (k: number, i: number): number => knots[k * dof + i]!;
  for (let k = 0; k <= n; k++) {
    for (let i = 0; i < dof; i++) {
      slopes[k * dof + i] =
        k === 0 ? (-3 * q(0, i) + 4 * q(1, i) - q(2, i)) / (2 * h)
        : k === n ? (3 * q(n, i) - 4 * q(n - 1, i) + q(n - 2, i)) / (2 * h)
        : (q(k + 1, i) - q(k - 1, i)) / (2 * h);
    }
  }
  return slopes;
}

/** A tool-path move in joint space: knots in u, timed by a profile on u ∈ [0, 1]. */
export class PathTrajectory implements BlendableMove {
  readonly duration: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly rampIn: number;
  readonly rampOut: number;
  readonly breakpoints: readonly number[];
  private readonly slopes: Float64Array;
  private readonly segments: number;
  private readonly state = new Float64Array(3);

  /**
   * @param knots joint values at u = k/N, row after row (`(N + 1) · dof` numbers), N ≥ 2
   * @param profile timing of u, distance 1
   * @param pathLength length of the path in the unit blend radii are given in (m)
   */
  constructor(
    private readonly knots: Float64Array,
    readonly dof: number,
    readonly profile: MotionProfile,
    readonly pathLength: number,
  ) {
    this.segments = knots.length / dof - 1;
    this.slopes = knotSlopes(knots, dof);
    this.start = knots.slice(0, dof);
    this.end = knots.slice(knots.length - dof);
    this.duration = profile.duration;
    this.rampIn = this.rampOut = profile.rampTime;
    this.breakpoints = profile.breakpoints();
  }

  sample(t: number, outQ: JointVector, outQd?: JointVector, outQdd?: JointVector): void {
    const { state, dof, knots, slopes, segments: n } = this;
    this.profile.evaluate(t, state);
    const u = state[0]!, ud = state[1]!, udd = state[2]!;
    const x = Math.min(Math.max(u, 0), 1) * n;
    const k = Math.min(Math.floor(x), n - 1);
    const s = x - k;
    const h = 1 / n;
    const s2 = s * s, s3 = s2 * s;
    // Cubic Hermite basis and its first and second derivatives in s (s = n·u − k).
    const h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
    const d00 = 6 * s2 - 6 * s, d10 = 3 * s2 - 4 * s + 1, d01 = -d00, d11 = 3 * s2 - 2 * s;
    const e00 = 12 * s - 6, e10 = 6 * s - 4, e01 = -e00, e11 = 6 * s - 2;
    const a = k * dof, b = a + dof;
    for (let i = 0; i < dof; i++) {
      const q0 = knots[a + i]!, q1 = knots[b + i]!, m0 = slopes[a + i]! * h, m1 = slopes[b + i]! * h;
      outQ[i] = h00 * q0 + h10 * m0 + h01 * q1 + h11 * m1;
      if (outQd || outQdd) {
        const dq = (d00 * q0 + d10 * m0 + d01 * q1 + d11 * m1) * n;
        if (outQd) outQd[i] = dq * ud;
        if (outQdd) outQdd[i] = (e00 * q0 + e10 * m0 + e01 * q1 + e11 * m1) * n * n * ud * ud + dq * udd;
      }
    }
    if (t >= this.duration) for (let i = 0; i < dof; i++) outQ[i] = this.end[i]!;
  }

  timeWithin(radius: number): number {
    if (this.pathLength === 0) return 0;
    return this.profile.timeAt(Math.min(1, radius / this.pathLength));
  }
}
