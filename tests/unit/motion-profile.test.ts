/**
 * The 1D profiles behind every move: durations equal the closed forms, and sampled finely the
 * motion is continuous and never exceeds its limits.
 */
import { describe, expect, it } from 'vitest';
import { MotionProfile, profileDuration, type ProfileKind } from '../../src/motion/profile';

/** Samples a profile at `steps` + 1 times and checks continuity and limits. */
function sweep(p: MotionProfile, limits: { v: number; a: number; j?: number }, steps = 20000) {
  const dt = p.duration / steps;
  const cur = [0, 0, 0];
  const prev = [0, 0, 0];
  let maxV = 0, maxA = 0, maxJumpS = 0, maxJumpV = 0, maxJumpA = 0, maxSlopeError = 0;
  for (let k = 0; k <= steps; k++) {
    p.evaluate(k * dt, cur);
    maxV = Math.max(maxV, Math.abs(cur[1]!));
    maxA = Math.max(maxA, Math.abs(cur[2]!));
    if (k > 0) {
      maxJumpS = Math.max(maxJumpS, Math.abs(cur[0]! - prev[0]!));
      maxJumpV = Math.max(maxJumpV, Math.abs(cur[1]! - prev[1]!));
      maxJumpA = Math.max(maxJumpA, Math.abs(cur[2]! - prev[2]!));
      // The reported velocity is the slope of the position (midpoint rule).
      maxSlopeError = Math.max(maxSlopeError, Math.abs((cur[0]! - prev[0]!) / dt - (cur[1]! + prev[1]!) / 2));
    }
    prev.splice(0, 3, ...cur);
  }
  expect(maxV).toBeLessThanOrEqual(limits.v * (1 + 1e-12));
  expect(maxA).toBeLessThanOrEqual(limits.a * (1 + 1e-12));
  expect(maxJumpS).toBeLessThanOrEqual(limits.v * dt * (1 + 1e-9));
  expect(maxJumpV).toBeLessThanOrEqual(limits.a * dt * (1 + 1e-9));
  if (limits.j !== undefined) expect(maxJumpA).toBeLessThanOrEqual(limits.j * dt * (1 + 1e-9));
  expect(maxSlopeError).toBeLessThan(limits.a * dt);
  expect(prev).toEqual([p.distance, 0, 0]);
}

describe('trapezoidal profile', () => {
  const limits = { velocity: 1, acceleration: 4 };

  it('takes d/v + v/a when the move is long enough to cruise (2 m at 1 m/s, 4 m/s²: 2.25 s)', () => {
    const p = new MotionProfile(2, limits);
    expect(p.duration).toBeCloseTo(2 / 1 + 1 / 4, 12);
    expect(p.peakVelocity).toBe(1);
    expect(p.rampTime).toBeCloseTo(0.25, 12);
    sweep(p, { v: 1, a: 4 });
  });

  it('becomes a triangle taking 2·√(d/a) when d < v²/a (0.16 m: 0.4 s, peak 0.8 m/s)', () => {
    const p = new MotionProfile(0.16, limits);
    expect(p.duration).toBeCloseTo(2 * Math.sqrt(0.16 / 4), 12);
    expect(p.peakVelocity).toBeCloseTo(0.8, 12);
    expect(p.cruiseTime).toBe(0);
    sweep(p, { v: 1, a: 4 });
  });

  it('joins both formulas at d = v²/a', () => {
    expect(profileDuration(0.25, limits)).toBeCloseTo(2 * Math.sqrt(0.25 / 4), 12);
    expect(profileDuration(0.25, limits)).toBeCloseTo(0.25 / 1 + 1 / 4, 12);
  });
});

describe('s-curve profile (7 segments)', () => {
  const limits = { velocity: 1, acceleration: 4, jerk: 80 };

  it('takes d/v + v/a + a/j with all seven segments (2 m: 2 + 0.25 + 0.05 = 2.3 s)', () => {
    const p = new MotionProfile(2, limits, 's-curve');
    expect(p.duration).toBeCloseTo(2 / 1 + 1 / 4 + 4 / 80, 12);
    expect(p.jerkTime).toBeCloseTo(0.05, 12);
    expect(p.cruiseTime).toBeCloseTo(2 - 0.3, 12);
    sweep(p, { v: 1, a: 4, j: 80 });
  });

  it('drops the cruise on a short move that still reaches full acceleration (0.2 m: peak 0.8 m/s, 0.5 s)', () => {
    const p = new MotionProfile(0.2, limits, 's-curve');
    // d = vp·(vp/a + a/j) → vp = 0.8; T = 2·(vp/a + a/j).
    expect(p.peakVelocity).toBeCloseTo(0.8, 12);
    expect(p.duration).toBeCloseTo(2 * (0.8 / 4 + 4 / 80), 12);
    sweep(p, { v: 1, a: 4, j: 80 });
  });

  it('is pure jerk segments on a tiny move: T = 4·(d / 2j)^(1/3)', () => {
    const p = new MotionProfile(0.001, limits, 's-curve');
    expect(p.duration).toBeCloseTo(4 * Math.cbrt(0.001 / 160), 12);
    expect(p.peakAcceleration).toBeLessThan(4);
    sweep(p, { v: 1, a: 4, j: 80 });
  });

  it('never reaches a when v·j < a², cruising after 2·√(v/j) of ramp', () => {
    const p = new MotionProfile(2, { velocity: 1, acceleration: 4, jerk: 8 }, 's-curve');
    expect(p.duration).toBeCloseTo(2 / 1 + 2 * Math.sqrt(1 / 8), 12);
    expect(p.peakAcceleration).toBeCloseTo(Math.sqrt(8), 12);
    sweep(p, { v: 1, a: 4, j: 8 });
  });

  it('costs exactly a/j more than the trapezoid when both cruise', () => {
    const trapezoid = profileDuration(3, limits);
    expect(profileDuration(3, limits, 's-curve') - trapezoid).toBeCloseTo(4 / 80, 12);
  });
});

describe('every profile', () => {
  it.each<ProfileKind>(['trapezoidal', 's-curve'])('%s: a zero-distance move lasts 0 s and stays put', (kind) => {
    const p = new MotionProfile(0, { velocity: 1, acceleration: 1, jerk: 1 }, kind);
    expect(p.duration).toBe(0);
    const out = [9, 9, 9];
    p.evaluate(0.5, out);
    expect(out).toEqual([0, 0, 0]);
  });

  it.each<ProfileKind>(['trapezoidal', 's-curve'])('%s: timeAt inverts the position', (kind) => {
    const p = new MotionProfile(1.3, { velocity: 1, acceleration: 4, jerk: 80 }, kind);
    const out = [0, 0, 0];
    for (const s of [0.001, 0.1, 0.65, 1.2, 1.299]) {
      p.evaluate(p.timeAt(s), out);
      expect(out[0]).toBeCloseTo(s, 9);
    }
  });

  it('refuses a missing jerk limit for the s-curve and non-positive limits', () => {
    expect(() => new MotionProfile(1, { velocity: 1, acceleration: 1 }, 's-curve')).toThrow(/jerk/);
    expect(() => new MotionProfile(1, { velocity: 0, acceleration: 1 })).toThrow(/velocity/);
    expect(() => new MotionProfile(-1, { velocity: 1, acceleration: 1 })).toThrow(/distance/);
  });
});
