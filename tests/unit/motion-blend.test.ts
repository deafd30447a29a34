/**
 * Blend zones between MoveJ moves on the UR5e (library limits): a blended corner saves exactly
 * its overlap, the robot passes near the corner without stopping, and the blended motion stays
 * continuous and within the joint limits.
 */
import { describe, expect, it } from 'vitest';
import { BlendedSequence } from '../../src/motion/blend';
import { MoveJ } from '../../src/motion/move-j';
import { checkLimits, libraryLimits } from './support/motion-fixtures';

const ur5e = libraryLimits('ur5e');
const V = Math.PI;
const A = 7.85;
const home = [0, 0, 0, 0, 0, 0];
const corner = [2, 0, 0, 0, 0, 0];
const end = [2, 2, 0, 0, 0, 0];

/** Smallest joint-space distance from `point` over a trajectory sampled finely. */
function closestApproach(seq: BlendedSequence, point: number[]): { distance: number; speedThere: number } {
  const q = new Float64Array(6), qd = new Float64Array(6);
  let best = { distance: Infinity, speedThere: 0 };
  for (let k = 0; k <= 20000; k++) {
    seq.sample((seq.duration * k) / 20000, q, qd);
    const d = Math.hypot(...q.map((v, i) => v - point[i]!));
    if (d < best.distance) best = { distance: d, speedThere: Math.hypot(...qd) };
  }
  return best;
}

describe('blending MoveJ → MoveJ (trapezoidal)', () => {
  // Shoulder pan 2 rad, then shoulder lift 2 rad: each 2/π + π/7.85 s on its own.
  const single = 2 / V + V / A;
  const moves = () => [new MoveJ(home, corner, ur5e), new MoveJ(corner, end, ur5e)];

  it('without a blend radius stops at the corner: the durations add up', () => {
    const seq = new BlendedSequence(moves(), [0], ur5e);
    expect(seq.duration).toBeCloseTo(2 * single, 12);
    expect(closestApproach(seq, corner)).toEqual({ distance: 0, speedThere: 0 });
  });

  it('with a 0.3 rad radius saves the time each move spends within 0.3 rad of the corner, √(2·0.3/a)', () => {
    const seq = new BlendedSequence(moves(), [0.3], ur5e);
    expect(seq.overlaps[0]).toBeCloseTo(Math.sqrt((2 * 0.3) / A), 9);
    expect(seq.duration).toBeCloseTo(2 * single - Math.sqrt((2 * 0.3) / A), 9);
    const pass = closestApproach(seq, corner);
    expect(pass.distance).toBeLessThan(0.3);
    expect(pass.distance).toBeGreaterThan(0);
    expect(pass.speedThere).toBeGreaterThan(0.1);
    checkLimits(seq, ur5e);
  });

  it('a radius wider than the ramps saves a whole ramp, v/a, and no more', () => {
    const seq = new BlendedSequence(moves(), [5], ur5e);
    expect(seq.duration).toBeCloseTo(2 * single - V / A, 9);
    checkLimits(seq, ur5e);
  });

  it('does not blend a joint that reverses: its two accelerations would add up beyond its limit', () => {
    const seq = new BlendedSequence([new MoveJ(home, corner, ur5e), new MoveJ(corner, home, ur5e)], [0.5], ur5e);
    expect(seq.overlaps[0]).toBe(0);
    expect(seq.duration).toBeCloseTo(2 * single, 12);
  });

  it('refuses moves that do not join up', () => {
    expect(() => new BlendedSequence([new MoveJ(home, corner, ur5e), new MoveJ(home, end, ur5e)], [0.1], ur5e)).toThrow(/does not start/);
  });
});

describe('blending MoveJ → MoveJ (s-curve)', () => {
  const s = { profile: 's-curve' } as const;

  it('rounds even a reversal, shortening the overlap until the summed accelerations fit', () => {
    const moves = [new MoveJ(home, corner, ur5e, s), new MoveJ(corner, home, ur5e, s)];
    const seq = new BlendedSequence(moves, [0.5], ur5e);
    expect(seq.overlaps[0]).toBeGreaterThan(0.01);
    expect(seq.overlaps[0]).toBeLessThan(moves[0]!.rampOut);
    expect(seq.duration).toBeCloseTo(moves[0]!.duration + moves[1]!.duration - seq.overlaps[0]!, 12);
    checkLimits(seq, ur5e);
  });

  it('a three-move cycle with 0.2 rad zones is shorter than stop-and-go, starts and ends at rest where asked', () => {
    const points = [home, corner, end, [0.5, 1, -0.5, 0.3, 0, 1]];
    const moves = points.slice(1).map((p, k) => new MoveJ(points[k]!, p, ur5e, s));
    const stopAndGo = moves.reduce((sum, m) => sum + m.duration, 0);
    const seq = new BlendedSequence(moves, [0.2, 0.2], ur5e);
    const saved = seq.overlaps.reduce((a, b) => a + b, 0);
    expect(saved).toBeGreaterThan(0.1);
    expect(seq.duration).toBeCloseTo(stopAndGo - saved, 12);
    const q = new Float64Array(6), qd = new Float64Array(6);
    seq.sample(0, q, qd);
    expect(Array.from(q)).toEqual(home);
    seq.sample(seq.duration, q, qd);
    expect(Array.from(q)).toEqual(points[3]);
    expect(Math.max(...qd.map(Math.abs))).toBe(0);
    checkLimits(seq, ur5e);
  });
});
