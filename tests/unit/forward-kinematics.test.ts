import { describe, expect, it } from 'vitest';
import { ForwardKinematics, describePose } from '../../src/kinematics/forward';
import { mat4Position, mat4RotationAngle } from '../../src/kinematics/mat4';
import { loadCorpusRobot, randomJointVector, seededRandom } from './support/kinematics-fixtures';

const deg = Math.PI / 180;

/** A plain row-major 4×4, computed here with none of the code under test. */
type M = number[][];
const mul = (a: M, b: M): M => a.map((row) => [0, 1, 2, 3].map((c) => row.reduce((s, v, k) => s + v * b[k]![c]!, 0)));
const rotZ = (t: number): M => [[Math.cos(t), -Math.sin(t), 0, 0], [Math.sin(t), Math.cos(t), 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
const rotX = (t: number): M => [[1, 0, 0, 0], [0, Math.cos(t), -Math.sin(t), 0], [0, Math.sin(t), Math.cos(t), 0], [0, 0, 0, 1]];
const trans = (x: number, y: number, z: number): M => [[1, 0, 0, x], [0, 1, 0, y], [0, 0, 1, z], [0, 0, 0, 1]];
const identity = (): M => trans(0, 0, 0);

/** Standard (distal) DH: Tᵢ = Rz(θᵢ) · Tz(dᵢ) · Tx(aᵢ) · Rx(αᵢ). Rows are [a, d, α]. */
function standardDh(table: number[][], q: number[]): M {
  return table.reduce((t, [a, d, alpha], i) => mul(t, mul(mul(rotZ(q[i]!), trans(a!, 0, d!)), rotX(alpha!))), identity());
}

/** Craig's modified DH as Franka publishes it: Tᵢ = Rx(αᵢ) · Tx(aᵢ) · Rz(θᵢ) · Tz(dᵢ). */
function modifiedDh(table: number[][], q: number[]): M {
  return table.reduce((t, [a, d, alpha], i) => mul(t, mul(mul(rotX(alpha!), trans(a!, 0, 0)), mul(rotZ(q[i] ?? 0), trans(0, 0, d!)))), identity());
}

/** A row-major M as a column-major Float64Array, to compare orientations with mat4RotationAngle. */
const toColumnMajor = (m: M): Float64Array => Float64Array.from({ length: 16 }, (_, i) => m[i % 4]![Math.floor(i / 4)]!);

// DATASHEETS.md section 3, from UR's DH page: rows [a, d, α].
const UR5E_DH = [[0, 0.1625, Math.PI / 2], [-0.425, 0, 0], [-0.3922, 0, 0], [0, 0.1333, Math.PI / 2], [0, 0.0997, -Math.PI / 2], [0, 0.0996, 0]];
const UR10E_DH = [[0, 0.1807, Math.PI / 2], [-0.6127, 0, 0], [-0.57155, 0, 0], [0, 0.17415, Math.PI / 2], [0, 0.11985, -Math.PI / 2], [0, 0.11655, 0]];
const PANDA_DH = [[0, 0.333, 0], [0, 0, -Math.PI / 2], [0, 0.316, Math.PI / 2], [0.0825, 0, Math.PI / 2], [-0.0825, 0.384, -Math.PI / 2], [0, 0, Math.PI / 2], [0.088, 0, Math.PI / 2], [0, 0.107, 0]];

describe('forward kinematics against the vendor reference tool positions', () => {
  const cases = [
    { file: 'ur_description/urdf/ur5e.urdf', base: 'base', tip: 'tool0', q: [0, 0, 0, 0, 0, 0], p: [-0.8172, -0.2329, 0.0628] },
    { file: 'ur_description/urdf/ur5e.urdf', base: 'base', tip: 'tool0', q: [0, -90 * deg, 0, -90 * deg, 0, 0], p: [0, -0.2329, 1.0794] },
    { file: 'ur_description/urdf/ur10e.urdf', base: 'base', tip: 'tool0', q: [0, 0, 0, 0, 0, 0], p: [-1.18425, -0.2907, 0.06085] },
    { file: 'ur_description/urdf/ur10e.urdf', base: 'base', tip: 'tool0', q: [0, -90 * deg, 0, -90 * deg, 0, 0], p: [0, -0.2907, 1.4848] },
    { file: 'franka_description/robots/panda/panda.urdf', base: 'panda_link0', tip: 'panda_link8', q: [0, 0, 0, 0, 0, 0, 0, 0], p: [0.088, 0, 0.926] },
    {
      file: 'franka_description/robots/panda/panda.urdf', base: 'panda_link0', tip: 'panda_link8',
      q: [0, -Math.PI / 4, 0, (-3 * Math.PI) / 4, 0, Math.PI / 2, Math.PI / 4, 0], p: [0.30689, 0, 0.59028],
    },
  ];
  for (const c of cases) {
    it(`puts ${c.tip} of ${c.file.split('/').pop()} at (${c.p.join(', ')}) for q = (${c.q.map((v) => (v / deg).toFixed(0)).join(', ')})°`, () => {
      const fk = new ForwardKinematics(loadCorpusRobot(c.file));
      // The Panda file has the hand: 7 arm joints plus one finger (its twin mimics it).
      expect(fk.dof).toBe(c.q.length);
      const p = mat4Position(fk.compute(c.q).relativePose(c.base, c.tip));
      p.forEach((v, i) => expect(Math.abs(v - c.p[i]!)).toBeLessThan(1e-4));
    });
  }
});

describe('forward kinematics against DH tables computed independently', () => {
  const ur = [
    { name: 'UR5e', file: 'ur_description/urdf/ur5e.urdf', dh: UR5E_DH },
    { name: 'UR10e', file: 'ur_description/urdf/ur10e.urdf', dh: UR10E_DH },
  ];
  for (const { name, file, dh } of ur) {
    it(`matches UR's standard DH for the ${name} (base → tool0) at 50 random joint vectors`, () => {
      const robot = loadCorpusRobot(file);
      const fk = new ForwardKinematics(robot);
      const random = seededRandom(0x5eed);
      for (let n = 0; n < 50; n++) {
        const q = randomJointVector(robot, random);
        const ours = fk.compute(q).relativePose('base', 'tool0');
        const ref = standardDh(dh, q);
        mat4Position(ours).forEach((v, i) => expect(Math.abs(v - ref[i]![3]!)).toBeLessThan(1e-6));
        expect(mat4RotationAngle(ours, toColumnMajor(ref))).toBeLessThan(1e-6);
      }
    });
  }

  it("matches Franka's modified DH for the Panda (link0 → link8) at 50 random joint vectors", () => {
    const robot = loadCorpusRobot('franka_description/robots/panda/panda.urdf');
    const fk = new ForwardKinematics(robot);
    const random = seededRandom(42);
    for (let n = 0; n < 50; n++) {
      const q = randomJointVector(robot, random);
      const ours = fk.compute(q).relativePose('panda_link0', 'panda_link8');
      const ref = modifiedDh(PANDA_DH, q.slice(0, 7));
      mat4Position(ours).forEach((v, i) => expect(Math.abs(v - ref[i]![3]!)).toBeLessThan(1e-6));
      expect(mat4RotationAngle(ours, toColumnMajor(ref))).toBeLessThan(1e-6);
    }
  });
});

describe('ForwardKinematics', () => {
  it('drives mimic joints from their master and does not take them as inputs', () => {
    const robot = loadCorpusRobot('robotiq_2f_85_gripper_visualization/urdf/robotiq_arg2f_85_model.urdf');
    const fk = new ForwardKinematics(robot);
    expect(fk.dof).toBe(1);
    const master = fk.inputJoints[0]!.name;
    fk.compute([0.4]);
    for (const joint of robot.joints.filter((j) => j.mimic !== null)) {
      expect(joint.mimic!.joint).toBe(master);
      expect(fk.jointValue(joint.name)).toBeCloseTo(joint.mimic!.multiplier * 0.4 + joint.mimic!.offset, 12);
    }
  });

  it('composes relative poses: (a → b) · (b → c) equals (a → c)', () => {
    const robot = loadCorpusRobot('ur_description/urdf/ur5e.urdf');
    const fk = new ForwardKinematics(robot).compute([0.3, -1.1, 1.4, -0.2, 0.9, 2.5]);
    const ab = fk.relativePose('base', 'upper_arm_link');
    const bc = fk.relativePose('upper_arm_link', 'tool0');
    const ac = fk.relativePose('base', 'tool0');
    const composed = mul(
      [0, 1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => ab[c * 4 + r]!)),
      [0, 1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => bc[c * 4 + r]!)),
    );
    composed.flat().forEach((v, i) => expect(v).toBeCloseTo(ac[(i % 4) * 4 + Math.floor(i / 4)]!, 12));
  });

  it('moves a prismatic joint along its axis and reports poses row-major with a unit quaternion', () => {
    const robot = loadCorpusRobot('ros_urdf_tests/pr2_desc.urdf');
    const fk = new ForwardKinematics(robot);
    const torso = fk.inputJoints.findIndex((j) => j.name === 'torso_lift_joint');
    expect(torso).toBeGreaterThanOrEqual(0);
    const q = new Array<number>(fk.dof).fill(0);
    const low = mat4Position(fk.compute(q).linkPose('torso_lift_link'));
    q[torso] = 0.2;
    const high = mat4Position(fk.compute(q).linkPose('torso_lift_link'));
    expect(high[2] - low[2]).toBeCloseTo(0.2, 12);

    const report = describePose(fk.relativePose('base_link', 'torso_lift_link'));
    expect(report.matrix[3]).toBeCloseTo(report.position[0], 12); // row-major: translation in column 4
    expect(report.matrix[11]).toBeCloseTo(report.position[2], 12);
    expect(Math.hypot(...report.quaternion)).toBeCloseTo(1, 12);
  });

  it('refuses a joint vector of the wrong length and an unknown link by name', () => {
    const fk = new ForwardKinematics(loadCorpusRobot('ur_description/urdf/ur5e.urdf'));
    expect(() => fk.compute([0, 0, 0])).toThrow('expected 6 joint values, got 3');
    fk.compute([0, 0, 0, 0, 0, 0]);
    expect(() => fk.linkPose('nope')).toThrow('unknown link "nope"');
  });
});
