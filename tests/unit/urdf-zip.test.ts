import { zipSync, type Zippable } from 'fflate';
import { DOMParser } from 'linkedom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRobotZip, readZip, UrdfError } from '../../src/io/urdf';
import { corpusFiles, corpusPath } from './corpus-helpers';

/** A zip (made in memory) of the corpus files under the given package folders. */
function zipOf(folders: string[], keep: (path: string) => boolean = () => true, prefix = ''): Uint8Array {
  const files: Zippable = {};
  for (const path of corpusFiles(/./).filter((p) => folders.some((f) => p.startsWith(`${f}/`)) && keep(p))) {
    files[prefix + path] = readFileSync(corpusPath(path));
  }
  return zipSync(files);
}

async function refusal(promise: Promise<unknown>): Promise<UrdfError> {
  const e = await promise.catch((error: unknown) => error);
  if (e instanceof UrdfError) return e;
  throw new Error(`expected a UrdfError, got ${String(e)}`);
}

describe('loading a robot from a zip', () => {
  it('finds the URDF inside and resolves package:// to the folder of the same name', async () => {
    const data = zipOf(['kuka_kr16_support']);
    const loaded = await loadRobotZip(data, 'kr16.zip');
    expect(loaded.path).toBe('/kuka_kr16_support/urdf/kr16_2.urdf');
    expect(loaded.robot.joints).toHaveLength(8);
    expect(loaded.meshes.meshes).toHaveLength(14);
    expect(loaded.meshes.missing).toHaveLength(0);
    const mesh = loaded.meshes.meshes[0];
    expect(mesh?.path).toMatch(/^\/kuka_kr16_support\/meshes\//);
    expect((await loaded.files.readBytes(mesh?.path ?? '')).length).toBeGreaterThan(1000);
  });

  it('resolves package:// through package.xml when the folder has another name', async () => {
    const files: Zippable = {
      'my-checkout/package.xml': new TextEncoder().encode('<?xml version="1.0"?><package format="3"><name>TriATHLETE</name></package>'),
    };
    for (const p of corpusFiles(/./).filter((f) => f.startsWith('urdf_loaders/TriATHLETE_Climbing/'))) {
      if (p.endsWith('.orig.URDF') || p.includes('/meshes/')) files[p.replace('urdf_loaders/TriATHLETE_Climbing', 'my-checkout')] = readFileSync(corpusPath(p));
    }
    const loaded = await loadRobotZip(zipSync(files), 'tri.zip');
    expect(loaded.meshes.meshes).toHaveLength(28);
    expect(loaded.meshes.missing).toHaveLength(0);
    expect(loaded.meshes.meshes[0]?.path).toMatch(/^\/my-checkout\/meshes\/.*\.STL$/);
  });

  it('expands a xacro when the zip has no URDF, with the includes of another package in the zip', async () => {
    const data = zipOf(['kuka_kr6_support', 'kuka_resources'], (p) => !p.endsWith('.urdf'));
    const loaded = await loadRobotZip(data, 'kr6.zip', { domParser: DOMParser });
    expect(loaded.path).toBe('/kuka_kr6_support/urdf/kr6r900sixx.xacro');
    expect(loaded.robot.joints.filter((j) => j.type === 'revolute')).toHaveLength(6);
    // tests/corpus keeps none of the KR 6's 14 meshes (7 visual, 7 collision): warnings, not errors.
    expect(loaded.meshes.meshes).toHaveLength(14);
    expect(loaded.meshes.missing).toHaveLength(14);
    expect(loaded.warnings).toHaveLength(14);
  });

  it('names the zip and the entry when the URDF inside is bad', async () => {
    const bad = zipSync({ 'robot/urdf/r.urdf': new TextEncoder().encode('<robot name="r">\n<link name="a"/>\n<link name="a"/>\n</robot>') });
    const error = await refusal(loadRobotZip(bad, 'bad.zip'));
    expect(error.toString()).toBe('bad.zip/robot/urdf/r.urdf:3: link "a" is declared twice (first at line 2)');
  });

  it('says so when the zip holds no robot file', async () => {
    const error = await refusal(loadRobotZip(zipSync({ 'readme.txt': new Uint8Array([104, 105]) }), 'empty.zip'));
    expect(error.message).toBe('the zip holds no .urdf or .xacro file');
  });
});

describe('refusing zips that are too big or damaged', () => {
  const zeros = zipSync({ 'big.bin': new Uint8Array(3 * 1024 * 1024) });

  it('refuses a zip that expands past the limit before inflating anything', () => {
    expect(zeros.length).toBeLessThan(20_000);
    expect(() => readZip(zeros, 'bomb.zip', { maxTotalBytes: 1024 * 1024 })).toThrow(/expands to more than 1 MB; refused/);
  });

  it('stops inflating an entry that produces more than its header declares', () => {
    const lying = zeros.slice();
    // Patch the central directory's uncompressed size (offset 24 of its entry) down to 1000 bytes.
    const view = new DataView(lying.buffer);
    let central = lying.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, 1000, true);
    const entry = readZip(lying, 'lying.zip').entries.get('big.bin');
    expect(entry?.size).toBe(1000);
    expect(() => entry?.read()).toThrow(/expands past its declared size of 1000 bytes/);
  });

  it('refuses a file that is not a zip', () => {
    expect(() => readZip(new TextEncoder().encode('<robot name="r"/>'), 'robot.zip')).toThrow(/not a readable zip file/);
  });

  it('reads back what fflate wrote, stored and deflated', () => {
    const text = new TextEncoder().encode('x'.repeat(10_000));
    const archive = readZip(zipSync({ 'a/stored.txt': [text, { level: 0 }], 'a/deflated.txt': text }), 'ok.zip');
    expect([...archive.entries.keys()].sort()).toEqual(['a/deflated.txt', 'a/stored.txt']);
    expect(archive.entries.get('a/deflated.txt')?.read()).toEqual(text);
    expect(archive.entries.get('a/stored.txt')?.read()).toEqual(text);
  });
});
