import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { labelledBranches } from '../../src/kinematics/ik-branches';
import { jointRange } from '../../src/kinematics/limits';
import { loadBundledRobot } from './support/kinematics-fixtures';

describe('labelled IK branches', () => {
  it('gives a generic UR5e pose 8 branches, one per shoulder × elbow × wrist label, each on the target to 1e-9 m / 1e-9 rad', () => {
    const { robot } = loadBundledRobot('ur5e.urdf');
    const ik = new InverseKinematics(robot, 'base_link', 'tool0');
    const q = [0.4, -1.3, 1.6, -0.9, 1.2, -0.3];
    const target = ik.fk.compute(q).relativePose('base_link', 'tool0');
    const branches = labelledBranches(ik, target, q);
    expect(branches).toHaveLength(8);
    expect(new Set(branches.map((b) => b.label)).size).toBe(8);
    for (const b of branches) {
      expect(b.positionError).toBeLessThan(1e-9);
      expect(b.orientationError).toBeLessThan(1e-9);
      // An independent FK check of the branch's joints.
      const reached = ik.fk.compute(b.q).relativePose('base_link', 'tool0');
      expect(Math.hypot(reached[12]! - target[12]!, reached[13]! - target[13]!, reached[14]! - target[14]!)).toBeLessThan(1e-9);
      const inside = b.q.every((v, i) => { const [lo, hi] = jointRange(robot.joints.find((j) => j.name === ik.inputJoints[i]!.name)!); return v >= lo - 1e-9 && v <= hi + 1e-9; });
      expect(b.withinLimits).toBe(inside);
    }
    // The pose it came from: elbow bent with θ3 > 0 and the wrist centre in front, θ5 > 0.
    const original = branches.find((b) => b.q.every((v, i) => Math.abs(v - q[i]!) < 1e-9))!;
    expect(original.wrist).toBe('no flip');
    expect(original.shoulder).toBe('right');
  });

  it('names the elbow by where it is: the KR 6 with its upper arm raised and the forearm level has the elbow up', () => {
    const { robot } = loadBundledRobot('kuka_kr6_r900_sixx.urdf');
    const ik = new InverseKinematics(robot, 'base_link', 'tool0');
    const q = [0.1, -1.2, 1.1, 0.5, 0.8, -0.4];
    const target = ik.fk.compute(q).relativePose('base_link', 'tool0');
    const branches = labelledBranches(ik, target, q);
    expect(branches).toHaveLength(8);
    const original = branches.find((b) => b.q.every((v, i) => Math.abs(v - q[i]!) < 1e-9))!;
    // Elbow height vs the shoulder→wrist line, worked from FK: the elbow is above it.
    const world = (name: string) => ik.fk.compute(q).linkPose(name);
    const s = world('link_2'), e = world('link_3'), w = world('link_5');
    const t = ((e[12]! - s[12]!) * (w[12]! - s[12]!) + (e[13]! - s[13]!) * (w[13]! - s[13]!) + (e[14]! - s[14]!) * (w[14]! - s[14]!)) / ((w[12]! - s[12]!) ** 2 + (w[13]! - s[13]!) ** 2 + (w[14]! - s[14]!) ** 2);
    const above = e[14]! - (s[14]! + t * (w[14]! - s[14]!));
    expect(original.elbow).toBe(above > 0 ? 'up' : 'down');
    expect(new Set(branches.map((b) => b.label)).size).toBe(8);
  });

  it('labels the same on a later call as on the first, whatever pose the FK was left in (the arm analysis is cached per chain)', () => {
    const { robot } = loadBundledRobot('ur5e.urdf');
    const q = [0.4, -1.3, 1.6, -0.9, 1.2, -0.3];
    const cached = new InverseKinematics(robot, 'base_link', 'tool0');
    const target = cached.fk.compute(q).relativePose('base_link', 'tool0');
    labelledBranches(cached, target, q);
    cached.fk.compute([1, 1, 1, 1, 1, 1]);
    const again = labelledBranches(cached, target, q);
    // A fresh solver has no cache entry: its first call analyses the arm anew.
    const fresh = labelledBranches(new InverseKinematics(robot, 'base_link', 'tool0'), target, q);
    expect(again).toHaveLength(8);
    expect(again).toEqual(fresh);
  });

  it('is empty for a chain without a closed form (a gripper)', () => {
    const { robot } = loadBundledRobot('parallel_gripper.urdf');
    const ik = new InverseKinematics(robot, 'base_link', 'tcp');
    expect(labelledBranches(ik, ik.fk.compute([0]).relativePose('base_link', 'tcp'))).toEqual([]);
  });
});
