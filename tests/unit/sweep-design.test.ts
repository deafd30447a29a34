/**
 * Sweep files (issue 15 item 1): located problems, JSON Pointers into the cell, the full
 * factorial and the Latin hypercube, and the results file read back for resuming.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPointer, pointerTokens, setPointer } from '../../src/experiments/json-pointer';
import { parseCsv, readRunRows, resultsCsv, runRow, summarize } from '../../src/experiments/results';
import { readSweep } from '../../src/experiments/sweep-schema';
import { designVariants, latinHypercube, rangeLevels, sweepRuns, variantCell, SweepError } from '../../src/experiments/variants';
import { readCell } from '../../src/model/validate';
import { Rng } from '../../src/sim/rng';
import { main } from '../../src/cli/main';
import { runTask } from '../../src/cli/pool/run-task';
import { kpiFieldNames, unknownFields } from '../../src/experiments/kpi-fields';
import { REPO_ROOT } from './corpus-helpers';

const base = (() => {
  const r = readCell(readFileSync(join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json'), 'utf8'));
  if (!r.ok) throw new Error('fixture');
  return r.cell;
})();
const sweepOf = (extra: Record<string, unknown>) => {
  const r = readSweep(JSON.stringify({ base: 'x.cell.json', duration: 10, factors: [{ path: '/items/infeed/speed', values: [0.2, 0.3] }], ...extra }));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sweep;
};

describe('a sweep file with mistakes', () => {
  it('names the place of each problem in the file', () => {
    const r = readSweep(JSON.stringify({ base: 'a.cell.json', duration: -1, factors: [{ path: 'items/0/speed', values: [1] }, { path: '/x', range: { from: 0, to: 1, steps: 1 } }], extra: 1 }));
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toContain('duration: Too small: expected number to be >0');
    expect(problems).toContain('factors[0].path: expected a JSON Pointer starting with "/"');
    expect(problems).toContain('factors[1].range.steps: expected a whole number ≥ 2');
    expect(problems).toContain(': unknown field "extra"');
  });

  it('gives the line of a JSON syntax error', () => {
    const r = readSweep('{\n  "base": "a.cell.json",\n  "duration": 10,\n  "factors": [}\n');
    expect(r.ok ? null : r.problems[0]).toMatchObject({ line: 4 });
  });

  it('asks for values or a range, not both', () => {
    const r = readSweep(JSON.stringify({ base: 'a', duration: 1, factors: [{ path: '/a', values: [1], range: { from: 0, to: 1 } }] }));
    expect(r.ok ? '' : r.problems[0]!.message).toBe('give either "values" or "range", not both or neither');
  });
});

describe('JSON Pointers into a cell', () => {
  it('unescape ~1 and ~0 and pick array elements by position or by id', () => {
    expect(pointerTokens('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(getPointer(base, '/items/2/id')).toBe('infeed');
    expect(getPointer(base, '/items/infeed/speed')).toBe(0.3);
    const doc = structuredClone(base);
    setPointer(doc, '/items/infeed/source/jitter', 0.5);
    expect(getPointer(doc, '/items/2/source/jitter')).toBe(0.5);
  });

  it('say which step failed and what was there', () => {
    expect(() => getPointer(base, '/items/belt/speed')).toThrow(/"belt" is not in \/items \(an array of 4 \(ids: robot-1, pedestal, infeed, outfeed\)\)/);
    expect(() => getPointer(base, '/nothing/here')).toThrow(/no field "nothing" at \//);
  });

  it('turn a factor that does not fit the cell into a message naming the factor', () => {
    const sweep = sweepOf({ factors: [{ path: '/items/infeed/speed', values: ['fast'] }] });
    const [v] = designVariants(sweep);
    expect(() => variantCell(base, sweep, v!)).toThrow(SweepError);
    expect(() => variantCell(base, sweep, v!)).toThrow(/variant 1 \(\/items\/infeed\/speed = "fast"\) is not a valid cell: items\[2\]\.speed: expected number/);
  });
});

describe('the full factorial', () => {
  it('combines every level, the first factor varying slowest, with evenly spaced range levels', () => {
    expect(rangeLevels(3, 5, 3)).toEqual([3, 4, 5]);
    const sweep = sweepOf({
      factors: [
        { name: 'a', path: '/items/infeed/speed', values: [0.2, 0.3] },
        { name: 'b', path: '/items/infeed/source/interval', range: { from: 3, to: 5, steps: 3 } },
      ],
      replications: 2,
      seed: 10,
    });
    const variants = designVariants(sweep);
    expect(variants.map((v) => [v.values['a'], v.values['b']])).toEqual([[0.2, 3], [0.2, 4], [0.2, 5], [0.3, 3], [0.3, 4], [0.3, 5]]);
    expect(new Set(variants.map((v) => v.id)).size).toBe(6);
    const runs = sweepRuns(sweep, variants);
    expect(runs).toHaveLength(12);
    expect(runs.slice(0, 2).map((r) => r.key)).toEqual([`${variants[0]!.id}-s10`, `${variants[0]!.id}-s11`]);
    expect(variantCell(base, sweep, variants[5]!).items.find((i) => i.id === 'infeed')).toMatchObject({ speed: 0.3, source: { interval: 5 } });
  });

  it('needs the number of levels of a range', () => {
    expect(() => designVariants(sweepOf({ factors: [{ path: '/items/infeed/speed', range: { from: 0.1, to: 0.3 } }] }))).toThrow(/factors\[0\]\.range\.steps|a full factorial needs/);
  });
});

describe('the Latin hypercube', () => {
  it('puts exactly one of n points in each of the n strata of every dimension', () => {
    const n = 7;
    const points = latinHypercube(n, 3, new Rng(5));
    for (let d = 0; d < 3; d++) {
      const strata = points.map((p) => Math.floor(p[d]! * n)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it('samples ranges continuously and lists by stratum, the same for the same seed', () => {
    const sweep = sweepOf({
      design: { type: 'latin-hypercube', samples: 4 },
      factors: [
        { name: 'speed', path: '/items/infeed/speed', range: { from: 0.2, to: 0.4 } },
        { name: 'model', path: '/items/robot-1/source/id', values: ['ur5e', 'ur10e'] },
      ],
    });
    const a = designVariants(sweep);
    expect(designVariants(sweep)).toEqual(a);
    const speeds = a.map((v) => v.values['speed'] as number).sort((x, y) => x - y);
    speeds.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(0.2 + 0.05 * i);
      expect(s).toBeLessThan(0.2 + 0.05 * (i + 1));
    });
    expect(a.filter((v) => v.values['model'] === 'ur5e')).toHaveLength(2);
  });
});

describe('the results file', () => {
  const sweep = sweepOf({ replications: 2 });
  const runs = sweepRuns(sweep, designVariants(sweep));
  const rows = runs.map((r, i) => runRow(r, { throughputUph: 900 + i * 10, cellCycleTime: i === 3 ? null : 4 - i * 0.01 }));

  it('summarizes each variant with its mean and the t-based half-width', () => {
    const s = summarize(rows);
    expect(s).toHaveLength(2);
    expect(s[0]!.mean['throughputUph']).toBe(905);
    // Two seeds 10 apart: sd = √50, t(0.975, 1) = tan(0.475π).
    expect(s[0]!.halfWidth['throughputUph']).toBeCloseTo((Math.tan(0.475 * Math.PI) * Math.sqrt(50)) / Math.sqrt(2), 5);
    expect(s[1]!.halfWidth['cellCycleTime']).toBeNull();
  });

  it('reads back the runs it wrote, to resume from, whatever order they finished in', () => {
    const csv = resultsCsv([...rows].reverse(), ['/items/infeed/speed']);
    expect(csv).toBe(resultsCsv(rows, ['/items/infeed/speed']));
    const table = parseCsv(csv);
    expect(table[0]!.slice(0, 6)).toEqual(['kind', 'variant', 'variant_id', 'seed', 'key', '/items/infeed/speed']);
    expect(table.filter((r) => r[0] === 'run')).toHaveLength(4);
    expect(table.filter((r) => r[0] === 'summary')).toHaveLength(2);
    const back = readRunRows(csv, 'csv', runs);
    expect(back).toEqual(rows);
  });
});

describe('the figures a sweep collects', () => {
  it('are named before any run: the names a run of the cell really gives', async () => {
    const run = await runTask({ cell: base, file: 'fixture', seed: 1, until: 5, warmupCycles: 1 });
    expect(Object.keys(run.kpis)).toEqual(kpiFieldNames(base));
    expect(unknownFields(['robot.*', 'thruput', 'throughputUph'], kpiFieldNames(base))).toEqual([{ index: 1, name: 'thruput' }]);
  });

  it('refuse a figure no run gives, naming its place in the sweep file', async () => {
    const err: string[] = [];
    const file = join(REPO_ROOT, 'tests/fixtures/small.sweep.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'celltwin-sweep-kpis-'));
    try {
      writeFileSync(join(dir, 'bad.sweep.json'), JSON.stringify({ ...spec, base: join(REPO_ROOT, 'tests/fixtures', spec.base), kpis: ['throughputUph', 'thruput'] }));
      const code = await main(['sweep', join(dir, 'bad.sweep.json'), '--out', join(dir, 'out.csv')], { out: () => undefined, err: (t) => err.push(t), cwd: REPO_ROOT });
      expect(code).toBe(2);
      expect(err.join('\n')).toMatch(/bad\.sweep\.json: kpis\[1\]: no figure "thruput" in a run of this cell \(figures: cellCycleTime, throughputUph/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
