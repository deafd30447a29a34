/**
 * Joint position limits as the kinematics uses them: a closed range per input joint, the check
 * that refuses joint values outside it (naming the joint and its range), and the small helpers
 * IK needs to clamp a value or pick among its ±2π equivalents.
 */
import type { JointDescription } from '../model/robot-description';

/** Values this far outside a limit (rad or m) still count as inside: printed limits round-trip. */
export const LIMIT_SLACK = 1e-9;

/** Position range of a joint: ±Infinity where there is no limit (continuous joints). */
export function jointRange(joint: JointDescription): [number, number] {
  if (joint.type === 'continuous' || joint.limits === null) return [-Infinity, Infinity];
  return [joint.limits.lower, joint.limits.upper];
}

/** Lower and upper limits of each joint, packed as [lo0, hi0, lo1, hi1, …] for hot loops. */
export function packedRanges(joints: readonly JointDescription[]): Float64Array {
  const out = new Float64Array(2 * joints.length);
  joints.forEach((j, i) => {
    const [lo, hi] = jointRange(j);
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
  });
  return out;
}

const num = (v: number): string => (Number.isFinite(v) ? String(Number(v.toFixed(6))) : v > 0 ? '∞' : '-∞');

/** "[-3.141593, 3.141593] rad" — the range as messages print it. */
export function describeRange(joint: JointDescription): string {
  const [lo, hi] = jointRange(joint);
  return `[${num(lo)}, ${num(hi)}] ${joint.type === 'prismatic' ? 'm' : 'rad'}`;
}

/** A joint value outside the joint's limits. The message names the joint and its range. */
export class JointLimitError extends Error {
  constructor(
    readonly joint: string,
    readonly value: number,
    readonly range: string,
  ) {
    super(`joint "${joint}" = ${value} is outside its range ${range}`);
    this.name = 'JointLimitError';
  }
}

/**
 * Throws {@link JointLimitError} for the first value outside its joint's range, and a plain
 * Error when the count is wrong or a value is not finite. `joints` and `q` pair up by index
 * (ForwardKinematics.inputJoints order).
 */
export function checkJointValues(joints: readonly JointDescription[], q: ArrayLike<number>): void {
  if (q.length !== joints.length) {
    throw new Error(`expected ${joints.length} joint values (${joints.map((j) => j.name).join(', ')}), got ${q.length}`);
  }
  joints.forEach((j, i) => {
    const v = q[i]!;
    if (!Number.isFinite(v)) throw new Error(`joint "${j.name}" = ${v} is not a finite number`);
    const [lo, hi] = jointRange(j);
    if (v < lo - LIMIT_SLACK || v > hi + LIMIT_SLACK) throw new JointLimitError(j.name, v, describeRange(j));
  });
}

/** `v` moved into [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

const TWO_PI = 2 * Math.PI;

/**
 * Among `angle + 2πk` the one inside [lo, hi] nearest to `near`, or NaN when none is inside.
 * Joints with ranges wider than 2π (UR's ±360°, KUKA's A6) have several equivalent values, and
 * the nearest one keeps a move short. Never used for prismatic joints.
 */
export function nearestEquivalent(angle: number, near: number, lo: number, hi: number): number {
  // The candidate nearest `near`, then step by 2π toward the range if it lies outside. (Most
  // calls already have |near − angle| < π, which needs no rounding: IK calls this per branch.)
  const gap = near - angle;
  let v = gap < Math.PI && gap > -Math.PI ? angle : angle + TWO_PI * Math.round(gap / TWO_PI);
  if (v < lo - LIMIT_SLACK) v += TWO_PI * Math.ceil((lo - LIMIT_SLACK - v) / TWO_PI);
  else if (v > hi + LIMIT_SLACK) v -= TWO_PI * Math.ceil((v - hi - LIMIT_SLACK) / TWO_PI);
  if (v < lo - LIMIT_SLACK || v > hi + LIMIT_SLACK) return NaN;
  return clamp(v, lo, hi);
}
