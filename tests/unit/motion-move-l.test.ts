/**
 * MoveL and MoveC on the bundled UR5e (base_link → tool0) with its library limits and a
 * test-local damped-least-squares IK: the tool stays on the line or arc, the orientation follows
 * the slerp, the duration is the closed form of the tool limits, unreachable stretches and
 * joint-rate excesses are reported where they happen, and a too-fast move is slowed down to fit.
 */
import { describe, expect, it } from 'vitest';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Copy, mat4Create, mat4FromXyzRpy, mat4MultiplyRigid, mat4RotateFrameAxis, mat4RotationAngle, type Mat4 } from '../../src/kinematics/mat4';
import { BlendedSequence } from '../../src/motion/blend';
import { linePath } from '../../src/motion/cartesian-path';
import { planMoveC, planMoveL, type CartesianMoveOptions } from '../../src/motion/move-l';
import type { PathTrajectory } from '../../src/motion/path-trajectory';
import { dlsIk, libraryRobot, worstRatios } from './support/motion-fixtures';

const { robot, limits } = libraryRobot('ur5e');
const fk = new ForwardKinematics(robot);
const ik = dlsIk(robot, 'tool0');
const q0 = [0.3, -1.2, 1.5, -1.87, -1.5708, 0.2];

function toolPose(q: ArrayLike<number>, out: Mat4 = mat4Create()): Mat4 {
  return fk.compute(q).relativePose('base_link', 'tool0', out);
}

function shifted(m: Mat4, dx: number, dy: number, dz: number): Mat4 {
  const out = mat4Copy(mat4Create(), m);
  out[12] = out[12]! + dx;
  out[13] = out[13]! + dy;
  out[14] = out[14]! + dz;
  return out;
}

const options = (extra: Partial<CartesianMoveOptions> = {}): CartesianMoveOptions => ({ startQ: q0, ik, limits, speed: 0.25, acceleration: 1, ...extra });

function planned(result: ReturnType<typeof planMoveL>): PathTrajectory {
  if (!result.ok) throw new Error(result.failure.message);
  return result.trajectory;
}

/** Samples the tool pose along a trajectory; returns the worst distance to the segment p0–p1 and orientation error vs `reference(t)`. */
function trackLine(traj: PathTrajectory, start: Mat4, end: Mat4, steps = 400) {
  const q = new Float64Array(6), pose = mat4Create(), ref = mat4Create();
  const path = linePath(start, end);
  const state = new Float64Array(3);
  const d = [end[12]! - start[12]!, end[13]! - start[13]!, end[14]! - start[14]!];
  const len = Math.hypot(...d);
  let offLine = 0, alongError = 0, orientationError = 0;
  for (let k = 0; k <= steps; k++) {
    const t = (traj.duration * k) / steps;
    traj.sample(t, q);
    toolPose(q, pose);
    const rel = [pose[12]! - start[12]!, pose[13]! - start[13]!, pose[14]! - start[14]!];
    const along = (rel[0]! * d[0]! + rel[1]! * d[1]! + rel[2]! * d[2]!) / len;
    offLine = Math.max(offLine, Math.hypot(...rel.map((r, i) => r - (along * d[i]!) / len)));
    traj.profile.evaluate(t, state);
    alongError = Math.max(alongError, Math.abs(along - state[0]! * len));
    orientationError = Math.max(orientationError, mat4RotationAngle(pose, path.pose(state[0]!, ref)));
  }
  return { offLine, alongError, orientationError };
}

describe('MoveL on the UR5e', () => {
  const start = toolPose(q0);
  const target = shifted(start, -0.15, 0.2, -0.1);
  // Also turn the tool 0.4 rad about the base z axis on the way.
  mat4MultiplyRigid(target, mat4FromXyzRpy(mat4Create(), [0, 0, 0], [0, 0, 0.4]), target);
  target.set([start[12]! - 0.15, start[13]! + 0.2, start[14]! - 0.1], 12);
  const length = Math.hypot(0.15, 0.2, 0.1);

  it('keeps the tool on the straight line (< 0.1 mm) with the orientation on the slerp, at the tool speed’s closed-form time', () => {
    const result = planMoveL(start, target, options());
    const traj = planned(result);
    expect(result.ok && result.slowdown).toBe(1);
    expect(traj.duration).toBeCloseTo(length / 0.25 + 0.25 / 1, 9);
    const track = trackLine(traj, start, target);
    expect(track.offLine).toBeLessThan(1e-4);
    expect(track.alongError).toBeLessThan(1e-4);
    expect(track.orientationError).toBeLessThan(1e-4);
    expect(Array.from(traj.start)).toEqual(q0);
    expect(mat4RotationAngle(toolPose(traj.end), target)).toBeLessThan(1e-9);
    const worst = worstRatios(traj, limits, 4000);
    expect(worst.velocity).toBeLessThan(1);
    expect(worst.acceleration).toBeLessThan(1);
  });

  it('a 50% override doubles the duration of the line', () => {
    const full = planned(planMoveL(start, target, options())).duration;
    expect(planned(planMoveL(start, target, options({ override: 0.5 }))).duration).toBeCloseTo(2 * full, 9);
  });

  it('reports where a line leaves the workspace: from about a third of the way to its end', () => {
    const result = planMoveL(start, shifted(start, 0.8, 0, 0), options());
    expect(result.ok).toBe(false);
    if (result.ok || result.failure.reason !== 'unreachable') throw new Error('expected an unreachable failure');
    expect(result.failure.from).toBeGreaterThan(0.2);
    expect(result.failure.from).toBeLessThan(0.5);
    expect(result.failure.to).toBe(1);
    expect(result.failure.message).toMatch(/out of reach from \d+\.\d% to 100\.0%/);
  });

  describe('spinning the tool about its own axis at 10 rad/s (wrist 3 allows π rad/s)', () => {
    const spun = mat4RotateFrameAxis(mat4Copy(mat4Create(), start), 2, 3);
    const fast = { orientationSpeed: 10 };

    it('with onJointLimit "fail", names wrist 3 with the speed it would need and the speed it has', () => {
      const result = planMoveL(start, spun, options({ ...fast, onJointLimit: 'fail' }));
      if (result.ok || result.failure.reason !== 'joint-rate') throw new Error('expected a joint-rate failure');
      expect(result.failure.joint).toBe('wrist_3_joint');
      expect(result.failure.quantity).toBe('speed');
      expect(result.failure.required).toBeCloseTo(10, 3);
      expect(result.failure.allowed).toBeCloseTo(Math.PI, 12);
      expect(result.failure.message).toMatch(/wrist_3_joint" would need 10\/s \(allowed 3\.142\/s\)/);
    });

    it('by default slows the move by 10/π, so wrist 3 turns at exactly π rad/s and the others stay still', () => {
      const result = planMoveL(start, spun, options(fast));
      const traj = planned(result);
      expect(result.ok && result.slowdown).toBeCloseTo(10 / Math.PI, 3);
      // ω' = π rad/s, α' = 40 rad/s² / k²: T = 3/π + π/α' = 3/π + 2.5/π.
      expect(traj.duration).toBeCloseTo(5.5 / Math.PI, 3);
      const worst = worstRatios(traj, limits, 4000);
      expect(worst.velocity).toBeLessThanOrEqual(1 + 1e-6);
      expect(worst.velocity).toBeGreaterThan(0.999);
      for (let i = 0; i < 5; i++) expect(Math.abs(traj.end[i]! - q0[i]!)).toBeLessThan(1e-6);
      expect(traj.end[5]! - q0[5]!).toBeCloseTo(3, 6);
    });
  });

  describe('a line past the wrist singularity (wrist 2 near 0)', () => {
    const qs = [0, -1.3, 1.6, -1.5, 0.08, 0];
    const from = toolPose(qs);
    const to = shifted(from, 0, -0.1, 0);
    const near = (extra: Partial<CartesianMoveOptions>) => options({ startQ: qs, speed: 0.5, acceleration: 2, ...extra });

    it('is refused with "fail", naming a wrist joint near the middle of the line', () => {
      const result = planMoveL(from, to, near({ onJointLimit: 'fail' }));
      if (result.ok || result.failure.reason !== 'joint-rate') throw new Error('expected a joint-rate failure');
      expect(result.failure.joint).toMatch(/^wrist_/);
      expect(result.failure.fraction).toBeGreaterThan(0.3);
      expect(result.failure.fraction).toBeLessThan(0.7);
      expect(result.failure.required).toBeGreaterThan(result.failure.allowed);
    });

    it('is slowed down by default and then stays within every joint’s speed and acceleration, still on the line', () => {
      const result = planMoveL(from, to, near({}));
      const traj = planned(result);
      expect(result.ok && result.slowdown).toBeGreaterThan(1.5);
      const worst = worstRatios(traj, limits, 4000);
      expect(worst.velocity).toBeLessThanOrEqual(1 + 1e-3);
      expect(worst.acceleration).toBeLessThanOrEqual(1 + 1e-3);
      expect(worst.acceleration).toBeGreaterThan(0.99); // slowed just enough
      expect(trackLine(traj, from, to).offLine).toBeLessThan(1e-4);
    });

    it('is refused when slowing down would take more than maxSlowdown', () => {
      const result = planMoveL(from, to, near({ maxSlowdown: 1.2 }));
      expect(!result.ok && result.failure.message).toMatch(/exceeds the 1\.2× allowed/);
    });
  });
});

describe('MoveC on the UR5e', () => {
  it('keeps the tool on the circle through start, via and end (< 0.1 mm) for L/v + v/a', () => {
    const start = toolPose(q0);
    const via = [start[12]! + 0.1, start[13]! + 0.1, start[14]!] as [number, number, number];
    const end = shifted(start, 0.2, 0, 0);
    const traj = planned(planMoveC(start, via, end, options()));
    const length = Math.PI * 0.1;
    expect(traj.duration).toBeCloseTo(length / 0.25 + 0.25 / 1, 9);
    const centre = [start[12]! + 0.1, start[13]!, start[14]!];
    const q = new Float64Array(6), pose = mat4Create();
    let worst = 0, maxY = -Infinity;
    for (let k = 0; k <= 400; k++) {
      traj.sample((traj.duration * k) / 400, q);
      toolPose(q, pose);
      worst = Math.max(worst, Math.abs(Math.hypot(pose[12]! - centre[0]!, pose[13]! - centre[1]!) - 0.1), Math.abs(pose[14]! - centre[2]!));
      maxY = Math.max(maxY, pose[13]! - centre[1]!);
    }
    expect(worst).toBeLessThan(1e-4);
    expect(maxY).toBeCloseTo(0.1, 4); // it went round through the via side
  });
});

describe('blending MoveL → MoveL', () => {
  it('rounds an L-shaped corner with a 20 mm zone: faster than stopping, passing within 20 mm of the corner', () => {
    const start = toolPose(q0);
    const corner = shifted(start, -0.1, 0, 0);
    const end = shifted(corner, 0, 0.1, 0);
    const first = planned(planMoveL(start, corner, options({ profile: 's-curve' })));
    const second = planned(planMoveL(corner, end, options({ profile: 's-curve', startQ: first.end })));
    const stop = new BlendedSequence([first, second], [0], limits);
    const blended = new BlendedSequence([first, second], [0.02], limits);
    expect(stop.duration).toBeCloseTo(first.duration + second.duration, 12);
    expect(blended.duration).toBeLessThan(stop.duration - 0.05);
    const q = new Float64Array(6), pose = mat4Create();
    let closest = Infinity;
    for (let k = 0; k <= 2000; k++) {
      blended.sample((blended.duration * k) / 2000, q);
      toolPose(q, pose);
      closest = Math.min(closest, Math.hypot(pose[12]! - corner[12]!, pose[13]! - corner[13]!, pose[14]! - corner[14]!));
    }
    expect(closest).toBeGreaterThan(0);
    expect(closest).toBeLessThan(0.02);
    expect(worstRatios(blended, limits, 4000).velocity).toBeLessThanOrEqual(1 + 1e-6);
  });
});

describe('MoveL input checks', () => {
  it('refuses a start pose that is not the tool pose of startQ', () => {
    const elsewhere = shifted(toolPose(q0), 0.05, 0, 0);
    expect(() => planMoveL(elsewhere, shifted(elsewhere, 0.1, 0, 0), options())).toThrow(/does not start at the tool pose of startQ/);
  });
});
