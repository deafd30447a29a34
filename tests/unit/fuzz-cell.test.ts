/**
 * Fuzzing the cell reader (schema, migrations, validation, JSON error locator): mutated real cells
 * either read as a cell that reads again the same way, or are refused with located problems —
 * never an exception, never a message without a place.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The harness's limit for one property of many cases on a slow shared machine (not a speed check). */
const LONG = 120_000;
import { readCell } from '../../src/model/validate';
import { REPO_ROOT } from './corpus-helpers';
import { expectLocatedProblems, fuzzParams, jsonMutation, mutateJson } from './support/fuzz';

const SEEDS = [
  'assets/cells/default.cell.json',
  'tests/fixtures/sim-program-machine-tending.cell.json',
  'tests/fixtures/sim-conveyor.cell.json',
  'tests/fixtures/v0-prototype.cell.json',
].map((f) => JSON.parse(readFileSync(`${REPO_ROOT}/${f}`, 'utf8')) as unknown);

/** readCell's contract on any text. */
function checkContract(text: string): void {
  const result = readCell(text);
  if (result.ok) {
    // What was accepted reads back as a cell (nothing half-valid got through).
    expect(readCell(JSON.stringify(result.cell)).ok).toBe(true);
    expect(JSON.stringify(result.cell)).not.toMatch(/Infinity|NaN/);
  } else expectLocatedProblems(result.problems);
}

describe('fuzzing the cell reader', () => {
  it('reads every seed cell', () => {
    for (const seed of SEEDS) expect(readCell(JSON.stringify(seed)).ok).toBe(true);
  });

  it('accepts or refuses with located problems any cell changed in up to three places', () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (s, mutations) => {
        const doc = mutations.reduce((d, m) => mutateJson(d, m), SEEDS[s]);
        checkContract(JSON.stringify(doc));
      }),
      fuzzParams(600),
    );
  }, LONG);

  it('locates the syntax error of any cell text cut short or with characters spliced in', () => {
    const text = JSON.stringify(SEEDS[0], null, 2);
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 4, unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'x', '\n', ' ', '1', '-', 'e') }), fc.boolean(), (at, insert, cut) => {
        const changed = cut ? text.slice(0, at) : text.slice(0, at) + insert + text.slice(at);
        const result = readCell(changed);
        if (!result.ok) {
          expectLocatedProblems(result.problems);
          const syntax = result.problems.find((p) => p.message.startsWith('not valid JSON'));
          if (syntax) expect(syntax.line).toBeGreaterThanOrEqual(1);
        }
      }),
      fuzzParams(600),
    );
  }, LONG);

  it('refuses deep nesting and long lists at their path, in one problem', () => {
    fc.assert(
      fc.property(fc.integer({ min: 33, max: 50_000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
        const close = open === '[' ? ']' : '}';
        const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
        const text = JSON.stringify(SEEDS[0]).replace('"workersPerShift":1', `"workersPerShift":${deep}`);
        const result = readCell(text);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.problems).toHaveLength(1);
          expect(result.problems[0]!.path.startsWith('workersPerShift')).toBe(true);
          expect(result.problems[0]!.message).toBe('nested more than 32 levels deep; refused');
        }
      }),
      fuzzParams(20),
    );
  }, LONG);
});
