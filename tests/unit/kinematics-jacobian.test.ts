import { describe, expect, it } from 'vitest';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { Jacobian } from '../../src/kinematics/jacobian';
import { mat4Create } from '../../src/kinematics/mat4';
import { poseErrorInto } from '../../src/kinematics/pose-error';
import { loadCorpusRobot, randomJointVector, seededRandom } from './support/kinematics-fixtures';

/**
 * Central differences of forward kinematics: column i is (pose(q + h eᵢ) ⊖ pose(q − h eᵢ)) / 2h,
 * where ⊖ is the position difference and the rotation vector between the two orientations —
 * computed from FK alone, independently of the Jacobian code.
 */
function numericJacobian(fk: ForwardKinematics, q: number[], base: string, tip: string): number[][] {
  const h = 1e-6;
  const plus = mat4Create(), minus = mat4Create(), d = new Float64Array(6);
  const rows = [0, 1, 2, 3, 4, 5].map(() => new Array<number>(q.length).fill(0));
  q.forEach((_, i) => {
    const qp = [...q], qm = [...q];
    qp[i]! += h;
    qm[i]! -= h;
    fk.compute(qp).relativePose(base, tip, plus);
    fk.compute(qm).relativePose(base, tip, minus);
    poseErrorInto(d, minus, plus);
    for (let r = 0; r < 6; r++) rows[r]![i] = d[r]! / (2 * h);
  });
  return rows;
}

const cases = [
  { what: 'the UR5e (base → tool0)', file: 'ur_description/urdf/ur5e.urdf', base: 'base', tip: 'tool0' },
  { what: 'the KUKA LBR iiwa 14 (7 axes)', file: 'kuka_lbr_iiwa_support/urdf/lbr_iiwa_14_r820.urdf', base: 'base_link', tip: 'tool0' },
  { what: 'the Kinova Gen3 (continuous joints)', file: 'kortex_description/robots/gen3_7dof.urdf', base: 'base_link', tip: 'tool_frame' },
  { what: 'the Panda from its base to the left finger (a prismatic joint)', file: 'franka_description/robots/panda/panda.urdf', base: 'panda_link0', tip: 'panda_leftfinger' },
  { what: 'the Panda from one finger to the other (a mimic joint on each side)', file: 'franka_description/robots/panda/panda.urdf', base: 'panda_leftfinger', tip: 'panda_rightfinger' },
  { what: 'the Robotiq 2F-85 finger pad (five mimic joints, one input)', file: 'robotiq_2f_85_gripper_visualization/urdf/robotiq_arg2f_85_model.urdf', base: 'robotiq_arg2f_base_link', tip: 'left_inner_finger_pad' },
  { what: 'the PR2 from the floor to the right gripper (torso lift, prismatic)', file: 'ros_urdf_tests/pr2_desc.urdf', base: 'base_footprint', tip: 'r_gripper_tool_frame' },
  { what: 'the PR2 right gripper seen from the left gripper (base is not an ancestor)', file: 'ros_urdf_tests/pr2_desc.urdf', base: 'l_gripper_tool_frame', tip: 'r_gripper_tool_frame' },
];

describe('geometric Jacobian', () => {
  for (const c of cases) {
    it(`matches finite differences of forward kinematics on ${c.what} at 10 random joint vectors`, () => {
      const robot = loadCorpusRobot(c.file);
      const fk = new ForwardKinematics(robot);
      const jac = new Jacobian(robot, c.base, c.tip, fk);
      expect(jac.columns).toBeGreaterThan(0);
      const random = seededRandom(0xfd);
      for (let n = 0; n < 10; n++) {
        const q = randomJointVector(robot, random);
        jac.compute(q);
        const ours = jac.toRows();
        const numeric = numericJacobian(fk, q, c.base, c.tip);
        for (let r = 0; r < 6; r++) {
          for (let i = 0; i < q.length; i++) expect(Math.abs(ours[r]![i]! - numeric[r]![i]!)).toBeLessThan(1e-7);
        }
      }
    });
  }

  it('has one column per chain input and zeros for joints off the chain (PR2 head, other arm, wheels)', () => {
    const robot = loadCorpusRobot('ros_urdf_tests/pr2_desc.urdf');
    const jac = new Jacobian(robot, 'base_footprint', 'r_gripper_tool_frame');
    // torso lift + 7 right-arm joints
    expect(jac.columns).toBe(8);
    const names = jac.chain.inputs.map((i) => jac.fk.inputJoints[i]!.name);
    expect(names).toEqual([
      'torso_lift_joint', 'r_shoulder_pan_joint', 'r_shoulder_lift_joint', 'r_upper_arm_roll_joint',
      'r_elbow_flex_joint', 'r_forearm_roll_joint', 'r_wrist_flex_joint', 'r_wrist_roll_joint',
    ]);
    const rows = jac.compute(new Array<number>(jac.fk.dof).fill(0)) && jac.toRows();
    const head = jac.fk.inputJoints.findIndex((j) => j.name === 'head_pan_joint');
    expect(rows.map((row) => row[head])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('adds a mimic joint into its master column with its multiplier (Robotiq: one input, many joints)', () => {
    const robot = loadCorpusRobot('robotiq_2f_85_gripper_visualization/urdf/robotiq_arg2f_85_model.urdf');
    const jac = new Jacobian(robot, 'robotiq_arg2f_base_link', 'left_inner_finger_pad');
    expect(jac.columns).toBe(1);
    expect(jac.chain.joints.length).toBeGreaterThan(1);
    expect(jac.chain.joints.some((j) => j.scale !== 1)).toBe(true);
  });
});

describe('manipulability (Yoshikawa)', () => {
  const ur5e = () => new Jacobian(loadCorpusRobot('ur_description/urdf/ur5e.urdf'), 'base', 'tool0');

  it('is zero at the UR5e wrist singularity (wrist 2 = 0: axes 4 and 6 line up)', () => {
    const jac = ur5e();
    jac.compute([0.3, -1.2, 1.5, -0.8, 0, 0.4]);
    expect(jac.manipulability()).toBeLessThan(1e-12);
  });

  it('is zero at the UR5e elbow singularity (elbow = 0: arm stretched out)', () => {
    const jac = ur5e();
    jac.compute([0.3, -1.2, 0, -0.8, 1.1, 0.4]);
    expect(jac.manipulability()).toBeLessThan(1e-12);
  });

  it('equals the closed form |a2 a3 s3 s5 (a2 c2 + a3 c23 + d5 s234)| from UR\'s DH table away from singularities (0.0854)', () => {
    const jac = ur5e();
    const [a2, a3, d5] = [-0.425, -0.3922, 0.0997]; // DATASHEETS.md section 3
    const random = seededRandom(5);
    for (let n = 0; n < 20; n++) {
      const q = [0, 1, 2, 3, 4, 5].map(() => -3 + 6 * random());
      const [, q2, q3, q4, q5] = q as [number, number, number, number, number, number];
      const expected = Math.abs(a2 * a3 * Math.sin(q3) * Math.sin(q5) * (a2 * Math.cos(q2) + a3 * Math.cos(q2 + q3) + d5 * Math.sin(q2 + q3 + q4)));
      jac.compute(q);
      expect(jac.manipulability()).toBeCloseTo(expected, 9);
    }
    jac.compute([0.3, -1.2, 1.5, -0.8, 1.1, 0.4]);
    expect(jac.manipulability()).toBeCloseTo(0.0854, 4);
    // And from its definition, sqrt(det(J Jᵀ)), computed here with plain arrays.
    const J = jac.toRows();
    const JJt = J.map((a) => J.map((b) => a.reduce((s, v, k) => s + v * b[k]!, 0)));
    expect(jac.manipulability()).toBeCloseTo(Math.sqrt(determinant(JJt)), 10);
  });

  it('shrinks smoothly to zero as the UR5e wrist straightens', () => {
    const jac = ur5e();
    const at = (q5: number) => (jac.compute([0.3, -1.2, 1.5, -0.8, q5, 0.4]), jac.manipulability());
    expect(at(0.5)).toBeGreaterThan(at(0.1));
    expect(at(0.1)).toBeGreaterThan(at(0.01));
    expect(at(0.01)).toBeGreaterThan(at(0));
  });

  it('uses sqrt(det(Jᵀ J)) for a chain with fewer joints than rows (PR2 head: pan and tilt)', () => {
    const robot = loadCorpusRobot('ros_urdf_tests/pr2_desc.urdf');
    const jac = new Jacobian(robot, 'torso_lift_link', 'high_def_optical_frame');
    expect(jac.columns).toBe(2);
    const q = new Array<number>(jac.fk.dof).fill(0);
    q[jac.inputOfColumn(1)] = 0.4; // tilt
    jac.compute(q);
    const J = jac.toRows();
    const cols = [jac.inputOfColumn(0), jac.inputOfColumn(1)].map((i) => J.map((row) => row[i]!));
    const JtJ = cols.map((a) => cols.map((b) => a.reduce((s, v, k) => s + v * b[k]!, 0)));
    expect(jac.manipulability()).toBeGreaterThan(0);
    expect(jac.manipulability()).toBeCloseTo(Math.sqrt(determinant(JtJ)), 12);
    // The pan and tilt axes stay perpendicular: the angular block is orthonormal, its volume 1.
    expect(jac.manipulability('orientation')).toBeCloseTo(1, 12);
  });
});

/** Determinant by cofactor expansion: slow and obvious, for checking. */
function determinant(m: number[][]): number {
  if (m.length === 1) return m[0]![0]!;
  return m[0]!.reduce((sum, v, c) => sum + (c % 2 === 0 ? 1 : -1) * v * determinant(m.slice(1).map((row) => row.filter((_, k) => k !== c))), 0);
}
