/**
 * Fuzzing the robot readers: URDF text, xacro and zips of a package. Whatever the bytes, the
 * reader returns a robot or throws a UrdfError that names the file (and is one line) — never a
 * RangeError, a TypeError or an fflate error without the entry's name.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { UrdfError } from '../../src/io/urdf/errors';
import { loadRobotFile, loadRobotZip } from '../../src/io/urdf/load-robot';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { memoryRobotFiles } from '../../src/io/urdf/robot-files';
import { REPO_ROOT } from './corpus-helpers';
import { fuzzParams } from './support/fuzz';

/** The harness's limit for one property of many cases on a slow shared machine (not a speed check). */
const LONG = 120_000;

const GRIPPER = readFileSync(`${REPO_ROOT}/urdf/vacuum_gripper.urdf`, 'utf8');

/** A UrdfError naming `file`, in one line; anything else fails the property. */
function expectCleanError(e: unknown, file: string): void {
  if (!(e instanceof UrdfError)) throw e;
  expect(e.file.startsWith(file)).toBe(true);
  expect(e.message).not.toMatch(/\n|Maximum call stack|\bundefined\b(?! entity)|\[object /);
  expect(e.message.length).toBeGreaterThan(0);
}

/** Pieces of URDF that exercise the reader when spliced anywhere into a file. */
const URDF_TOKENS = [
  '<link name="x"/>',
  '<joint name="j" type="revolute"><parent link="base_link"/><child link="x"/><axis xyz="0 0 0"/></joint>',
  '<joint name="k" type="continuous"><parent link="x"/><child link="x"/></joint>',
  '<origin xyz="1e309 nan -0" rpy="a b c"/>',
  '<limit lower="1" upper="-1" effort="-5" velocity="0"/>',
  '<mimic joint="k"/>',
  '<!DOCTYPE r [<!ENTITY a "aaaa">]>',
  '<xacro:include filename="x.xacro"/>',
  '<robot name="inner">',
  '</robot>',
  '</link>',
  '<',
  '"',
  '&amp;',
  '&bogus;',
  '<![CDATA[ ]]>',
];

/** Text mutations: delete a range, splice in a token, or repeat a range. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...URDF_TOKENS) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }), times: fc.integer({ min: 2, max: 50 }) }),
);

/** One text mutation (fields beyond `kind` and `at` depend on the kind). */
interface TextMutation {
  kind: 'delete' | 'insert' | 'repeat';
  at: number;
  length?: number;
  token?: string;
  times?: number;
}

function mutateText(text: string, m: TextMutation): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + (m.length ?? 1));
  if (m.kind === 'insert') return text.slice(0, at) + (m.token ?? '') + text.slice(at);
  const piece = text.slice(at, at + (m.length ?? 1));
  return text.slice(0, at) + piece.repeat(m.times ?? 2) + text.slice(at + piece.length);
}

/** A random link tree (or not a tree): link i's parent is any link, itself included. */
const randomTree = fc.array(fc.record({ parent: fc.nat(), type: fc.constantFrom('fixed', 'revolute', 'continuous', 'prismatic', 'floating', 'planar', 'bogus') }), { maxLength: 40 });

function treeUrdf(joints: { parent: number; type: string }[]): string {
  const links = ['<link name="l0"/>'];
  const body = joints.map((j, i) => {
    links.push(`<link name="l${i + 1}"/>`);
    const limit = j.type === 'revolute' || j.type === 'prismatic' ? '<limit lower="-1" upper="1" effort="1" velocity="1"/>' : '';
    return `<joint name="j${i}" type="${j.type}"><parent link="l${j.parent % (joints.length + 1)}"/><child link="l${i + 1}"/><axis xyz="0 0 1"/>${limit}</joint>`;
  });
  return `<robot name="r">${links.join('')}${body.join('')}</robot>`;
}

describe('fuzzing the URDF reader', () => {
  it('reads or cleanly refuses a real URDF changed in up to three places', () => {
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutations.reduce((t, m) => mutateText(t, m), GRIPPER);
        try {
          expect(parseUrdf(text, 'gripper.urdf').robot.links.length).toBeGreaterThan(0);
        } catch (e) {
          expectCleanError(e, 'gripper.urdf');
        }
      }),
      fuzzParams(500),
    );
  }, LONG);

  it('puts any link tree in order or names the joint that breaks it', () => {
    fc.assert(
      fc.property(randomTree, (joints) => {
        try {
          const { robot } = parseUrdf(treeUrdf(joints), 'tree.urdf');
          expect(robot.joints).toHaveLength(joints.length);
        } catch (e) {
          expectCleanError(e, 'tree.urdf');
        }
      }),
      fuzzParams(400),
    );
  }, LONG);

  it('orders 50,000 sibling joints (the tree code is linear; its time is in the bench)', () => {
    const n = 50_000;
    const parts = ['<robot name="siblings"><link name="base"/>'];
    for (let i = 0; i < n; i++) parts.push(`<link name="l${i}"/><joint name="j${i}" type="fixed"><parent link="base"/><child link="l${i}"/></joint>`);
    parts.push('</robot>');
    const { robot } = parseUrdf(parts.join(''), 'siblings.urdf');
    expect(robot.joints).toHaveLength(n);
    expect(robot.joints[n - 1]!.name).toBe(`j${n - 1}`);
  }, LONG);
});

const XACRO = `<?xml version="1.0"?>
<robot name="fuzz" xmlns:xacro="http://ros.org/wiki/xacro">
  <xacro:property name="len" value="0.3"/>
  <xacro:arg name="prefix" default="a_"/>
  <xacro:macro name="arm_link" params="name length">
    <link name="\${name}"><visual><geometry><box size="0.1 0.1 \${length}"/></geometry></visual></link>
  </xacro:macro>
  <xacro:include filename="$(find fuzz_pkg)/urdf/parts.xacro"/>
  <xacro:arm_link name="base" length="\${len}"/>
  <xacro:arm_link name="tip" length="\${len * 2}"/>
  <xacro:part/>
  <joint name="j1" type="revolute"><parent link="base"/><child link="tip"/><axis xyz="0 0 1"/>
    <limit lower="\${-pi}" upper="\${pi}" effort="10" velocity="1"/></joint>
</robot>
`;
const PARTS = `<?xml version="1.0"?>
<robot xmlns:xacro="http://ros.org/wiki/xacro">
  <xacro:macro name="part"><link name="extra"/><joint name="j2" type="fixed"><parent link="tip"/><child link="extra"/></joint></xacro:macro>
</robot>
`;
const PACKAGE_XML = '<?xml version="1.0"?><package format="2"><name>fuzz_pkg</name><version>1.0.0</version></package>';

const XACRO_TOKENS = [
  '<xacro:arm_link name="x" length="1"/>',
  '<xacro:macro name="loop"><xacro:loop/></xacro:macro><xacro:loop/>',
  '<xacro:macro name="a"><xacro:b/></xacro:macro><xacro:macro name="b"><xacro:a/></xacro:macro><xacro:a/>',
  '<xacro:if value="${len > 1}"><link name="c"/></xacro:if>',
  '<xacro:include filename="missing.xacro"/>',
  '<xacro:include filename="$(find nowhere)/x.xacro"/>',
  '${undefined_name}',
  '$(env HOME)',
  '<xacro:property name="len" value="${len}"/>',
  '<x>'.repeat(300) + '</x>'.repeat(300),
];

describe('fuzzing the xacro reader', () => {
  const files = (main: string) =>
    memoryRobotFiles(new Map([['/fuzz_pkg/urdf/robot.xacro', strToU8(main)], ['/fuzz_pkg/urdf/parts.xacro', strToU8(PARTS)], ['/fuzz_pkg/package.xml', strToU8(PACKAGE_XML)]]));

  it('expands the unchanged xacro', async () => {
    const loaded = await loadRobotFile('/fuzz_pkg/urdf/robot.xacro', files(XACRO), { domParser: DOMParser, displayName: 'robot.xacro' });
    expect(loaded.robot.joints.map((j) => j.name)).toEqual(['j1', 'j2']);
  });

  it('expands or cleanly refuses the xacro changed in up to two places', async () => {
    const mutation = fc.oneof(textMutation, fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...XACRO_TOKENS) }));
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const text = mutations.reduce((t, m) => mutateText(t, m), XACRO);
        try {
          await loadRobotFile('/fuzz_pkg/urdf/robot.xacro', files(text), { domParser: DOMParser, displayName: 'robot.xacro' });
        } catch (e) {
          if (e instanceof UrdfError && e.file.endsWith('.xacro')) expect(e.message).not.toMatch(/\n|\[object /);
          else expectCleanError(e, 'robot.xacro');
        }
      }),
      fuzzParams(150),
    );
  }, LONG);
});

/** A small package zip: package.xml, a URDF and a mesh reference. */
function packageZip(): Uint8Array {
  return zipSync(
    {
      'fuzz_pkg/package.xml': strToU8(PACKAGE_XML + ' '.repeat(200)),
      'fuzz_pkg/urdf/gripper.urdf': strToU8(GRIPPER.replace(/filename="[^"]*"/g, 'filename="package://fuzz_pkg/meshes/m.stl"')),
      'fuzz_pkg/meshes/m.stl': new Uint8Array(300).fill(7),
    },
    { level: 6 },
  );
}

describe('fuzzing the zip reader', () => {
  const zip = packageZip();

  it('loads the unchanged zip', async () => {
    const loaded = await loadRobotZip(zip, 'pkg.zip', { domParser: DOMParser });
    expect(loaded.path).toBe('/fuzz_pkg/urdf/gripper.urdf');
  });

  it('loads or refuses, naming the zip, a zip with bytes overwritten or cut short', async () => {
    const change = fc.record({
      at: fc.nat(),
      // Header fields are 16 and 32 bits: write values that are zero, small, or saturated.
      bytes: fc.array(fc.constantFrom(0, 1, 0x7f, 0xff), { minLength: 1, maxLength: 4 }),
      fromEnd: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }), async (changes, cut) => {
        const data = zip.slice(0, cut === undefined ? zip.length : 22 + (cut % zip.length));
        for (const c of changes) {
          // Most of the structure is in the last few hundred bytes (central directory, end record).
          const at = c.fromEnd ? data.length - 1 - (c.at % Math.min(data.length, 400)) : c.at % data.length;
          c.bytes.forEach((b, i) => {
            if (at + i < data.length) data[at + i] = b;
          });
        }
        try {
          await loadRobotZip(data, 'pkg.zip', { domParser: DOMParser });
        } catch (e) {
          expectCleanError(e, 'pkg.zip');
        }
      }),
      fuzzParams(600),
    );
  }, LONG);
});
