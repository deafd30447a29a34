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
    const omitted = robot.omitted_visual.length;
    it(`${robot.name}: finds every mesh through package:// ${omitted ? `except the ${omitted} omitted visuals, reported as warnings` : 'and none is missing'}`, async () => {
      const report = await meshReport(robot.dest);
      expect(report.meshes.length).toBeGreaterThan(0);
      expect(report.missing.map((m) => m.filename).sort()).toEqual([...robot.omitted_visual].sort());
      expect(report.warnings).toHaveLength(omitted);
      for (const m of report.missing) expect(m.usedBy.some((u) => u.kind === 'visual')).toBe(true);
    });
  }
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
    const upper = report.meshes.filter((m) => /\.STL$/.test(m.filename));
    expect(upper.length).toBeGreaterThan(0);
    expect(upper.every((m) => !m.missing)).toBe(true);
  });

  it("finds Drake's glTF and OBJ meshes through package://drake_models", async () => {
    const report = await meshReport('drake_models/pr2_description/urdf/pr2_simplified.urdf');
    expect(new Set(report.meshes.map((m) => m.format))).toEqual(new Set(['gltf', 'obj']));
    expect(report.missing).toHaveLength(0);
  });
});
