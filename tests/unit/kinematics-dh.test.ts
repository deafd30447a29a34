import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dhForward, type DhTable } from '../../src/kinematics/dh';
import { deriveDh } from '../../src/kinematics/dh-derive';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Create, mat4RotationAngle } from '../../src/kinematics/mat4';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { LIBRARY_DIR, loadBundledRobot, randomJointVector, seededRandom } from './support/kinematics-fixtures';

interface Entry { id: string; kind: string; file: string; baseLink: string; flangeLink?: string; tcpLink?: string }
const library = JSON.parse(readFileSync(LIBRARY_DIR + 'library.json', 'utf8')) as { entries: Entry[] };
const robots = library.entries.filter((e) => e.kind === 'robot');

/** Largest distance (m) and angle (rad) between the table's tip and the URDF's over 20 seeded poses. */
function rebuildError(file: string, base: string, tip: string, table: (d: ReturnType<typeof deriveDh>) => DhTable) {
  const { robot } = loadBundledRobot(file);
  const fk = new ForwardKinematics(robot);
  const derivation = deriveDh(robot, fk, base, tip);
  const random = seededRandom(0xd4);
  const rebuilt = mat4Create();
  let position = 0, angle = 0;
  for (let n = 0; n < 20; n++) {
    const q = randomJointVector(robot, random);
    const urdf = fk.compute(q).relativePose(base, tip);
    dhForward(table(derivation), q, rebuilt);
    position = Math.max(position, Math.hypot(rebuilt[12]! - urdf[12]!, rebuilt[13]! - urdf[13]!, rebuilt[14]! - urdf[14]!));
    angle = Math.max(angle, mat4RotationAngle(rebuilt, urdf));
  }
  return { position, angle, derivation };
}

const tableOf = (convention: 'standard' | 'modified') => (d: ReturnType<typeof deriveDh>): DhTable => {
  if (!d.ok) throw new Error(d.note);
  return d[convention];
};

describe('DH tables derived from the URDF', () => {
  it('covers all six bundled robots', () => {
    expect(robots.map((r) => r.id)).toEqual(['ur5e', 'ur10e', 'kuka_kr6_r900_sixx', 'abb_irb120', 'fanuc_lrmate200id', 'yaskawa_gp7']);
  });

  for (const entry of robots) {
    for (const convention of ['standard', 'modified'] as const) {
      it(`rebuilds the ${entry.id}'s FK from its ${convention} table to 1e-9 m and 1e-9 rad at 20 random poses`, () => {
        const { position, angle, derivation } = rebuildError(entry.file, entry.baseLink, entry.flangeLink ?? 'tool0', tableOf(convention));
        expect(derivation.ok && derivation[convention].rows).toHaveLength(6);
        expect(position).toBeLessThan(1e-9);
        expect(angle).toBeLessThan(1e-9);
      });
    }
  }

  it("gives the UR5e's published lengths: a2 = −425 mm, a3 = −392.2 mm up to sign, d1 = 162.5 mm, d4 = 133.3 mm, d5 = 99.7 mm, d6 = 99.6 mm", () => {
    const { robot } = loadBundledRobot('ur5e.urdf');
    const d = deriveDh(robot, new ForwardKinematics(robot), 'base_link', 'tool0');
    if (!d.ok) throw new Error(d.note);
    const rows = d.standard.rows;
    expect(rows.map((r) => Math.abs(r.a))).toEqual([0, 0.425, 0.3922, 0, 0, 0].map((v) => expect.closeTo(v, 9)));
    expect(rows.map((r) => Math.abs(r.d))).toEqual([0.1625, 0, 0, 0.1333, 0.0997, 0.0996].map((v) => expect.closeTo(v, 9)));
    expect(rows.map((r) => Math.abs(Math.abs(r.alpha) - Math.PI / 2) < 1e-9 || Math.abs(r.alpha) < 1e-9)).toEqual([true, true, true, true, true, true]);
  });

  it('names the mimic joint when the chain has one (the parallel gripper, base to the mirrored finger)', () => {
    const { robot } = loadBundledRobot('parallel_gripper.urdf');
    const mirrored = robot.joints.find((j) => j.name === 'finger_mirror_joint')!;
    const d = deriveDh(robot, new ForwardKinematics(robot), 'base_link', mirrored.child);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.joint).toBe('finger_mirror_joint');
    expect(!d.ok && d.note).toMatch(/finger_mirror_joint.*mimics "finger_joint"/);
  });

  it('names the joint that moves the base side of a chain read from the tip back to the base', () => {
    const { robot } = loadBundledRobot('ur5e.urdf');
    const d = deriveDh(robot, new ForwardKinematics(robot), 'tool0', 'base_link');
    expect(d.ok).toBe(false);
    expect(!d.ok && d.joint).toBe('shoulder_pan_joint'); // the first of the base-side joints, root first
    expect(!d.ok && d.note).toMatch(/shoulder_pan_joint.*moves the base/);
  });

  it('handles a prismatic joint and skew axes: a two-joint robot rebuilt to 1e-12 m', () => {
    const urdf = `<robot name="skew">
      <link name="b"/><link name="l1"/><link name="l2"/><link name="t"/>
      <joint name="j1" type="revolute"><parent link="b"/><child link="l1"/><origin xyz="0.1 0.2 0.3" rpy="0.3 -0.2 0.5"/><axis xyz="0 0.6 0.8"/><limit lower="-3" upper="3" effort="1" velocity="1"/></joint>
      <joint name="j2" type="prismatic"><parent link="l1"/><child link="l2"/><origin xyz="0.4 -0.1 0.2" rpy="0.7 0.1 0"/><axis xyz="1 0 0"/><limit lower="-0.5" upper="0.5" effort="1" velocity="1"/></joint>
      <joint name="jt" type="fixed"><parent link="l2"/><child link="t"/><origin xyz="0.05 0.06 0.07" rpy="0.2 0.4 0.6"/></joint>
    </robot>`;
    const { robot } = parseUrdf(urdf, 'skew.urdf');
    const fk = new ForwardKinematics(robot);
    const d = deriveDh(robot, fk, 'b', 't');
    if (!d.ok) throw new Error(d.note);
    expect(d.standard.rows[0]!.a).toBeGreaterThan(0.01); // skew axes: a real common normal
    const rebuilt = mat4Create();
    for (const q of [[0, 0], [1.1, -0.3], [-2.5, 0.45]]) {
      const urdfPose = fk.compute(q).relativePose('b', 't');
      for (const table of [d.standard, d.modified]) {
        dhForward(table, q, rebuilt);
        expect(Math.hypot(rebuilt[12]! - urdfPose[12]!, rebuilt[13]! - urdfPose[13]!, rebuilt[14]! - urdfPose[14]!)).toBeLessThan(1e-12);
        expect(mat4RotationAngle(rebuilt, urdfPose)).toBeLessThan(1e-12);
      }
    }
  });
});
