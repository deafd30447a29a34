/**
 * MoveJ on the bundled robots with their library limits: durations equal the closed form of the
 * slowest joint, every joint starts and arrives together, and sampled finely no joint exceeds
 * its velocity, acceleration or jerk limit.
 */
import { describe, expect, it } from 'vitest';
import { jointMotionLimits } from '../../src/motion/limits';
import { MoveJ } from '../../src/motion/move-j';
import { profileDuration } from '../../src/motion/profile';
import { checkLimits, libraryLimits } from './support/motion-fixtures';

const ur5e = libraryLimits('ur5e');
const V = Math.PI; // UR5e: every joint 180 °/s
const A = 7.85; // library acceleration, rad/s²

describe('MoveJ, trapezoidal', () => {
  const from = [0, 0, 0, 0, 0, 0];
  const to = [1, -0.5, 0.3, 0, 0, 2];

  it('lasts d/v + v/a of the slowest joint (UR5e wrist 3 over 2 rad: 2/π + π/7.85 s)', () => {
    const move = new MoveJ(from, to, ur5e);
    expect(move.duration).toBeCloseTo(2 / V + V / A, 12);
    expect(move.leader).toBe(5);
    checkLimits(move, move.limits);
  });

  it('lasts 2·√(d/a) for a short move (0.5 rad < v²/a = 1.257 rad)', () => {
    const move = new MoveJ(from, [0, 0.5, -0.2, 0, 0, 0], ur5e);
    expect(move.duration).toBeCloseTo(2 * Math.sqrt(0.5 / A), 12);
    checkLimits(move, move.limits);
  });

  it('starts and arrives with every joint together, each the same share of its way at every instant', () => {
    const move = new MoveJ(from, to, ur5e);
    const q = new Float64Array(6);
    move.sample(0, q);
    expect(Array.from(q)).toEqual(from);
    move.sample(move.duration, q);
    expect(Array.from(q)).toEqual(to);
    for (const t of [0.01, 0.2, 0.5, 0.9, move.duration - 0.01]) {
      move.sample(t, q);
      const share = q[5]! / to[5]!;
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(1);
      for (const i of [0, 1, 2]) expect(q[i]! / to[i]!).toBeCloseTo(share, 12);
      expect(q[3]).toBe(0);
    }
  });

  it('a 50% speed override doubles the duration (v × 0.5, a × 0.25), 25% quadruples it', () => {
    const full = new MoveJ(from, to, ur5e).duration;
    const half = new MoveJ(from, to, ur5e, { speed: 0.5 });
    expect(half.duration).toBeCloseTo(2 * full, 12);
    expect(half.limits.velocity[0]).toBeCloseTo(V / 2, 12);
    expect(half.limits.acceleration[0]).toBeCloseTo(A / 4, 12);
    expect(new MoveJ(from, to, ur5e, { speed: 0.25 }).duration).toBeCloseTo(4 * full, 12);
    checkLimits(half, half.limits);
  });

  it('an acceleration fraction of 50% gives d/v + v/(a/2) (3 rad ≥ v²/(a/2) = 2.51 rad)', () => {
    expect(new MoveJ(from, [0, 0, 0, 0, 0, 3], ur5e, { accel: 0.5 }).duration).toBeCloseTo(3 / V + V / (A / 2), 12);
    // 2 rad is below v²/(a/2): a triangle.
    expect(new MoveJ(from, to, ur5e, { accel: 0.5 }).duration).toBeCloseTo(2 * Math.sqrt(2 / (A / 2)), 12);
  });

  it('a zero-distance move lasts 0 s and holds its position', () => {
    const move = new MoveJ(to, to, ur5e);
    expect(move.duration).toBe(0);
    expect(move.leader).toBe(-1);
    const q = new Float64Array(6), qd = new Float64Array(6).fill(9);
    move.sample(0.3, q, qd);
    expect(Array.from(q)).toEqual(to);
    expect(Array.from(qd)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses overrides outside (0, 1] and vectors of the wrong length', () => {
    expect(() => new MoveJ(from, to, ur5e, { speed: 0 })).toThrow(/speed/);
    expect(() => new MoveJ(from, to, ur5e, { speed: 1.2 })).toThrow(/speed/);
    expect(() => new MoveJ([0, 0], to, ur5e)).toThrow(/6 joint values/);
  });
});

describe('MoveJ, s-curve', () => {
  it('lasts d/v + v/a + a/j of the slowest joint with all seven segments (j = a / 0.05 s)', () => {
    const move = new MoveJ([0, 0, 0, 0, 0, 0], [1, -0.5, 0.3, 0, 0, 2], ur5e, { profile: 's-curve' });
    expect(move.duration).toBeCloseTo(2 / V + V / A + 0.05, 12);
    checkLimits(move, move.limits);
  });

  it('keeps every joint within its jerk limit', () => {
    const move = new MoveJ([0, 0, 0, 0, 0, 0], [1, -0.5, 0.3, 0, 0, 2], ur5e, { profile: 's-curve' });
    const steps = 20000, dt = move.duration / steps;
    const qdd = new Float64Array(6), prev = new Float64Array(6), q = new Float64Array(6);
    let worst = 0;
    for (let k = 0; k <= steps; k++) {
      move.sample(k * dt, q, undefined, qdd);
      if (k > 0) for (let i = 0; i < 6; i++) worst = Math.max(worst, Math.abs(qdd[i]! - prev[i]!) / (move.limits.jerk[i]! * dt));
      prev.set(qdd);
    }
    expect(worst).toBeLessThanOrEqual(1 + 1e-6);
    expect(worst).toBeGreaterThan(0.99);
  });

  it('a 50% speed override doubles an s-curve move too (jerk × 0.125)', () => {
    const from = [0, 0, 0, 0, 0, 0], to = [0.2, 0, 0, 0, 0, 0];
    const full = new MoveJ(from, to, ur5e, { profile: 's-curve' }).duration;
    expect(new MoveJ(from, to, ur5e, { profile: 's-curve', speed: 0.5 }).duration).toBeCloseTo(2 * full, 12);
  });
});

describe('MoveJ synchronisation', () => {
  it('with the library limits (a ∝ v), lasts exactly the slowest joint’s own minimum time (IRB 120)', () => {
    const irb = libraryLimits('abb_irb120');
    const from = [0, 0, 0, 0, 0, 0], to = [1.2, -0.4, 0.6, 2.5, -1, 3];
    const move = new MoveJ(from, to, irb);
    const own = to.map((d, i) => profileDuration(Math.abs(d), { velocity: irb.velocity[i]!, acceleration: irb.acceleration[i]! }));
    expect(move.duration).toBeCloseTo(Math.max(...own), 12);
    expect(move.leader).toBe(own.indexOf(Math.max(...own)));
    checkLimits(move, irb);
  });

  it('with unproportional limits, uses the tightest v/d and a/d of any joint, never faster than any joint alone', () => {
    // Joint 0 is slow but accelerates hard; joint 1 is fast but accelerates slowly.
    const limits = jointMotionLimits({ names: ['a', 'b'], velocity: [1, 4], acceleration: [20, 2] });
    const move = new MoveJ([0, 0], [2, 2], limits);
    const V = Math.min(1 / 2, 4 / 2), Acc = Math.min(20 / 2, 2 / 2);
    expect(move.duration).toBeCloseTo(1 / V + V / Acc, 12);
    expect(move.duration).toBeGreaterThanOrEqual(profileDuration(2, { velocity: 1, acceleration: 20 }));
    expect(move.duration).toBeGreaterThanOrEqual(profileDuration(2, { velocity: 4, acceleration: 2 }));
    checkLimits(move, limits);
  });
});
