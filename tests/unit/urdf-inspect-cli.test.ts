import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';

/** Runs the CLI in-process from the repository root, capturing what it prints. */
async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-inspect-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('celltwin inspect', () => {
  it('prints the UR5e as JSON: 13 links, 12 joints in tree order, 6 DOF, 14 meshes (not kept in tests/corpus: missing, with warnings)', async () => {
    const { code, out, err } = await celltwin('inspect', 'tests/corpus/ur_description/urdf/ur5e.urdf', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.name).toBe('ur5e');
    expect(json.root).toBe('world');
    expect(json.links).toHaveLength(13);
    expect(json.links[0]).toEqual({ name: 'world' });
    expect(json.joints).toHaveLength(12);
    expect(json.dof).toBe(6);
    expect(json.activeJoints).toEqual(['shoulder_pan_joint', 'shoulder_lift_joint', 'elbow_joint', 'wrist_1_joint', 'wrist_2_joint', 'wrist_3_joint']);
    expect(json.joints[0]).toEqual({
      name: 'base_joint', type: 'fixed', parent: 'world', child: 'base_link', axis: [1, 0, 0],
      origin: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, limits: null, mimic: null,
    });
    expect(json.joints[2]).toEqual({
      name: 'shoulder_pan_joint', type: 'revolute', parent: 'base_link_inertia', child: 'shoulder_link', axis: [0, 0, 1],
      origin: { xyz: [0, 0, 0.1625], rpy: [0, 0, 0] },
      limits: { lower: -6.283185307179586, upper: 6.283185307179586, velocity: 3.141592653589793, effort: 150 }, mimic: null,
    });
    expect(json.meshes).toHaveLength(14);
    expect(json.missingMeshes).toHaveLength(14);
    expect(json.warnings).toHaveLength(14);
  });

  it('finds all 14 meshes of the KUKA KR 16-2 through package://, with no warnings', async () => {
    const { code, out } = await celltwin('inspect', 'tests/corpus/kuka_kr16_support/urdf/kr16_2.urdf', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.meshes).toHaveLength(14);
    expect(json.missingMeshes).toEqual([]);
    expect(json.warnings).toEqual([]);
  });

  it('writes continuous position limits as null in JSON and lists mimic joints', async () => {
    const { out } = await celltwin('inspect', 'tests/corpus/robotiq_2f_85_gripper_visualization/urdf/robotiq_arg2f_85_model.urdf', '--json');
    const json = JSON.parse(out);
    expect(json.dof).toBe(1);
    expect(json.joints.filter((j: { mimic: unknown }) => j.mimic !== null)).toHaveLength(5);
    const gen3 = JSON.parse((await celltwin('inspect', 'tests/corpus/kortex_description/robots/gen3_7dof.urdf', '--json')).out);
    expect(gen3.joints.find((j: { name: string }) => j.name === 'joint_1').limits).toEqual({ lower: null, upper: null, velocity: 1.3963, effort: 39 });
  });

  it('lists the absent meshes of the UR10e as missing, with warnings, and still succeeds', async () => {
    const { code, out } = await celltwin('inspect', 'tests/corpus/ur_description/urdf/ur10e.urdf', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // 7 visuals omitted upstream and 7 collision meshes tests/corpus does not keep.
    expect(json.missingMeshes).toHaveLength(14);
    expect(json.warnings).toHaveLength(14);
  });

  it('prints a human-readable summary without --json', async () => {
    const { code, out } = await celltwin('inspect', 'tests/corpus/kuka_kr6_support/urdf/kr6r900sixx.urdf');
    expect(code).toBe(0);
    expect(out).toMatch(/^kuka_kr6r900sixx \(.*kr6r900sixx\.urdf\): 10 links, 9 joints, 6 DOF, root "base_link"/);
    expect(out).toMatch(/joint_a1 +revolute +base_link → link_1/);
    expect(out).toMatch(/meshes: 14 referenced, 14 missing/);
  });

  it('expands a xacro and resolves $(find) from the parent folders', async () => {
    const { code, out } = await celltwin('inspect', 'tests/corpus/abb_irb120_support/urdf/irb120_3_58.xacro', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).dof).toBe(6);
  });

  it('resolves package:// with --package NAME=DIR', async () => {
    const file = 'tests/corpus/urdf_loaders/TriATHLETE_Climbing/urdf/TriATHLETE.orig.URDF';
    const without = JSON.parse((await celltwin('inspect', file, '--json')).out);
    const withPackage = JSON.parse((await celltwin('inspect', file, '--json', '--package', 'TriATHLETE=tests/corpus/urdf_loaders/TriATHLETE_Climbing')).out);
    expect(without.missingMeshes).toHaveLength(28);
    expect(withPackage.missingMeshes).toHaveLength(0);
  });

  it('exits 2 with error: FILE:LINE: what for a bad URDF', async () => {
    const { code, out, err } = await celltwin('inspect', 'tests/corpus/ros_urdf_tests/fail_pr2_desc_double_joint.urdf');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('error: tests/corpus/ros_urdf_tests/fail_pr2_desc_double_joint.urdf:21: joint "fl_caster_rotation_joint" is declared twice (first at line 4)');
  });

  it('exits 2 naming the file when it cannot be read or is a failing xacro', async () => {
    expect((await celltwin('inspect', 'no/such/robot.urdf')).err).toBe('error: no/such/robot.urdf: cannot read the file (ENOENT)');
    const ur = await celltwin('inspect', 'tests/corpus/ur_description/urdf/ur.urdf.xacro', '--arg', 'ur_type:=ur5e', '--arg', 'name:=ur5e');
    expect(ur.code).toBe(2);
    expect(ur.err).toMatch(/^error: tests\/corpus\/ur_description\/urdf\/ur\.urdf\.xacro: xacro expansion failed: /);
  });

  it('exits 2 with one line and no stack trace when run as a program', () => {
    const bad = join(scratch, 'bad.urdf');
    writeFileSync(bad, [
      '<robot name="r">',
      '  <link name="a"/>',
      '  <link name="b"/>',
      '  <joint name="j" type="fixed">',
      '    <parent link="a"/>',
      '    <child link="b"/>',
      '    <origin xyz="1 2 abc"/>',
      '  </joint>',
      '</robot>',
    ].join('\n'));
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/celltwin.js'), 'inspect', bad], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: ${bad}:7: <joint name="j">: <origin> xyz="1 2 abc": "abc" is not a number\n`);
  });
});
