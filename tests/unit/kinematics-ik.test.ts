import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { JointLimitError, jointRange } from '../../src/kinematics/limits';
import { mat4Create, mat4Position, mat4Quaternion, mat4RotationAngle } from '../../src/kinematics/mat4';
import { libraryRobots } from '../../src/model/robot-library';
import type { RobotDescription } from '../../src/model/robot-description';
import { corpusRobots } from './corpus-helpers';
import { loadBundledRobot, loadCorpusRobot, randomJointVector, seededRandom } from './support/kinematics-fixtures';

/** Every 6- and 7-axis arm of tests/corpus/manifest.json, with the chain IK works on. */
const CORPUS_ARMS = [
  { name: 'ur5e', base: 'base', tip: 'tool0', closedForm: 'ur' },
  { name: 'ur10e', base: 'base', tip: 'tool0', closedForm: 'ur' },
  { name: 'panda', base: 'panda_link0', tip: 'panda_link8', closedForm: null },
  { name: 'kr6r900sixx', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'kr16_2', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'kr120r2500pro', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'lbr_iiwa_14_r820', base: 'base_link', tip: 'tool0', closedForm: null },
  { name: 'irb120_3_58', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'irb2400', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'irb6640', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'lrmate200id', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'm10ia', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'r2000ic165f', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'gp7', base: 'base_link', tip: 'tool0', closedForm: 'spherical-wrist' },
  { name: 'mh5', base: 'base_link', tip: 'link_t', closedForm: 'spherical-wrist' },
  // Kinova's wrists are tilted 60°, not spherical: no closed form.
  { name: 'j2n6s300', base: 'root', tip: 'j2n6s300_end_effector', closedForm: null },
  { name: 'gen3_7dof', base: 'base_link', tip: 'tool_frame', closedForm: null },
  { name: 'jaco_j2n6s300_drake', base: 'base', tip: 'j2n6s300_end_effector', closedForm: null },
] as const;
/** Manifest robots that are not 6- or 7-axis arms. */
const NOT_ARMS = ['robotiq_2f_85', 'robotiq_2f_140', 'robotiq_3f_articulated', 'pr2', 'pr2_simplified_drake'];

const manifest = corpusRobots();
const corpusFile = (name: string): string => manifest.find((r) => r.name === name)!.dest;

/** Random reachable targets (FK of random joint vectors within limits), IK from another random seed. */
function roundTrips(robot: RobotDescription, base: string, tip: string, count: number, seed: number) {
  const ik = new InverseKinematics(robot, base, tip);
  const random = seededRandom(seed);
  const target = mat4Create(), reached = mat4Create();
  const out = { solved: 0, worstPosition: 0, worstAngle: 0, closedForm: 0, outsideLimits: 0 };
  for (let n = 0; n < count; n++) {
    ik.fk.compute(randomJointVector(robot, random)).relativePose(base, tip, target);
    const result = ik.solve(target, randomJointVector(robot, random));
    ik.fk.compute(result.q).relativePose(base, tip, reached);
    const position = Math.hypot(...mat4Position(reached).map((v, i) => v - target[12 + i]!));
    const angle = mat4RotationAngle(reached, target);
    if (result.converged && position <= 1e-6 && angle <= 1e-5) out.solved++;
    out.worstPosition = Math.max(out.worstPosition, position);
    out.worstAngle = Math.max(out.worstAngle, angle);
    if (result.method === 'closed-form') out.closedForm++;
    result.q.forEach((v, i) => {
      const [lo, hi] = jointRange(ik.inputJoints[i]!);
      if (v < lo || v > hi) out.outsideLimits++;
    });
  }
  return out;
}

describe('IK round trips: random reachable poses within limits → IK → FK', () => {
  it('covers every 6- and 7-axis arm of the corpus manifest', () => {
    const listed = new Set([...CORPUS_ARMS.map((a) => a.name), ...NOT_ARMS]);
    expect(manifest.map((r) => r.name).filter((n) => !listed.has(n))).toEqual([]);
  });

  for (const arm of CORPUS_ARMS) {
    it(`solves 25 of 25 poses of the corpus ${arm.name} (${arm.base} → ${arm.tip}) to 1e-6 m and 1e-5 rad`, () => {
      const robot = loadCorpusRobot(corpusFile(arm.name));
      const r = roundTrips(robot, arm.base, arm.tip, 25, 0x1c);
      expect(r.solved).toBe(25);
      expect(r.worstPosition).toBeLessThan(1e-6);
      expect(r.worstAngle).toBeLessThan(1e-5);
      expect(r.outsideLimits).toBe(0);
      expect(r.closedForm).toBe(arm.closedForm === null ? 0 : 25);
    });
  }

  for (const entry of libraryRobots()) {
    it(`solves 25 of 25 poses of the bundled ${entry.id} (${entry.baseLink} → ${entry.flangeLink}) by its closed form`, () => {
      const { robot } = loadBundledRobot(entry.file);
      const r = roundTrips(robot, entry.baseLink, entry.flangeLink, 25, 0xb0);
      expect(r.solved).toBe(25);
      expect(r.outsideLimits).toBe(0);
      expect(r.closedForm).toBe(25);
    });
  }

  it('solves a 7-axis arm on a tree with a prismatic joint: the PR2 torso lift plus right arm', () => {
    const robot = loadCorpusRobot('ros_urdf_tests/pr2_desc.urdf');
    const r = roundTrips(robot, 'base_footprint', 'r_gripper_tool_frame', 10, 3);
    expect(r.solved).toBe(10);
    expect(r.outsideLimits).toBe(0);
  });
});

describe('InverseKinematics', () => {
  const ur5e = () => loadCorpusRobot('ur_description/urdf/ur5e.urdf');

  it('returns the joint vector nearest the seed: from a seed 0.05 rad off, the original configuration', () => {
    for (const [file, base, tip] of [
      ['ur_description/urdf/ur5e.urdf', 'base', 'tool0'],
      ['kuka_kr6_support/urdf/kr6r900sixx.urdf', 'base_link', 'tool0'],
    ] as const) {
      const robot = loadCorpusRobot(file);
      const ik = new InverseKinematics(robot, base, tip);
      const random = seededRandom(9);
      for (let n = 0; n < 10; n++) {
        const q = randomJointVector(robot, random);
        const seed = q.map((v, i) => {
          const [lo, hi] = jointRange(ik.inputJoints[i]!);
          return Math.min(hi, Math.max(lo, v + (random() < 0.5 ? -0.05 : 0.05)));
        });
        const result = ik.solve(ik.fk.compute(q).relativePose(base, tip), seed);
        result.q.forEach((v, i) => expect(v).toBeCloseTo(q[i]!, 8));
      }
    }
  });

  it('picks the ±2π equivalent nearest the seed for joints with a ±360° range (UR wrist 3)', () => {
    const robot = ur5e();
    const ik = new InverseKinematics(robot, 'base', 'tool0');
    const q = [0.4, -1.3, 1.6, -0.9, 1.2, -0.3];
    const target = ik.fk.compute(q).relativePose('base', 'tool0');
    expect(ik.solve(target, [0.4, -1.3, 1.6, -0.9, 1.2, 6])).toMatchObject({ converged: true, branch: 0 });
    expect(ik.solve(target, [0.4, -1.3, 1.6, -0.9, 1.2, 6]).q[5]).toBeCloseTo(-0.3 + 2 * Math.PI, 10);
    expect(ik.solve(target, [0.4, -1.3, 1.6, -0.9, 1.2, -0.2]).q[5]).toBeCloseTo(-0.3, 10);
    // 0.3 + 2π would be outside the ±2π limit: from a seed at 6 rad the solver takes the
    // nearest configuration that exists (here another branch), never one outside the limits.
    const other = ik.solve(ik.fk.compute([0.4, -1.3, 1.6, -0.9, 1.2, 0.3]).relativePose('base', 'tool0'), [0.4, -1.3, 1.6, -0.9, 1.2, 6]);
    expect(other.converged).toBe(true);
    expect(other.q[5]).toBeLessThanOrEqual(2 * Math.PI);
  });

  it('solves a position-only target on the Panda and reports no orientation error', () => {
    const robot = loadCorpusRobot('franka_description/robots/panda/panda.urdf');
    const ik = new InverseKinematics(robot, 'panda_link0', 'panda_link8');
    const seed = [0, -Math.PI / 4, 0, (-3 * Math.PI) / 4, 0, Math.PI / 2, Math.PI / 4, 0];
    const result = ik.solve({ position: [0.45, 0.2, 0.35] }, seed);
    expect(result.converged).toBe(true);
    expect(result.orientationError).toBe(0);
    const p = mat4Position(ik.fk.compute(result.q).relativePose('panda_link0', 'panda_link8'));
    p.forEach((v, i) => expect(v).toBeCloseTo([0.45, 0.2, 0.35][i]!, 7));
    expect(result.q[7]).toBe(0); // the finger is off the chain and keeps its seed value
  });

  it('accepts a target as position and quaternion as well as a matrix', () => {
    const robot = ur5e();
    const ik = new InverseKinematics(robot, 'base', 'tool0');
    const pose = ik.fk.compute([0.2, -1.1, 1.3, -0.4, 0.9, 0.1]).relativePose('base', 'tool0');
    const result = ik.solve({ position: mat4Position(pose), quaternion: mat4Quaternion(pose) }, [0, -1, 1, 0, 1, 0]);
    expect(result.converged).toBe(true);
    expect(result.positionError).toBeLessThan(1e-8);
    expect(result.orientationError).toBeLessThan(1e-7);
  });

  it('gives converged: false, the distance left and finite numbers for a target 3 m away', () => {
    const robot = ur5e();
    const ik = new InverseKinematics(robot, 'base', 'tool0');
    for (const target of [{ position: [3, 0, 0.2] as [number, number, number] }, { position: [3, 0, 0.2] as [number, number, number], quaternion: [0, 1, 0, 0] as [number, number, number, number] }]) {
      const result = ik.solve(target, [0, -1.5, 1.5, 0, 1, 0]);
      expect(result.converged).toBe(false);
      expect(result.q.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(result.orientationError)).toBe(true);
      // The UR5e's tool0 reaches about 1.0 m from the shoulder: about 2 m are left.
      expect(result.positionError).toBeGreaterThan(1.9);
      expect(result.positionError).toBeLessThan(2.2);
      result.q.forEach((v, i) => {
        const [lo, hi] = jointRange(ik.inputJoints[i]!);
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
      });
    }
  });

  it('refuses a seed outside the joint limits, naming the joint and its range', () => {
    const ik = new InverseKinematics(ur5e(), 'base', 'tool0');
    const target = { position: [0.3, 0.1, 0.4] as [number, number, number] };
    expect(() => ik.solve(target, [0, 0, 4, 0, 0, 0])).toThrow(JointLimitError);
    expect(() => ik.solve(target, [0, 0, 4, 0, 0, 0])).toThrow('joint "elbow_joint" = 4 is outside its range [-3.141593, 3.141593] rad');
    expect(() => ik.solve(target, [0, 0, 0])).toThrow('expected 6 joint values');
    expect(() => ik.solve({ position: [NaN, 0, 0] }, [0, 0, 0, 0, 0, 0])).toThrow('not finite');
  });

  it('gives the same answer every time, restarts included (no Math.random)', () => {
    const robot = loadCorpusRobot('kuka_lbr_iiwa_support/urdf/lbr_iiwa_14_r820.urdf');
    const solve = () => new InverseKinematics(robot, 'base_link', 'tool0').solve({ position: [0.5, 0.3, 0.6], quaternion: [0, 1, 0, 0] }, [0, 0, 0, 0, 0, 0, 0]);
    expect(solve()).toEqual(solve());
  });
});
