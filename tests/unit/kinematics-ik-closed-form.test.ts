import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { jointRange } from '../../src/kinematics/limits';
import { mat4Create, mat4Position, mat4RotationAngle, type Mat4 } from '../../src/kinematics/mat4';
import type { RobotDescription } from '../../src/model/robot-description';
import { loadBundledRobot, loadCorpusRobot, randomJointVector, seededRandom } from './support/kinematics-fixtures';

/** Largest position (m) and angle (rad) error of every branch's FK against the target. */
function branchErrors(ik: InverseKinematics, base: string, tip: string, target: Mat4, seed?: number[]) {
  const reached = mat4Create();
  const branches = ik.branches(target, seed);
  let position = 0, angle = 0;
  for (const b of branches) {
    ik.fk.compute(b.q).relativePose(base, tip, reached);
    position = Math.max(position, Math.hypot(...mat4Position(reached).map((v, i) => v - target[12 + i]!)));
    angle = Math.max(angle, mat4RotationAngle(reached, target));
  }
  return { branches, position, angle };
}

const ARMS = [
  { what: 'UR5e', robot: () => loadCorpusRobot('ur_description/urdf/ur5e.urdf'), base: 'base', tip: 'tool0', kind: 'ur' },
  { what: 'UR10e', robot: () => loadCorpusRobot('ur_description/urdf/ur10e.urdf'), base: 'base_link', tip: 'tool0', kind: 'ur' },
  { what: 'KUKA KR 6 R900 sixx', robot: () => loadCorpusRobot('kuka_kr6_support/urdf/kr6r900sixx.urdf'), base: 'base_link', tip: 'tool0', kind: 'spherical-wrist' },
  { what: 'ABB IRB 120', robot: () => loadCorpusRobot('abb_irb120_support/urdf/irb120_3_58.urdf'), base: 'base_link', tip: 'tool0', kind: 'spherical-wrist' },
  { what: 'FANUC M-10iA', robot: () => loadCorpusRobot('fanuc_m10ia_support/urdf/m10ia.urdf'), base: 'base_link', tip: 'tool0', kind: 'spherical-wrist' },
  { what: 'bundled Yaskawa GP7', robot: () => loadBundledRobot('yaskawa_gp7.urdf').robot, base: 'base_link', tip: 'tool0', kind: 'spherical-wrist' },
] as const;

describe('closed-form IK', () => {
  for (const arm of ARMS) {
    it(`finds the ${arm.what}'s configuration among its branches, each branch's FK on the target to 1e-12 (40 poses)`, () => {
      const robot = arm.robot();
      const ik = new InverseKinematics(robot, arm.base, arm.tip);
      expect(ik.closedForm).toBe(arm.kind);
      const random = seededRandom(0xc1);
      const target = mat4Create();
      for (let n = 0; n < 40; n++) {
        const q = randomJointVector(robot, random);
        ik.fk.compute(q).relativePose(arm.base, arm.tip, target);
        const { branches, position, angle } = branchErrors(ik, arm.base, arm.tip, target, q);
        expect(branches.length).toBeGreaterThanOrEqual(2);
        expect(branches.length).toBeLessThanOrEqual(8);
        expect(position).toBeLessThan(1e-12);
        expect(angle).toBeLessThan(1e-12);
        expect(branches.some((b) => b.withinLimits && b.q.every((v, i) => Math.abs(v - q[i]!) < 1e-9))).toBe(true);
      }
    });
  }

  it('returns 8 distinct branches for a generic UR5e pose: 2 shoulders × 2 elbows × 2 wrists', () => {
    const robot = loadCorpusRobot('ur_description/urdf/ur5e.urdf');
    const ik = new InverseKinematics(robot, 'base', 'tool0');
    const target = ik.fk.compute([0.4, -1.3, 1.6, -0.9, 1.2, -0.3]).relativePose('base', 'tool0');
    const { branches, position } = branchErrors(ik, 'base', 'tool0', target);
    expect(branches.map((b) => b.branch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(position).toBeLessThan(1e-12);
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++) {
        expect(Math.max(...branches[a]!.q.map((v, i) => Math.abs(v - branches[b]!.q[i]!)))).toBeGreaterThan(0.1);
      }
    }
    // Branch bits: 4 = shoulder, 2 = elbow, 1 = wrist. Elbow flips the sign of joint 3, wrist of joint 5.
    expect(Math.sign(branches[0]!.q[2]!)).toBe(-Math.sign(branches[2]!.q[2]!));
    expect(Math.sign(branches[0]!.q[4]!)).toBe(-Math.sign(branches[1]!.q[4]!));
  });

  it('returns 8 branches for a generic KR 6 pose and marks which lie within the joint limits', () => {
    const robot = loadCorpusRobot('kuka_kr6_support/urdf/kr6r900sixx.urdf');
    const ik = new InverseKinematics(robot, 'base_link', 'tool0');
    const target = ik.fk.compute([0.1, -1.2, 1.1, 0.5, 0.8, -0.4]).relativePose('base_link', 'tool0');
    const { branches, position, angle } = branchErrors(ik, 'base_link', 'tool0', target);
    expect(branches).toHaveLength(8);
    expect(position).toBeLessThan(1e-12);
    expect(angle).toBeLessThan(1e-12);
    for (const b of branches) {
      const inside = b.q.every((v, i) => v >= jointRange(ik.inputJoints[i]!)[0] && v <= jointRange(ik.inputJoints[i]!)[1]);
      expect(b.withinLimits).toBe(inside);
    }
    // Flipping the shoulder turns axis 1 by π, to 0.1 − π = −3.04 rad: beyond the KR 6's ±170° (±2.967 rad).
    expect(branches.filter((b) => b.withinLimits).length).toBe(4);
  });

  it('still reaches the target at the UR5e wrist singularity (wrist 2 = 0), taking the free joint from the seed', () => {
    const robot = loadCorpusRobot('ur_description/urdf/ur5e.urdf');
    const ik = new InverseKinematics(robot, 'base', 'tool0');
    const target = ik.fk.compute([0.4, -1.3, 1.6, -0.9, 0, -0.3]).relativePose('base', 'tool0');
    const { branches, position, angle } = branchErrors(ik, 'base', 'tool0', target, [0.4, -1.3, 1.6, -0.9, 0, -0.3]);
    expect(branches.length).toBeGreaterThan(0);
    expect(position).toBeLessThan(1e-9);
    expect(angle).toBeLessThan(1e-9);
    const result = ik.solve(target, [0.5, -1.2, 1.5, -0.8, 0.1, -0.2]);
    expect(result.converged).toBe(true);
  });

  it('still reaches the target with the KR 6 wrist centre on axis 1 (shoulder singularity)', () => {
    const robot = loadCorpusRobot('kuka_kr6_support/urdf/kr6r900sixx.urdf');
    const ik = new InverseKinematics(robot, 'base_link', 'tool0');
    // Find the elbow angle that puts the wrist centre over axis 1 by bisection on FK of link_5.
    const wristX = (a3: number) => ik.fk.compute([0, -1.9, a3, 0, 0.6, 0]).relativePose('base_link', 'link_5')[12]!;
    let lo = 0, hi = 1.5; // x is −0.46 m at 0 and +0.25 m at 1.5 rad
    for (let k = 0; k < 80; k++) {
      const mid = (lo + hi) / 2;
      if (Math.sign(wristX(mid)) === Math.sign(wristX(lo))) lo = mid;
      else hi = mid;
    }
    expect(Math.abs(wristX(lo))).toBeLessThan(1e-9);
    const target = ik.fk.compute([0, -1.9, lo, 0, 0.6, 0]).relativePose('base_link', 'tool0');
    const result = ik.solve(target, [0.2, -1.8, lo - 0.1, 0.1, 0.5, 0.1]);
    expect(result.converged).toBe(true);
    expect(result.method).toBe('closed-form');
  });

  it('returns no branch for a target out of reach', () => {
    const ik = new InverseKinematics(loadCorpusRobot('ur_description/urdf/ur5e.urdf'), 'base', 'tool0');
    expect(ik.branches({ position: [2, 0, 0], quaternion: [0, 0, 0, 1] })).toEqual([]);
  });

  it('recognises the family from the geometry, not from names: a renamed UR5e is still UR type', () => {
    const robot = loadCorpusRobot('ur_description/urdf/ur5e.urdf');
    const rename = (s: string) => `x_${s.length}_${s.split('').reverse().join('')}`;
    const renamed: RobotDescription = {
      name: 'cobot',
      root: rename(robot.root),
      links: robot.links.map((l) => ({ ...l, name: rename(l.name) })),
      joints: robot.joints.map((j) => ({ ...j, name: rename(j.name), parent: rename(j.parent), child: rename(j.child) })),
    };
    expect(new InverseKinematics(renamed, rename('base'), rename('tool0')).closedForm).toBe('ur');
  });

  it('solves a UR5e whose wrist 2 is tilted by 0.2 rad with the same closed form: the family is a geometric condition', () => {
    const robot = loadCorpusRobot('ur_description/urdf/ur5e.urdf');
    const tilted: RobotDescription = {
      ...robot,
      joints: robot.joints.map((j) => (j.name === 'wrist_2_joint' ? { ...j, origin: { ...j.origin, rpy: [j.origin.rpy[0], 0.2, j.origin.rpy[2]] } } : j)),
    };
    const ik = new InverseKinematics(tilted, 'base', 'tool0');
    expect(ik.closedForm).toBe('ur');
    const target = ik.fk.compute([0.4, -1.3, 1.6, -0.9, 1.2, -0.3]).relativePose('base', 'tool0');
    const { branches, position, angle } = branchErrors(ik, 'base', 'tool0', target);
    expect(branches).toHaveLength(8);
    expect(position).toBeLessThan(1e-12);
    expect(angle).toBeLessThan(1e-12);
  });

  it('leaves a UR5e whose axes 5 and 6 miss each other by 2 cm to the numerical solver, which still solves it', () => {
    const robot = loadCorpusRobot('ur_description/urdf/ur5e.urdf');
    const offset: RobotDescription = {
      ...robot,
      joints: robot.joints.map((j) => (j.name === 'wrist_3_joint' ? { ...j, origin: { ...j.origin, xyz: [0.02, j.origin.xyz[1], j.origin.xyz[2]] } } : j)),
    };
    const ik = new InverseKinematics(offset, 'base', 'tool0');
    expect(ik.closedForm).toBeNull();
    const target = ik.fk.compute([0.4, -1.3, 1.6, -0.9, 1.2, -0.3]).relativePose('base', 'tool0');
    const result = ik.solve(target, [0.3, -1.2, 1.5, -0.8, 1.1, -0.2]);
    expect(result).toMatchObject({ converged: true, method: 'numerical' });
  });
});
