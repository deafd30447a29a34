/**
 * Issue 13: one test per class of input that used to crash, hang, blow up memory, go unlocated or
 * be accepted as nonsense — cell files and share links. (Robot files: input-limits-robots.test.ts.)
 */
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, MAX_SHARE_LINK_CHARS } from '../../src/io/share-link';
import { emptyCell } from '../../src/model/cell';
import { MAX_CELL_CHARS, MAX_ROBOTS } from '../../src/model/input-limits';
import { locateJsonError } from '../../src/model/json-location';
import { scaleLimits, jointMotionLimits } from '../../src/motion/limits';
import { formatProblem, readCell } from '../../src/model/validate';

/** The problems of a cell text as the CLI prints them (without the file). */
function problems(text: string): string[] {
  const result = readCell(text);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const cellWith = (change: (cell: Record<string, unknown>) => void): string => {
  const cell = emptyCell() as unknown as Record<string, unknown>;
  change(cell);
  return JSON.stringify(cell);
};

const robot = (i: number) => ({
  id: `r${i}`,
  name: `Robot ${i}`,
  type: 'robot',
  pose: { xyz: [i % 40, Math.floor(i / 40), 0], rpy: [0, 0, 0] },
  source: { type: 'bundled', id: 'ur5e' },
  tool: null,
});

/** The harness's limit for a test that builds a large input on a slow shared machine (not a speed check). */
const LARGE = 60_000;

const box = (id: string) => ({ id, shape: { type: 'box', size: [0.1, 0.1, 0.1] }, mass: 1, pose: { xyz: [0, 0, 0.05], rpy: [0, 0, 0] } });

describe('internal faults become located refusals', () => {
  it('refuses a cell nested 100,000 levels deep at the path where it passes 32 levels', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const found = problems(cellWith((c) => (c['name'] = 'X')).replace('"X"', deep));
    expect(found).toEqual([`name${'[0]'.repeat(31)}: nested more than 32 levels deep; refused`]);
  }, LARGE);

  it('finds the line and column of a syntax error after 200,000 open brackets (the locator does not recurse)', () => {
    const text = `{\n"items":\n${'['.repeat(200_000)}x`;
    expect(locateJsonError(text)).toEqual({ offset: text.length - 1, line: 3, column: 200_001, message: 'expected a value, found "x"' });
    expect(readCell(text)).toMatchObject({ ok: false, problems: [{ line: 3 }] });
  }, LARGE);

  it('refuses 300,000 invalid program steps in one problem at the list, instead of overflowing the stack', () => {
    const steps = Array.from({ length: 300_000 }, () => ({ type: 'wait' }));
    const text = cellWith((c) => {
      c['items'] = [robot(0)];
      c['programs'] = [{ id: 'p', robot: 'r0', steps }];
    });
    expect(problems(text)).toEqual(['programs[0].steps: 300,000 entries, more than the limit of 10,000']);
  }, LARGE);

  it('refuses 10,000 program steps that are each wrong in six ways, listing all 60,000 problems', () => {
    const bad = { type: 'moveL', target: 1, speed: 'x', blend: 'x', approach: 'x', tcpSpeed: 'x', tcpAcceleration: 'x' };
    const text = cellWith((c) => {
      c['items'] = [robot(0)];
      c['programs'] = [{ id: 'p', robot: 'r0', steps: Array.from({ length: 10_000 }, () => bad) }];
    });
    const found = problems(text);
    expect(found).toHaveLength(60_000);
    expect(found[59_999]).toBe('programs[0].steps[9999].tcpAcceleration: expected a number');
  }, LARGE);

  it('refuses a move speed so small that its square underflows, in the file and in the motion layer', () => {
    const text = cellWith((c) => {
      c['items'] = [robot(0)];
      c['programs'] = [{ id: 'p', robot: 'r0', steps: [{ type: 'moveJoints', q: [0, 0, 0, 0, 0, 0], speed: 1e-200 }] }];
    });
    expect(problems(text)).toEqual(['programs[0].steps[0].speed: expected at least 0.001 (0.1 %): slower moves outlast any run']);
    const limits = jointMotionLimits({ names: ['j'], velocity: [1], acceleration: [1] });
    expect((1e-200) ** 2).toBe(0);
    expect(() => scaleLimits(limits, { speed: 1e-200 })).toThrow('speed must be at least 0.001 (0.1 %), got 1e-200');
    expect(scaleLimits(limits, { speed: 0.001 }).acceleration[0]).toBeCloseTo(1e-6, 15);
  });
});

describe('inputs that never finished are refused by the schema, naming the path', () => {
  it('refuses simulation.dt of 1e-9 s (60 billion steps for a minute) and of 1e300 s (no step at all)', () => {
    for (const dt of [1e-9, 1e300]) {
      const found = problems(cellWith((c) => (c['simulation'] = { dt, seed: 1, duration: 60 })));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^simulation\.dt: expected a step from 0\.0001 s to 0\.1 s/);
    }
    expect(problems(cellWith((c) => (c['simulation'] = { dt: 0.001, seed: 1, duration: 60 })))).toEqual([]);
  });

  it(`refuses 1,000 robots (the limit is ${MAX_ROBOTS}) and accepts ${MAX_ROBOTS}`, () => {
    expect(problems(cellWith((c) => (c['items'] = Array.from({ length: 1000 }, (_, i) => robot(i)))))).toEqual([
      `items: 1000 robots, more than the limit of ${MAX_ROBOTS} robots in one cell`,
    ]);
    expect(problems(cellWith((c) => (c['items'] = Array.from({ length: MAX_ROBOTS }, (_, i) => robot(i)))))).toEqual([]);
  });

  it('refuses a cell file over 64 MB before parsing it', () => {
    const text = `{"name": "${' '.repeat(MAX_CELL_CHARS)}"}`;
    expect(problems(text)).toEqual(['the file holds 64.0 MB of text, more than the limit of 64.0 MB for a cell; refused']);
  }, LARGE);
});

describe('nonsense that used to be accepted', () => {
  it('refuses duplicate part ids in validate, as run does', () => {
    const found = problems(cellWith((c) => (c['parts'] = [box('a'), box('a'), box('floor')])));
    expect(found).toEqual(['parts[1].id: duplicate id "a" (also parts[0])', 'parts[2].id: duplicate id "floor" (also the floor)']);
  });

  it('refuses an item and a part with the same id', () => {
    const found = problems(cellWith((c) => {
      c['items'] = [robot(0)];
      c['parts'] = [box('r0')];
    }));
    expect(found).toEqual(['parts[0].id: duplicate id "r0" (also items[0])']);
  });

  it('refuses a v0 file whose objects is not a list, instead of migrating it to an empty cell', () => {
    expect(problems(JSON.stringify({ version: 0, objects: { a: 1 } }))).toEqual(['objects: expected a list of objects, got an object']);
    expect(problems(JSON.stringify({ version: 0, objects: 5 }))).toEqual(['objects: expected a list of objects, got 5']);
  });

  it('refuses an item at x = 1e308 (the footprint was Infinity), and coordinates past ±1000 m', () => {
    const table = (x: number) => ({ id: 't', name: 'T', type: 'table', size: [1, 1, 1], pose: { xyz: [x, 0, 0], rpy: [0, 0, 0] } });
    expect(problems(cellWith((c) => (c['items'] = [table(1e308)])))).toEqual(['items[0].pose.xyz: expected 3 numbers, each within ±1000']);
    expect(problems(cellWith((c) => (c['items'] = [table(1000.5)])))).toEqual(['items[0].pose.xyz: expected 3 numbers, each within ±1000']);
    expect(problems(cellWith((c) => (c['items'] = [table(999)])))).toEqual([]);
  });
});

describe('messages that had no location', () => {
  it('names an unknown top-level field as its own path', () => {
    expect(readCell(cellWith((c) => (c['colour'] = 'red')))).toEqual({ ok: false, problems: [{ path: 'colour', message: 'unknown field "colour"' }] });
  });

  it('names schemaVersion when it is missing or not a number', () => {
    expect(readCell('{"name": "x"}')).toEqual({ ok: false, problems: [{ path: 'schemaVersion', message: 'expected an integer from 0 to 1, got none (the field is missing)' }] });
  });
});

describe('what the fuzz tests found', () => {
  it('names a v0 robot whose model is not a string at its source id, not as "[object Object]"', () => {
    const v0 = { version: 0, objects: [{ id: 'r1', kind: 'robot', model: {}, position: [0, 0, 0] }] };
    expect(problems(JSON.stringify(v0))).toEqual(['items[0].source.id: expected a string']);
  });
});

describe('a robot joint value of 1e300 (run never ended)', () => {
  it('is refused in the robot item and in a step, within ±1000 rad or m', () => {
    const found = problems(cellWith((c) => {
      c['items'] = [{ ...robot(0), joints: [0, 0, 0, 0, 1e300, 0] }];
      c['programs'] = [{ id: 'p', robot: 'r0', steps: [{ type: 'moveJ', joints: [0, 0, 1e300, 0, 0, 0] }] }];
    }));
    expect(found).toEqual([
      'items[0].joints[4]: expected a joint value within ±1000 (rad or m)',
      'programs[0].steps[0].joints[2]: expected a joint value within ±1000 (rad or m)',
    ]);
  });
});

describe('share links are inflated in bounded memory', () => {
  it('refuses a 50 KB link that inflates to 50 MB, saying why', () => {
    const data = zlibSync(new Uint8Array(50 * 1024 * 1024).fill(0x20), { level: 9 });
    const link = `cell=${Buffer.from(data).toString('base64url')}`;
    expect(link.length).toBeLessThan(100_000);
    const result = decodeShareFragment(link);
    expect(result).toMatchObject({ kind: 'error', problems: [] });
    if (result.kind === 'error') expect(result.message).toMatch(/its cell expands past 32 MB, the limit for a link/);
  }, LARGE);

  it('refuses a link longer than the stated limit before decoding it', () => {
    const result = decodeShareFragment(`cell=${'A'.repeat(MAX_SHARE_LINK_CHARS + 1)}`);
    expect(result.kind === 'error' && result.message).toMatch(/more than the limit of 2,000,000/);
  });

  it('still refuses a link whose checksum does not match (the streaming inflater does not check it)', () => {
    const data = zlibSync(new TextEncoder().encode(JSON.stringify(emptyCell())));
    data[data.length - 1]! ^= 1;
    const result = decodeShareFragment(`cell=${Buffer.from(data).toString('base64url')}`);
    expect(result.kind === 'error' && result.message).toMatch(/fails its checksum/);
  });
});
