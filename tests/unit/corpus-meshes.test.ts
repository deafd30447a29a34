import { describe, expect, it } from 'vitest';
import { checkMeshes, parseUrdf } from '../../src/io/urdf';
import { nodeRobotFiles } from '../../src/io/urdf/node-files';
import { corpusPath, corpusRobots, corpusText } from './corpus-helpers';

const disk = nodeRobotFiles();

async function meshReport(file: string, packages?: Record<string, string>) {
  const { robot } = parseUrdf(corpusText(file), file);
  return checkMeshes(robot, { urdfPath: corpusPath(file), search: disk, exists: disk.exists, ...(packages ? { packages } : {}) });
}

describe('mesh references of the corpus robots', () => {
  for (const robot of corpusRobots()) {
    const absent = [...robot.omitted_visual, ...robot.left_out].sort();
    it(`${robot.name}: resolves every mesh through package:// into its package folder, ${absent.length ? `and reports the ${absent.length} absent ones as warnings` : 'and none is missing'}`, async () => {
      const report = await meshReport(robot.dest);
      expect(report.meshes.length).toBeGreaterThan(0);
      // package://NAME/rest is NAME/rest below the corpus root, whether the file is there or not.
      for (const m of report.meshes) {
        expect(m.path?.toLowerCase()).toBe(corpusPath(m.filename.replace('package://', '')).toLowerCase());
      }
      expect(report.missing.map((m) => m.filename).sort()).toEqual(absent);
      expect(report.warnings).toHaveLength(absent.length);
      for (const m of report.missing.filter((m) => robot.omitted_visual.includes(m.filename))) {
        expect(m.usedBy.some((u) => u.kind === 'visual')).toBe(true);
      }
    });
  }

  it('has every mesh of the robots whose meshes the tests and benches load', () => {
    const complete = corpusRobots().filter((r) => r.omitted_visual.length + r.left_out.length === 0).map((r) => r.name);
    expect(complete.sort()).toEqual(['irb120_3_58', 'kr16_2', 'pr2']);
  });
});

describe('TriATHLETE (gkjohnson/urdf-loaders)', () => {
  const dir = 'urdf_loaders/TriATHLETE_Climbing';

  it('resolves relative ../meshes/*.STL paths and keeps the upper-case extension', async () => {
    const report = await meshReport(`${dir}/urdf/TriATHLETE.URDF`);
    expect(report.meshes).toHaveLength(28);
    expect(report.missing).toHaveLength(0);
    const body = report.meshes.find((m) => m.filename === '../meshes/Body.STL');
    expect(body?.path).toBe(corpusPath(`${dir}/meshes/Body.STL`));
    expect(body?.format).toBe('stl');
  });

  it('resolves package://TriATHLETE when the package is given, since its folder has another name', async () => {
    const report = await meshReport(`${dir}/urdf/TriATHLETE.orig.URDF`, { TriATHLETE: corpusPath(dir) });
    expect(report.missing).toHaveLength(0);
    expect(report.meshes.every((m) => m.path?.endsWith('.STL'))).toBe(true);
  });

  it('reports every mesh of an unknown package as a warning, not an error', async () => {
    const report = await meshReport(`${dir}/urdf/TriATHLETE.orig.URDF`);
    expect(report.missing).toHaveLength(28);
    expect(report.warnings[0]).toMatch(/package "TriATHLETE" not found \(give it as --package TriATHLETE=DIR\)/);
  });
});

describe('other corpus mesh formats', () => {
  it('finds the upper-case .STL collision meshes of the Robotiq 3F gripper', async () => {
    const report = await meshReport('robotiq_3f_gripper_visualization/cfg/robotiq-3f-gripper_articulated.expanded.urdf');
    const upper = report.meshes.filter((m) => m.filename.endsWith('.STL'));
    expect(upper.length).toBeGreaterThan(0);
    expect(upper.every((m) => !m.missing)).toBe(true);
  });

  it("resolves Drake's glTF and OBJ meshes through package://drake_models (the files stay upstream)", async () => {
    const report = await meshReport('drake_models/pr2_description/urdf/pr2_simplified.urdf');
    expect(new Set(report.meshes.map((m) => m.format))).toEqual(new Set(['gltf', 'obj']));
    expect(report.meshes).toHaveLength(28);
    expect(report.meshes.every((m) => m.path?.startsWith(corpusPath('drake_models/pr2_description/meshes/')))).toBe(true);
  });
});
