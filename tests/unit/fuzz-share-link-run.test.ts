/**
 * Fuzzing the share-link decoder and `celltwin run`: a damaged or hostile link opens a cell or
 * says what is wrong (never throws); a mutated cell file runs (exit 0) or is refused with exit 2
 * and `error: FILE[:LINE]: what` lines — never exit 1, the internal fault.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeShareFragment, encodeShareFragment } from '../../src/io/share-link';
import { readCell } from '../../src/model/validate';
import { REPO_ROOT } from './corpus-helpers';
import { expectLocatedProblems, fuzzParams, jsonMutation, jsonPaths, mutateJson, nastyNumber, type JsonMutation } from './support/fuzz';

/** The value at `path` in `doc`. */
const valueAt = (doc: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc);

/** The harness's limit for one property of many cases on a slow shared machine (not a speed check). */
const LONG = 180_000;

const cellText = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');
const DEFAULT = cellText('assets/cells/default.cell.json');
const read = readCell(DEFAULT);
if (!read.ok) throw new Error('the default cell must read');
const LINK = encodeShareFragment(read.cell);

/** decodeShareFragment's contract. */
function checkLink(fragment: string): void {
  const result = decodeShareFragment(fragment);
  expect(['none', 'cell', 'error']).toContain(result.kind);
  if (result.kind === 'error') {
    expect(result.message).toMatch(/^This share link/);
    if (result.problems.length > 0) expectLocatedProblems(result.problems);
  }
}

const toBase64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

describe('fuzzing the share-link decoder', () => {
  it('opens the unchanged link', () => {
    expect(decodeShareFragment(LINK).kind).toBe('cell');
  });

  it('refuses, without throwing, a link with characters changed, dropped or cut off', () => {
    const payload = LINK.slice('cell='.length);
    const alphabet = fc.constantFrom(...'AZaz09-_+/=%#&'.split(''));
    fc.assert(
      fc.property(fc.nat(payload.length - 1), alphabet, fc.constantFrom('replace', 'drop', 'cut'), (at, c, how) => {
        const changed = how === 'replace' ? payload.slice(0, at) + c + payload.slice(at + 1) : how === 'drop' ? payload.slice(0, at) + payload.slice(at + 1) : payload.slice(0, at);
        checkLink(`#cell=${changed}`);
      }),
      fuzzParams(400),
    );
  }, LONG);

  it('opens or refuses with located problems a well-formed link to any mutated cell', () => {
    fc.assert(
      fc.property(fc.array(jsonMutation, { minLength: 1, maxLength: 2 }), (mutations) => {
        const doc = mutations.reduce((d, m) => mutateJson(d, m), JSON.parse(DEFAULT) as unknown);
        checkLink(`cell=${toBase64Url(zlibSync(new TextEncoder().encode(JSON.stringify(doc))))}`);
      }),
      fuzzParams(300),
    );
  }, LONG);

  it('refuses a link of random bytes, and one whose data inflates past 32 MB, in bounded memory', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkLink(`cell=${toBase64Url(bytes)}`)),
      fuzzParams(200),
    );
    // 40 MB of spaces compress to about 40 KB: a link far under its length limit.
    const bomb = `cell=${toBase64Url(zlibSync(new Uint8Array(40 * 1024 * 1024).fill(0x20), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(100_000);
    const result = decodeShareFragment(bomb);
    expect(result).toMatchObject({ kind: 'error' });
    if (result.kind === 'error') expect(result.message).toMatch(/expands past 32 MB/);
  }, LONG);
});

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-fuzz-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI in-process, capturing what it prints. */
async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err };
}

describe('fuzzing celltwin run', () => {
  const base = JSON.parse(cellText('tests/fixtures/sim-program-pick-place.cell.json')) as unknown;
  const numbers = jsonPaths(base).filter((path) => typeof valueAt(base, path) === 'number');
  /** Mostly a number changed (to an extreme, or anything in a wide range): the cell still reads, the engine meets it. */
  const change = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({ at: fc.nat(numbers.length - 1), value: fc.oneof(nastyNumber, fc.double({ min: -2000, max: 2000, noNaN: true })) })
        .map(({ at, value }) => ({ numberAt: numbers[at]!, value })),
    },
    { weight: 1, arbitrary: jsonMutation },
  );
  const apply = (doc: unknown, c: JsonMutation | { numberAt: (string | number)[]; value: number }): unknown => {
    if (!('numberAt' in c)) return mutateJson(doc, c);
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    let parent = copy;
    for (const k of c.numberAt.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    parent[c.numberAt[c.numberAt.length - 1]!] = c.value;
    return copy;
  };

  it('runs a mutated cell for half a second, or refuses it with exit 2 and located error lines', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const file = join(scratch, `case-${n++}.cell.json`);
        writeFileSync(file, JSON.stringify(mutations.reduce(apply, base)));
        const { code, out, err } = await celltwin('run', file, '--until', '0.5', '--json');
        if (code === 0) {
          expect(JSON.parse(out).simulatedSeconds).toBe(0.5);
          return;
        }
        expect({ code, err }).toMatchObject({ code: 2 });
        expect(err.length).toBeGreaterThan(0);
        // Each line names a file (the cell, or a robot file it uses), with a line number when known.
        for (const line of err) expect(line).toMatch(/^error: [^:\s]+(?::\d+)?: \S/);
      }),
      fuzzParams(40),
    );
  }, LONG);
});
