/**
 * Issue 13: one test per class of robot file that used to crash or flood stderr — damaged zips,
 * a damaged package.xml, deep xacro, endless macro recursion — and the CLI's answer to each bad
 * input: exit 2 and one `error: FILE[:LINE]: what` line, nothing else on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { UrdfError } from '../../src/io/urdf/errors';
import { loadRobotZip } from '../../src/io/urdf/load-robot';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { readZip } from '../../src/io/urdf/zip';
import { REPO_ROOT } from './corpus-helpers';

/** The harness's limit for a test that starts the CLI as a process on a slow shared machine. */
const PROCESS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function refusal(run: () => unknown): Promise<UrdfError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof UrdfError) return e;
    throw new Error(`expected a UrdfError, got ${String(e)}`);
  }
  throw new Error('expected a refusal');
}

/** One link with a mesh in a package: loading it searches the packages (and reads package.xml). */
const MESH_ROBOT = '<robot name="m"><link name="base"><visual><geometry><mesh filename="package://grip_pkg/meshes/m.stl"/></geometry></visual></link></robot>';
const PACKAGE_XML = '<?xml version="1.0"?><package format="2"><name>grip_pkg</name><version>1.0.0</version></package>';

/** A zip whose package folder is not named like its package, so package.xml must be read. */
function checkoutZip(): Uint8Array {
  return zipSync({
    'checkout/package.xml': strToU8(PACKAGE_XML + ' '.repeat(500)),
    'checkout/urdf/gripper.urdf': strToU8(MESH_ROBOT),
    'checkout/meshes/m.stl': new Uint8Array(100),
  });
}

/** Offset of the data of `entry` in a zip fflate wrote (local header, name, no extra field). */
function entryData(zip: Uint8Array, entry: string): number {
  const at = Buffer.from(zip).indexOf(entry);
  return at + entry.length;
}

/** Offset of the central-directory record of the first entry. */
const centralDirectory = (zip: Uint8Array): number => Buffer.from(zip).indexOf(Buffer.from([0x50, 0x4b, 1, 2]));

describe('damaged zips are refused, naming the zip and the entry', () => {
  it('refuses a central-directory record whose extra field runs past the end of the file', async () => {
    const zip = checkoutZip();
    const cd = centralDirectory(zip);
    zip[cd + 30] = 0xff;
    zip[cd + 31] = 0xff;
    const e = await refusal(() => readZip(zip, 'pkg.zip'));
    expect(e.toString()).toBe('pkg.zip: not a readable zip file: central directory entry 1 runs past the end of the file');
  });

  it('refuses a ZIP64 extra field too short for the sizes it replaces', async () => {
    const zip = checkoutZip();
    const cd = centralDirectory(zip);
    const nameLength = zip[cd + 28]! | (zip[cd + 29]! << 8);
    // Sizes saturated (they must come from the ZIP64 field), and a 4-byte field of id 1 in place of the name's end.
    zip.fill(0xff, cd + 20, cd + 28);
    zip[cd + 28] = nameLength - 4;
    zip[cd + 30] = 4;
    zip.set([1, 0, 0, 0], cd + 46 + nameLength - 4);
    const e = await refusal(() => readZip(zip, 'pkg.zip'));
    expect(e.file).toBe('pkg.zip');
    expect(e.message).toMatch(/^not a readable zip file: the ZIP64 extra field of ".*" is cut short$/);
  });

  it('refuses a damaged package.xml met while resolving package:// with the entry and the cause', async () => {
    const zip = checkoutZip();
    zip.fill(0xff, entryData(zip, 'checkout/package.xml'), entryData(zip, 'checkout/package.xml') + 8);
    const e = await refusal(() => loadRobotZip(zip, 'pkg.zip', { domParser: DOMParser }));
    expect(e.file).toBe('pkg.zip');
    expect(e.message).toMatch(/^"checkout\/package\.xml" cannot be decompressed: .+; the zip is damaged$/);
  });

  it('refuses an entry whose header claims 400 MB for a few bytes, without inflating past them', async () => {
    const zip = checkoutZip();
    const cd = centralDirectory(zip);
    new DataView(zip.buffer).setUint32(cd + 24, 400 * 1024 * 1024, true);
    const archive = readZip(zip, 'pkg.zip');
    const e = await refusal(() => archive.entries.get('checkout/package.xml')!.read());
    expect(e.message).toMatch(/^"checkout\/package\.xml" is shorter than its declared size \(\d+ of 419430400 bytes\)$/);
  });
});

describe('robot descriptions past the stated limits', () => {
  it('refuses XML nested more than 256 levels with the line, before any reader recurses', () => {
    const text = `<robot name="r">\n<link name="a"/>\n${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</robot>`;
    const e = (() => {
      try {
        parseUrdf(text, 'deep.urdf');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(UrdfError);
    expect(String(e)).toBe('deep.urdf:3: elements nested more than 256 levels deep; refused');
  });
});

/** Runs the built CLI as a process: exit code, stdout, stderr lines. */
function celltwin(...argv: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/celltwin.js'), ...argv], { encoding: 'utf8', cwd: scratch });
  return { code: r.status, out: r.stdout, err: r.stderr.split('\n').filter((l) => l !== '') };
}

describe('the CLI refuses each with exit 2 and one located line', () => {
  it('a xacro nested 100,000 deep: no V8 stack dump before the error line', () => {
    writeFileSync(join(scratch, 'deep.xacro'), `<robot name="r" xmlns:xacro="http://ros.org/wiki/xacro"><link name="a"/>\n${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</robot>`);
    expect(celltwin('inspect', 'deep.xacro')).toEqual({ code: 2, out: '', err: ['error: deep.xacro:2: elements nested more than 256 levels deep; refused'] });
  }, PROCESS);

  it('a xacro macro that calls itself unconditionally', () => {
    const text = ['<robot name="r" xmlns:xacro="http://ros.org/wiki/xacro">', '<link name="a"/>', '<xacro:macro name="m"><xacro:m/></xacro:macro>', '<xacro:m/>', '</robot>'].join('\n');
    writeFileSync(join(scratch, 'loop.xacro'), text);
    expect(celltwin('inspect', 'loop.xacro')).toEqual({
      code: 2,
      out: '',
      err: ['error: loop.xacro:3: xacro macro "m" calls itself (m → m) with no xacro:if or xacro:unless to stop it: endless recursion'],
    });
  }, PROCESS);

  it('a xacro macro whose xacro:if would end its recursion only after 100,000 levels', () => {
    const text = [
      '<robot name="r" xmlns:xacro="http://ros.org/wiki/xacro">',
      '<link name="a"/>',
      '<xacro:macro name="m" params="n"><xacro:if value="${n}"><xacro:m n="${n-1}"/></xacro:if></xacro:macro>',
      '<xacro:m n="100000"/>',
      '</robot>',
    ].join('\n');
    writeFileSync(join(scratch, 'countdown.xacro'), text);
    expect(celltwin('inspect', 'countdown.xacro')).toEqual({ code: 2, out: '', err: ['error: countdown.xacro: xacro macros recurse too deeply (thousands of levels); refused'] });
  }, PROCESS);

  it('a cell nested 100,000 deep, and a damaged zip', () => {
    writeFileSync(join(scratch, 'deep.cell.json'), `{"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(celltwin('validate', 'deep.cell.json')).toEqual({ code: 2, out: '', err: [`error: deep.cell.json: name${'[0]'.repeat(31)}: nested more than 32 levels deep; refused`] });
    const zip = checkoutZip();
    zip.fill(0xff, entryData(zip, 'checkout/package.xml'), entryData(zip, 'checkout/package.xml') + 8);
    writeFileSync(join(scratch, 'pkg.zip'), zip);
    const r = celltwin('inspect', 'pkg.zip');
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^error: pkg\.zip: "checkout\/package\.xml" cannot be decompressed: /);
  }, PROCESS);

  it('a move speed override whose square underflows', () => {
    const r = celltwin('plan', join(REPO_ROOT, 'urdf/ur5e.urdf'), '--from', '0,0,0,0,0,0', '--to', '1,0,0,0,0,0', '--speed', '1e-200');
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`error: ${join(REPO_ROOT, 'urdf/ur5e.urdf')}: --speed must be at least 0.001 (0.1 %), got "1e-200"`]);
  }, PROCESS);
});

describe('validate refuses what run refuses', () => {
  it('a cell whose embedded robot URDF names a missing link: both exit 2, validate at the item', async () => {
    const { main } = await import('../../src/cli/main');
    const cell = JSON.parse(readFileSync(join(REPO_ROOT, 'assets/cells/default.cell.json'), 'utf8')) as { items: Record<string, unknown>[] };
    const urdf = '<robot name="bad">\n<link name="a"/>\n<joint name="j" type="fixed"><parent link="a"/><child link="missing"/></joint>\n</robot>';
    cell.items.push({ id: 'imported', name: 'Imported', type: 'robot', pose: { xyz: [3, 3, 0], rpy: [0, 0, 0] }, source: { type: 'embedded', fileName: 'bad.urdf', urdf }, tool: null });
    writeFileSync(join(scratch, 'embedded.cell.json'), JSON.stringify(cell));
    const run = async (...argv: string[]) => {
      const err: string[] = [];
      const code = await main(argv, { out: () => undefined, err: (t) => err.push(t), cwd: scratch });
      return { code, err };
    };
    const index = cell.items.length - 1;
    expect(await run('validate', 'embedded.cell.json')).toEqual({
      code: 2,
      err: [`error: embedded.cell.json: items[${index}].source.urdf: the embedded robot does not read: bad.urdf:3: joint "j": child link "missing" does not exist`],
    });
    expect(await run('run', 'embedded.cell.json', '--until', '0.1')).toEqual({ code: 2, err: ['error: bad.urdf:3: joint "j": child link "missing" does not exist'] });
  }, PROCESS);
});

describe('xacro recursion that ends is still expanded', () => {
  it('a macro counting down from 40 under xacro:if makes its 41 links and 40 joints', async () => {
    const { parseXacro } = await import('../../src/io/urdf/xacro');
    const text = [
      '<robot name="chain" xmlns:xacro="http://ros.org/wiki/xacro">',
      '<link name="l0"/>',
      '<xacro:macro name="m" params="n">',
      '  <xacro:if value="${n}">',
      '    <link name="l${n}"/>',
      '    <joint name="j${n}" type="fixed"><parent link="l${n-1}"/><child link="l${n}"/></joint>',
      '    <xacro:m n="${n-1}"/>',
      '  </xacro:if>',
      '</xacro:macro>',
      '<xacro:m n="40"/>',
      '</robot>',
    ].join('\n');
    const { robot } = await parseXacro(text, 'chain.xacro', { readFile: () => Promise.reject(new Error('no includes')), domParser: DOMParser });
    expect(robot.links).toHaveLength(41);
    expect(robot.joints).toHaveLength(40);
    expect(robot.joints[0]!.name).toBe('j1');
  });
});

describe('run options past the stated limits', () => {
  it('refuses --until 1e300 (a run that would never end) with exit 2, naming the option', async () => {
    const { main } = await import('../../src/cli/main');
    const err: string[] = [];
    const code = await main(['run', 'assets/cells/default.cell.json', '--until', '1e300'], { out: () => undefined, err: (t) => err.push(t), cwd: REPO_ROOT });
    expect({ code, err }).toEqual({ code: 2, err: ['error: --until: expected seconds from 0 to 604800 (a week), got "1e300"'] });
  });
});
