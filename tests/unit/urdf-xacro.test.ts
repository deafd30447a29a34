import { DOMParser } from 'linkedom';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryRobotFiles, packageFinder, parseUrdf, parseXacro, UrdfError, loadRobotFile } from '../../src/io/urdf';
import { nodeRobotFiles } from '../../src/io/urdf/node-files';
import { corpusPath, corpusRobots, corpusText, CORPUS, REPO_ROOT } from './corpus-helpers';

const disk = nodeRobotFiles();

/** Expands a corpus xacro with packages found upwards from it (the corpus root is a package root). */
function expand(file: string, args: Record<string, string> = {}) {
  const path = corpusPath(file);
  return parseXacro(corpusText(file), file, {
    packages: packageFinder(path, undefined, disk),
    readFile: (p) => disk.readText(p),
    workingPath: dirname(path),
    args,
    domParser: DOMParser,
  });
}

/** `name:=value` args of the manifest as a record. */
function argsOf(list: string[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((a) => a.split(':=') as [string, string]));
}

const xacroRobots = corpusRobots().filter((r) => (r as { kind?: string }).kind === 'xacro') as (ReturnType<typeof corpusRobots>[number] & {
  src: string;
  args?: string[];
})[];
const failing = new Set(['ur5e', 'ur10e', 'panda', 'gen3_7dof', 'j2n6s300']);

describe('xacro expansion with xacro-parser', () => {
  it('expands kuka_kr6_support kr6r900sixx.xacro into the same links and joints as the pre-expanded URDF', async () => {
    const expanded = await expand('kuka_kr6_support/urdf/kr6r900sixx.xacro');
    const reference = parseUrdf(corpusText('kuka_kr6_support/urdf/kr6r900sixx.urdf'), 'kr6r900sixx.urdf');
    expect(expanded.robot.joints).toEqual(reference.robot.joints);
    expect(expanded.robot.links).toEqual(reference.robot.links);
    expect(expanded.robot.joints.map((j) => j.name)).toEqual([
      'joint_a1', 'joint_a2', 'joint_a3', 'joint_a4', 'joint_a5', 'joint_a6', 'joint_a6-flange', 'flange-tool0', 'base_link-base',
    ]);
    expect(expanded.urdf).toMatch(/^<\?xml version="1.0"\?>\n<robot name="kuka_kr6r900sixx">/);
  });

  for (const robot of xacroRobots.filter((r) => !failing.has(r.name))) {
    it(`expands ${robot.src} into the joints of ${robot.dest}`, async () => {
      const expanded = await expand(robot.src, argsOf(robot.args));
      const reference = parseUrdf(corpusText(robot.dest), robot.dest);
      expect(expanded.robot.name).toBe(reference.robot.name);
      expect(expanded.robot.joints).toEqual(reference.robot.joints);
    });
  }

  for (const robot of xacroRobots.filter((r) => failing.has(r.name))) {
    it(`refuses ${robot.src} (${robot.name}) with one clear error instead of crashing`, async () => {
      const error = await expand(robot.src, argsOf(robot.args)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UrdfError);
      expect((error as UrdfError).file).toBe(robot.src);
      expect((error as UrdfError).message).toMatch(/^xacro expansion failed: .*run ROS's xacro to get a \.urdf\)$/);
      expect((error as UrdfError).message).not.toMatch(/\n/);
    });
  }

  it('names an unknown package in $(find) and how to give it', async () => {
    const error = await parseXacro(corpusText('kuka_kr6_support/urdf/kr6r900sixx.xacro'), 'kr6.xacro', {
      packages: {},
      readFile: (p) => disk.readText(p),
      domParser: DOMParser,
    }).catch((e: unknown) => e);
    expect(String(error)).toBe('kr6.xacro: $(find kuka_kr6_support): package "kuka_kr6_support" is not known (give it as --package kuka_kr6_support=DIR)');
  });

  it('reports malformed xacro XML with its line before expanding', async () => {
    const error = await parseXacro('<robot name="r">\n<link name="a">\n</robot>', 'bad.xacro', { readFile: async () => '', domParser: DOMParser }).catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'bad.xacro', line: 3 });
  });

  it('expands a xacro held in memory, finding its packages by package.xml name', async () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const files = memoryRobotFiles(new Map([
      ['/checkout/arm-support/package.xml', encode('<package format="2"><name>arm_support</name></package>')],
      ['/checkout/arm-support/urdf/arm.xacro', encode(
        '<robot name="arm" xmlns:xacro="http://ros.org/wiki/xacro">\n<xacro:include filename="$(find arm_support)/urdf/macro.xacro"/>\n<xacro:arm prefix="left_"/>\n</robot>')],
      ['/checkout/arm-support/urdf/macro.xacro', encode(
        '<robot xmlns:xacro="http://ros.org/wiki/xacro"><xacro:property name="len" value="0.25"/><xacro:macro name="arm" params="prefix">' +
        '<link name="${prefix}base"/><link name="${prefix}tip"/><joint name="${prefix}j1" type="continuous"><parent link="${prefix}base"/>' +
        '<child link="${prefix}tip"/><origin xyz="0 0 ${len * 2}"/></joint></xacro:macro></robot>')],
    ]));
    const loaded = await loadRobotFile('/checkout/arm-support/urdf/arm.xacro', files, { domParser: DOMParser });
    expect(loaded.robot.joints.map((j) => [j.name, j.origin.xyz])).toEqual([['left_j1', [0, 0, 0.5]]]);
  });
});

it('finds every URDF and xacro source of the manifest inside the repository (tests/corpus)', () => {
  expect(relative(REPO_ROOT, CORPUS)).toBe(join('tests', 'corpus'));
  const named = corpusRobots().flatMap((r) => [r.dest, ...((r as { xacro_files?: string[] }).xacro_files ?? [])]);
  expect(named.length).toBeGreaterThan(40);
  for (const file of named) expect(existsSync(corpusPath(file)), file).toBe(true);
});
