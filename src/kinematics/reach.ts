/**
 * The reach envelope of a robot, sampled: tool positions for random joint vectors within the
 * limits, as a flat Float32Array the page can hand straight to a point cloud (and a worker can
 * transfer without copying), plus a small summary.
 *
 * Deterministic: the same robot, links, sample count and seed give the same points in Node and
 * in the browser (a seeded RNG, never Math.random). Only the joints that move `tip` relative
 * to `base` are sampled; the others stay at their rest values, which do not change the result.
 */
import type { Vec3 } from '../model/geometry';
import type { RobotDescription } from '../model/robot-description';
import { ForwardKinematics } from './forward';
import { kinematicChain } from './chain';
import { mat4Create } from './mat4';
import { clamp, jointRange } from './limits';
import { seededRandom } from './random';

/** Options of {@link sampleReach}. */
export interface ReachOptions {
  /** Number of joint vectors to sample (a non-negative integer). */
  samples: number;
  /** RNG seed: the same seed gives the same cloud. */
  seed: number;
}

/** What {@link sampleReach} returns. Lengths in metres, in the base link's frame. */
export interface ReachCloud {
  /** x, y, z of the tip for each sample: 3 × samples numbers. */
  points: Float32Array;
  /** Largest distance of a sample from the base origin. */
  maxRadius: number;
  /** Largest distance of a sample from the base's z axis (the "reach" of a floor-mounted arm). */
  maxHorizontalRadius: number;
  /** Axis-aligned bounds of the samples ([0, 0, 0] twice when there are none). */
  min: Vec3;
  max: Vec3;
}

/**
 * Samples `samples` joint vectors uniformly within the limits (continuous joints over one turn,
 * [−π, π)) and records where `tip` lands in `base`'s frame. Throws naming the link when a link
 * is unknown, and on a bad sample count.
 */
export function sampleReach(robot: RobotDescription, base: string, tip: string, options: ReachOptions): ReachCloud {
  const { samples, seed } = options;
  if (!Number.isInteger(samples) || samples < 0) throw new Error(`samples must be a non-negative integer, got ${samples}`);
  const fk = new ForwardKinematics(robot);
  const chain = kinematicChain(robot, fk, base, tip);
  const ranges = fk.inputJoints.map((j) => {
    const [lo, hi] = jointRange(j);
    return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [-Math.PI, Math.PI];
  });
  // Joints off the chain rest at zero (or the limit nearest it): they cannot move the tip.
  const q = Float64Array.from(ranges, ([lo, hi]) => clamp(0, lo!, hi!));
  const random = seededRandom(seed);
  const points = new Float32Array(3 * samples);
  const pose = mat4Create();
  let maxRadius = 0, maxHorizontal = 0;
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let s = 0; s < samples; s++) {
    for (const i of chain.inputs) {
      const [lo, hi] = ranges[i]!;
      q[i] = lo! + (hi! - lo!) * random();
    }
    fk.compute(q).relativePose(chain.baseLink, chain.tipLink, pose);
    const x = pose[12]!, y = pose[13]!, z = pose[14]!;
    points[3 * s] = x;
    points[3 * s + 1] = y;
    points[3 * s + 2] = z;
    maxRadius = Math.max(maxRadius, Math.hypot(x, y, z));
    maxHorizontal = Math.max(maxHorizontal, Math.hypot(x, y));
    min[0] = Math.min(min[0], x); min[1] = Math.min(min[1], y); min[2] = Math.min(min[2], z);
    max[0] = Math.max(max[0], x); max[1] = Math.max(max[1], y); max[2] = Math.max(max[2], z);
  }
  if (samples === 0) return { points, maxRadius: 0, maxHorizontalRadius: 0, min: [0, 0, 0], max: [0, 0, 0] };
  return { points, maxRadius, maxHorizontalRadius: maxHorizontal, min, max };
}
