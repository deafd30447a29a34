import { describe, expect, it } from 'vitest';
import { checkMeshes, listMeshes, memoryRobotFiles, meshFormat, parseUrdf, resolveMeshPath } from '../../src/io/urdf';

const encode = (s: string) => new TextEncoder().encode(s);

function robotWithMeshes(...filenames: string[]) {
  const links = filenames.map((f, i) => `<link name="l${i}"><visual><geometry><mesh filename="${f}"/></geometry></visual>` +
    `<collision><geometry><mesh filename="${f}"/></geometry></collision></link>`);
  const joints = filenames.slice(1).map((_, i) => `<joint name="j${i + 1}" type="fixed"><parent link="l${i}"/><child link="l${i + 1}"/></joint>`);
  return parseUrdf(`<robot name="r">${links.join('')}${joints.join('')}</robot>`, 'r.urdf').robot;
}

describe('resolving mesh filenames', () => {
  it.each([
    ['package://arm/meshes/base.stl', '/ws/src/arm/meshes/base.stl'],
    ['model://arm/meshes/base.stl', '/ws/src/arm/meshes/base.stl'],
    ['meshes/Base.STL', '/ws/src/arm/urdf/meshes/Base.STL'],
    ['../meshes/Base.STL', '/ws/src/arm/meshes/Base.STL'],
    ['file:///opt/meshes/my%20part.dae', '/opt/meshes/my part.dae'],
    ['/abs/mesh.obj', '/abs/mesh.obj'],
    ['https://example.com/m.glb', 'https://example.com/m.glb'],
  ])('resolves %s to %s', (filename, expected) => {
    expect(resolveMeshPath(filename, '/ws/src/arm/urdf/arm.urdf', { arm: '/ws/src/arm' })).toBe(expected);
  });

  it('gives null for a package the map does not know', () => {
    expect(resolveMeshPath('package://other/m.stl', '/ws/arm.urdf', { arm: '/ws/arm' })).toBeNull();
  });

  it('recognises formats whatever the case of the extension', () => {
    expect(['a.STL', 'b.stl', 'c.DAE', 'd.gltf', 'e.glb', 'f.Obj', 'g'].map(meshFormat)).toEqual(['stl', 'stl', 'dae', 'gltf', 'glb', 'obj', '']);
  });

  it('lists each mesh once with every link element that uses it', () => {
    const meshes = listMeshes(robotWithMeshes('package://a/m.stl', 'package://a/m.stl', 'package://a/n.STL'));
    expect(meshes).toEqual([
      { filename: 'package://a/m.stl', usedBy: [{ link: 'l0', kind: 'visual' }, { link: 'l0', kind: 'collision' }, { link: 'l1', kind: 'visual' }, { link: 'l1', kind: 'collision' }] },
      { filename: 'package://a/n.STL', usedBy: [{ link: 'l2', kind: 'visual' }, { link: 'l2', kind: 'collision' }] },
    ]);
  });
});

describe('checking which meshes exist', () => {
  const files = memoryRobotFiles(new Map([
    ['/ws/arm_pkg/package.xml', encode('<package><name>arm_description</name></package>')],
    ['/ws/arm_pkg/urdf/arm.urdf', encode('<robot name="r"/>')],
    ['/ws/arm_pkg/meshes/base.STL', encode('solid')],
    ['/ws/arm_pkg/meshes/link1.stl', encode('solid')],
    ['/ws/gripper/meshes/finger.dae', encode('<COLLADA/>')],
  ]));

  it('finds packages by package.xml name and by folder name, upwards from the URDF', async () => {
    const robot = robotWithMeshes('package://arm_description/meshes/link1.stl', 'package://gripper/meshes/finger.dae');
    const report = await checkMeshes(robot, { urdfPath: '/ws/arm_pkg/urdf/arm.urdf', search: files, exists: files.exists });
    expect(report.meshes.map((m) => m.path)).toEqual(['/ws/arm_pkg/meshes/link1.stl', '/ws/gripper/meshes/finger.dae']);
    expect(report.missing).toEqual([]);
  });

  it('finds a .STL file referenced as .stl and says so', async () => {
    const report = await checkMeshes(robotWithMeshes('../meshes/base.stl'), { urdfPath: '/ws/arm_pkg/urdf/arm.urdf', exists: files.exists });
    expect(report.meshes[0]).toMatchObject({ filename: '../meshes/base.stl', path: '/ws/arm_pkg/meshes/base.STL', missing: false });
    expect(report.warnings).toEqual(['mesh "../meshes/base.stl" found as "/ws/arm_pkg/meshes/base.STL" (extension case differs)']);
  });

  it('reports a missing mesh as a warning naming the file and the links that use it', async () => {
    const report = await checkMeshes(robotWithMeshes('../meshes/wrist.stl'), { urdfPath: '/ws/arm_pkg/urdf/arm.urdf', exists: files.exists });
    expect(report.missing.map((m) => m.filename)).toEqual(['../meshes/wrist.stl']);
    expect(report.warnings).toEqual(['mesh "../meshes/wrist.stl" not found (looked for /ws/arm_pkg/meshes/wrist.stl); used by l0 (visual), l0 (collision)']);
  });

  it('prefers an explicit package over the search', async () => {
    const report = await checkMeshes(robotWithMeshes('package://gripper/meshes/finger.dae'), {
      urdfPath: '/ws/arm_pkg/urdf/arm.urdf', packages: { gripper: '/elsewhere' }, search: files, exists: files.exists,
    });
    expect(report.meshes[0]?.path).toBe('/elsewhere/meshes/finger.dae');
    expect(report.missing).toHaveLength(1);
  });
});
