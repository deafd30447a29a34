/**
 * Shared pieces of the fuzz tests (tests/unit/fuzz-*.test.ts): run counts, the seed, JSON
 * mutations and the contract every reader must keep — a valid result, or a clean error naming
 * the file and the place in it; never an internal fault.
 *
 * Runs are seeded, so `npm test` checks the same few thousand cases every time; set
 * CELLTWIN_FUZZ_RUNS=N to run N cases per property (a new seed each time with CELLTWIN_FUZZ_SEED).
 * Each case is bounded by the size of its input (generators cap lengths and depths), not by a clock.
 */
import fc from 'fast-check';
import type { Problem } from '../../../src/model/validate';

/** Cases for one property: CELLTWIN_FUZZ_RUNS when set, else `base`. */
export function fuzzRuns(base: number): number {
  const env = Number(process.env.CELLTWIN_FUZZ_RUNS);
  return Number.isInteger(env) && env > 0 ? env : base;
}

/** fast-check parameters: a fixed seed (or CELLTWIN_FUZZ_SEED) and the run count. */
export function fuzzParams(base: number): { seed: number; numRuns: number } {
  const seed = Number(process.env.CELLTWIN_FUZZ_SEED);
  return { seed: Number.isInteger(seed) ? seed : 20261207, numRuns: fuzzRuns(base) };
}

type Json = unknown;
type Key = string | number;

/** Every path to a value inside `doc` (the root's is []), found without recursion. */
export function jsonPaths(doc: Json): Key[][] {
  const out: Key[][] = [];
  const stack: { v: Json; path: Key[] }[] = [{ v: doc, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: Json; path: Key[] };
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
  }
  return out;
}

/** Numbers that break naive code: huge, tiny, negative zero, just off integers. */
export const nastyNumber = fc.constantFrom(0, -0, 1e-300, 5e-324, 1e-9, 1e300, 1.7976931348623157e308, -1e308, -1, 0.5, 2 ** 53 + 2, 1e21, 1 - 1e-16);

/** A JSON value of bounded size: scalars, nasty numbers, small nested lists and objects. */
export const smallJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3, depthSize: 'small' }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'robot', 'world', 'floor', 'box', '__proto__', 'constructor', 'moveJ', 'bundled', 'ur5e') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((n) => '['.repeat(n) + ']'.repeat(n)).map((t) => JSON.parse(t) as Json) },
);

/** One change to a JSON document. */
export type JsonMutation =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'grow'; at: number; copies: number };

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: smallJson }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('grow' as const), at: fc.nat(), copies: fc.integer({ min: 2, max: 600 }) }) },
);

/** Applies `m` to a deep copy of `doc`: `at` picks a path among all of the document's paths. */
export function mutateJson(doc: Json, m: JsonMutation): Json {
  const copy = structuredClone(doc) as Json;
  const paths = jsonPaths(copy);
  const path = paths[m.at % paths.length] as Key[];
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  let parent = copy as Record<Key, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<Key, Json>;
  const key = path[path.length - 1] as Key;
  const value = parent[key];
  if (m.kind === 'set') parent[key] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(value));
    else parent[key] = [value, structuredClone(value)];
  } else {
    // Many copies of one entry: the "huge number of (invalid) entries" class.
    const copies = Array.from({ length: m.copies }, () => value);
    if (Array.isArray(parent)) parent.splice(key as number, 1, ...copies);
    else parent[key] = copies;
  }
  return copy;
}

/** Problems that concern the whole document and so need no path or line. */
const WHOLE_DOCUMENT = /^(?:the file is empty|expected a JSON object|the file holds .* of text|the document holds more than|the document is too large)/;

/**
 * The contract of a cell reader's problems: each has a message in plain words and says where —
 * a path in the document, a line, or that it concerns the whole document.
 */
export function expectLocatedProblems(problems: readonly Problem[]): void {
  if (problems.length === 0) throw new Error('a refused cell must say why');
  for (const p of problems) {
    if (typeof p.message !== 'string' || p.message.trim() === '') throw new Error(`empty message: ${JSON.stringify(p)}`);
    if (/Maximum call stack|undefined|\[object Object\]|NaN/.test(p.message)) throw new Error(`internal wording leaked: ${JSON.stringify(p)}`);
    if (p.path === '' && p.line === undefined && !WHOLE_DOCUMENT.test(p.message)) throw new Error(`problem without a location: ${JSON.stringify(p)}`);
  }
}
