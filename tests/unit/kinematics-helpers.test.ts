import { describe, expect, it } from 'vitest';
import { checkJointValues, JointLimitError, nearestEquivalent } from '../../src/kinematics/limits';
import { mat4Create, mat4FromXyzRpy } from '../../src/kinematics/mat4';
import { mat4FromPositionQuaternion, poseErrorInto } from '../../src/kinematics/pose-error';
import { seededRandom } from '../../src/kinematics/random';
import type { JointDescription } from '../../src/model/robot-description';

const joint = (name: string, type: JointDescription['type'], lower: number, upper: number): JointDescription => ({
  name, type, parent: 'a', child: 'b', origin: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, axis: [0, 0, 1],
  limits: { lower, upper, velocity: 1, effort: 1 }, mimic: null,
});

describe('joint limit helpers', () => {
  it('picks the ±2π equivalent nearest a reference within the limits, or NaN when none fits', () => {
    const tau = 2 * Math.PI;
    expect(nearestEquivalent(0.3, 6, -tau, tau)).toBeCloseTo(0.3, 12); // 0.3 + 2π is above 2π
    expect(nearestEquivalent(-0.3, 6, -tau, tau)).toBeCloseTo(tau - 0.3, 12);
    expect(nearestEquivalent(3, -3, -Math.PI, Math.PI)).toBeCloseTo(3, 12); // 3 − 2π is below −π
    expect(nearestEquivalent(0.2, 100, -Infinity, Infinity)).toBeCloseTo(0.2 + 16 * tau, 9);
    expect(nearestEquivalent(2, 0, -1, 1)).toBeNaN();
  });

  it('names the joint and its range for a value outside it, and the expected joints for a wrong count', () => {
    const joints = [joint('j1', 'revolute', -1, 1), joint('slide', 'prismatic', 0, 0.3), joint('spin', 'continuous', 0, 0)];
    expect(() => checkJointValues(joints, [0, 0.1, 50])).not.toThrow(); // continuous: no range
    expect(() => checkJointValues(joints, [1 + 1e-12, 0.1, 0])).not.toThrow(); // rounding at the limit
    expect(() => checkJointValues(joints, [0, 0.5, 0])).toThrow(new JointLimitError('slide', 0.5, '[0, 0.3] m'));
    expect(() => checkJointValues(joints, [0, 0.5, 0])).toThrow('joint "slide" = 0.5 is outside its range [0, 0.3] m');
    expect(() => checkJointValues(joints, [0])).toThrow('expected 3 joint values (j1, slide, spin), got 1');
    expect(() => checkJointValues(joints, [NaN, 0, 0])).toThrow('joint "j1" = NaN is not a finite number');
  });
});

describe('pose error', () => {
  it('is the position difference and the rotation vector, accurate at tiny angles and near π', () => {
    const a = mat4FromXyzRpy(mat4Create(), [0.1, 0.2, 0.3], [0.3, -0.2, 1.1]);
    const e = new Float64Array(6);
    for (const angle of [1e-9, 1e-4, 0.5, 3, Math.PI - 1e-7]) {
      // b = Rot(axis, angle) · a, with the axis a unit vector in the base frame.
      const axis = [2, -1, 2].map((v) => v / 3);
      const rot = mat4FromPositionQuaternion(mat4Create(), [0, 0, 0], [...axis.map((v) => v * Math.sin(angle / 2)), Math.cos(angle / 2)] as [number, number, number, number]);
      const b = mat4Create();
      for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) b[4 * c + r] = rot[r]! * a[4 * c]! + rot[4 + r]! * a[4 * c + 1]! + rot[8 + r]! * a[4 * c + 2]!;
      b.set([0.4, 0.2, 0.1], 12);
      poseErrorInto(e, a, b);
      expect([e[0], e[1], e[2]].map((v) => Number(v!.toFixed(12)))).toEqual([0.3, 0, -0.2]);
      for (let k = 0; k < 3; k++) expect(e[3 + k]! / angle).toBeCloseTo(axis[k]!, 6);
    }
  });

  it('normalises quaternions and refuses a zero one', () => {
    const m = mat4FromPositionQuaternion(mat4Create(), [1, 2, 3], [0, 0, 2, 0]); // 180° about z
    expect(Array.from(m.subarray(0, 3)).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-1, 0, 0]);
    expect(() => mat4FromPositionQuaternion(mat4Create(), [0, 0, 0], [0, 0, 0, 0])).toThrow('has no direction');
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42), b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
