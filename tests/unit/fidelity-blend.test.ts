/**
 * Fidelity of the controller-like motion: corners blended through zones keep the path within the
 * zone of the corner and never stop there, and MoveJ and MoveL mix in one blended sequence — on
 * the IRB 120's standard cycle with its fitted accelerations.
 */
import { describe, expect, it } from 'vitest';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Create } from '../../src/kinematics/mat4';
import { BlendedSequence } from '../../src/motion/blend';
import { MoveJ } from '../../src/motion/move-j';
import { planMoveL } from '../../src/motion/move-l';
import { CYCLE_ZONE, standardCyclePoints } from '../../src/motion/standard-cycle';
import type { BlendableMove } from '../../src/motion/trajectory';
import { dlsIk, libraryRobot } from './support/motion-fixtures';

const { robot, limits, entry } = libraryRobot('abb_irb120');
const points = standardCyclePoints(robot, entry);
const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.hypot(...Array.from(a, (v, i) => v - b[i]!));

describe('blended corners of the standard cycle (IRB 120, fitted limits)', () => {
  const moves = points.slice(1).map((q, k) => new MoveJ(points[k]!, q, limits));
  const zones = [CYCLE_ZONE, CYCLE_ZONE, 0, CYCLE_ZONE, CYCLE_ZONE];
  const seq = new BlendedSequence(moves, zones, limits);

  it('saves time at every zoned corner and stops only at the zone-less place point', () => {
    zones.forEach((r, k) => (r > 0 ? expect(seq.overlaps[k]).toBeGreaterThan(0) : expect(seq.overlaps[k]).toBe(0)));
    expect(seq.duration).toBeCloseTo(moves.reduce((s, m) => s + m.duration, 0) - seq.overlaps.reduce((s, t) => s + t, 0), 12);
  });

  it('stays within the zone (joint space, rad) of each corner while blending, and keeps moving', () => {
    const q = new Float64Array(6), qd = new Float64Array(6);
    zones.forEach((r, k) => {
      if (r === 0) return;
      const corner = points[k + 1]!;
      const t0 = seq.startTimes[k + 1]!, tau = seq.overlaps[k]!;
      for (let p = 0; p <= 200; p++) {
        seq.sample(t0 + (tau * p) / 200, q, qd);
        expect(dist(q, corner)).toBeLessThanOrEqual(r * (1 + 1e-9));
        expect(Math.hypot(...qd)).toBeGreaterThan(0.05);
      }
    });
  });
});

describe('MoveJ and MoveL in one blended sequence', () => {
  it('goes up by MoveL, across by MoveJ and down by MoveL without stopping at the two upper corners', () => {
    const fk = new ForwardKinematics(robot);
    const ik = dlsIk(robot, entry.flangeLink);
    const pose = (q: Float64Array) => fk.compute(q).relativePose(entry.baseLink, entry.flangeLink, mat4Create());
    const line = (from: Float64Array, to: Float64Array) => {
      const r = planMoveL(pose(from), pose(to), { startQ: from, ik, limits, speed: 6.2, acceleration: 28 });
      if (!r.ok) throw new Error(r.failure.message);
      return r.trajectory;
    };
    const up = line(points[0]!, points[1]!);
    const across = new MoveJ(up.end, points[2]!, limits);
    const down = line(across.end, points[3]!);
    const moves: BlendableMove[] = [up, across, down];
    // MoveL zones are tool-path lengths (m), MoveJ zones joint distances (rad): 10 mm, then 0.05 rad.
    const seq = new BlendedSequence(moves, [0.01, CYCLE_ZONE], limits);
    expect(seq.overlaps[0]).toBeGreaterThan(0);
    expect(seq.overlaps[1]).toBeGreaterThan(0);
    expect(seq.duration).toBeLessThan(up.duration + across.duration + down.duration);
    const q = new Float64Array(6);
    seq.sample(seq.duration, q);
    expect(dist(q, down.end)).toBeLessThan(1e-12);
  });
});
