/**
 * The Experiment panel's form: a field picked in the inspector becomes a factor in display units,
 * the form becomes a sweep file in SI that the sweep schema accepts, and a sweep file read into
 * the form and planned on the cell in memory gives the command line's variants, keys and jobs —
 * and, run on a pool made of the command line's runTask, its results file byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { runTask } from '../../src/cli/pool/run-task';
import { planSweep } from '../../src/cli/sweep/plan';
import { resultsCsv, resultsJson } from '../../src/experiments/results';
import { runPlan, type SweepPool } from '../../src/experiments/run-plan';
import { readSweep } from '../../src/experiments/sweep-schema';
import { planSweepOn, resultsMeta } from '../../src/experiments/sweep-plan';
import { readCell } from '../../src/model/validate';
import { addFactor, draftFromSweep, draftToSweep, emptyDraft, factorFromField, parseList, updateFactor, variantCount } from '../../src/ui/experiment/draft';
import { itemPointer, unitForPointer } from '../../src/ui/experiment/field-pointer';
import type { Cell, RobotItem } from '../../src/model';
import { putOnMount } from '../../src/store/mount-commands';
import { REPO_ROOT } from './corpus-helpers';
import { runTaskPool } from './support/sweep-pool';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures', name), 'utf8');
const base = (() => {
  const r = readCell(fixture('sim-program-pick-place.cell.json'));
  if (!r.ok) throw new Error('fixture');
  return r.cell;
})();
const scratch = mkdtempSync(join(tmpdir(), 'celltwin-experiment-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a field picked to vary', () => {
  it('has a pointer that names its item by id, escaping / and ~', () => {
    expect(itemPointer('infeed', 'source', 'interval')).toBe('/items/infeed/source/interval');
    expect(itemPointer('a/b~c', 'pose', 'xyz', 0)).toBe('/items/a~1b~0c/pose/xyz/0');
  });

  it('becomes a factor from 80 % to 120 % of its value in the unit the field shows', () => {
    const f = factorFromField({ pointer: '/items/infeed/speed', label: 'Infeed · Belt speed', value: 0.25, unit: 'mm/s' });
    expect(f).toMatchObject({ mode: 'range', from: 200, to: 300, steps: 3, list: '200, 250, 300', unit: 'mm/s' });
  });

  it('is added once, and a second factor with the same label gets a number', () => {
    const f = factorFromField({ pointer: '/items/infeed/speed', label: 'Belt speed', value: 0.25, unit: 'mm/s' });
    const g = factorFromField({ pointer: '/items/outfeed/speed', label: 'Belt speed', value: 0.3, unit: 'mm/s' });
    const d = addFactor(addFactor(addFactor(emptyDraft(), f), f), g);
    expect(d.factors.map((x) => x.label)).toEqual(['Belt speed', 'Belt speed (2)']);
  });
});

describe('the form as a sweep file', () => {
  it('stores levels in SI: 250 mm/s is 0.25 m/s and 90° is π/2 rad', () => {
    let d = addFactor(emptyDraft(), factorFromField({ pointer: '/items/infeed/speed', label: 'speed', value: 0.25, unit: 'mm/s' }));
    d = addFactor(d, factorFromField({ pointer: itemPointer('robot-1', 'pose', 'rpy', 2), label: 'yaw', value: Math.PI / 2, unit: '°' }));
    d = updateFactor(d, d.factors[0]!.key, { mode: 'list', list: '250, 300' });
    d = updateFactor(d, d.factors[1]!.key, { mode: 'list', list: '0 90' });
    const r = draftToSweep(d, base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sweep.factors[0]!.values).toEqual([0.25, 0.3]);
    expect(r.sweep.factors[1]!.values![1]).toBeCloseTo(Math.PI / 2, 11);
    expect(variantCount(d)).toBe(4);
  });

  it('asks for a Latin hypercube of N samples with continuous ranges in SI', () => {
    let d = addFactor(emptyDraft(), factorFromField({ pointer: '/items/infeed/speed', label: 'speed', value: 0.25, unit: 'mm/s' }));
    d = { ...d, design: 'latin-hypercube', samples: 7 };
    const r = draftToSweep(d, base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sweep.design).toEqual({ type: 'latin-hypercube', samples: 7 });
    expect(r.sweep.factors[0]!.range).toEqual({ from: 0.2, to: 0.3 });
    expect(variantCount(d)).toBe(7);
    expect(planSweepOn(r.sweep, base).runs).toHaveLength(21);
  });

  it('names the factor whose list holds something that is not a number', () => {
    let d = addFactor(emptyDraft(), factorFromField({ pointer: '/items/infeed/speed', label: 'speed', value: 0.25, unit: 'mm/s' }));
    d = updateFactor(d, d.factors[0]!.key, { mode: 'list', list: '250, fast' });
    expect(parseList('250, fast')).toEqual({ ok: false, bad: 'fast' });
    expect(variantCount(d)).toBeNull();
    const r = draftToSweep(d, base);
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'factors[0].values', message: 'speed: "fast" is not a number' }]);
  });

  it('reads a sweep file with levels shown as the inspector shows them', () => {
    const r = readSweep(fixture('small.sweep.json'));
    if (!r.ok) throw new Error('fixture');
    const d = draftFromSweep(r.sweep);
    expect(d.factors.map((f) => [f.label, f.unit, f.mode === 'list' ? f.list : `${f.from}–${f.to} in ${f.steps}`])).toEqual([
      ['belt speed', 'mm/s', '250, 300'],
      ['interval', 's', '3.5, 4.5'],
      ['jitter', 's', '0.5–1 in 2'],
    ]);
    expect(unitForPointer('/items/robot-1/pose/xyz/0').label).toBe('mm');
    expect([d.replications, d.seed, d.duration, d.warmupCycles, variantCount(d)]).toEqual([3, 1, 12, 1, 8]);
  });
});

describe('a part field picked to vary', () => {
  it('varies the mass of the parts a belt brings: the heavier part keeps the robot busier (slower loaded moves)', async () => {
    let d = addFactor(emptyDraft(), factorFromField({ pointer: itemPointer('infeed', 'source', 'part', 'mass'), label: 'Infeed · Part mass', value: 0.5, unit: 'kg' }));
    d = updateFactor(d, d.factors[0]!.key, { mode: 'list', list: '0.5, 4' });
    d = { ...d, replications: 1, duration: 60, kpis: ['robot.*'] };
    const r = draftToSweep(d, base);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const plan = planSweepOn(r.sweep, base);
    const masses = [...plan.cells.values()].map((c) => (c.items.find((i) => i.id === 'infeed') as unknown as { source: { part: { mass: number } } }).source.part.mass);
    expect(masses).toEqual([0.5, 4]);
    const rows = await runPlan(plan, runTaskPool, {});
    const busy = rows.map((row) => Object.entries(row.kpis).find(([k]) => k.endsWith('.busy'))![1] as number);
    // 0.5 kg: 88 % busy; 4 kg: nearly always busy (the payload slows the loaded moves).
    expect(busy[1]!).toBeGreaterThan(busy[0]! + 0.05);
  }, 120_000);
});

describe('a mount field picked to vary', () => {
  const robotOf = (c: Cell) => c.items.find((i): i is RobotItem => i.id === 'robot-1' && i.type === 'robot')!;

  it('raises the robot with its pedestal: a 500 mm and an 800 mm pedestal stand it at 0.5 m and 0.8 m', () => {
    const cell = putOnMount('robot-1', 'pedestal').apply(base);
    let d = addFactor(emptyDraft(), factorFromField({ pointer: itemPointer('pedestal-2', 'size', 2), label: 'Pedestal · Height', value: 0.5, unit: 'mm' }));
    d = updateFactor(d, d.factors[0]!.key, { mode: 'list', list: '500, 800' });
    const r = draftToSweep(d, cell);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const heights = [...planSweepOn(r.sweep, cell).cells.values()].map((c) => robotOf(c).pose.xyz[2]);
    expect(heights[0]).toBeCloseTo(0.5, 12);
    expect(heights[1]).toBeCloseTo(0.8, 12);
  });

  it('slides the robot along its track: carriage positions −500 mm and +500 mm stand it 1 m apart along the rail', () => {
    const cell = putOnMount('robot-1', 'track').apply(base);
    let d = addFactor(emptyDraft(), factorFromField({ pointer: itemPointer('robot-1', 'mount', 'position'), label: 'Track position', value: 0, unit: 'mm' }));
    d = updateFactor(d, d.factors[0]!.key, { mode: 'list', list: '-500, 500' });
    const r = draftToSweep(d, cell);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const [a, b] = [...planSweepOn(r.sweep, cell).cells.values()].map((c) => robotOf(c).pose.xyz);
    expect(Math.hypot(b![0] - a![0], b![1] - a![1])).toBeCloseTo(1, 12);
    expect(b![2]).toBeCloseTo(a![2], 12);
  });
});

describe('the small sweep planned in memory', () => {
  const read = readSweep(fixture('small.sweep.json'));
  if (!read.ok) throw new Error('fixture');
  const back = draftToSweep(draftFromSweep(read.sweep), base);
  if (!back.ok) throw new Error(JSON.stringify(back.problems));
  const plan = planSweepOn(back.sweep, base);

  it('has the command line planner’s runs, keys and jobs', async () => {
    const cli = await planSweep('tests/fixtures/small.sweep.json', { out: () => undefined, err: () => undefined, cwd: REPO_ROOT });
    expect(plan.runs.map((r) => r.key)).toEqual(cli.runs.map((r) => r.key));
    expect(plan.runs).toHaveLength(24);
    for (const r of [plan.runs[0]!, plan.runs[13]!, plan.runs[23]!]) {
      const task = cli.task(cli.runs.find((c) => c.key === r.key)!);
      const job = plan.job(r);
      expect(job.cell).toEqual(task.cell);
      expect([job.seed, job.until, job.warmupCycles]).toEqual([task.seed, task.until, task.warmupCycles]);
    }
  });

  it('run on a pool of runTask gives the results file celltwin sweep writes, byte for byte', async () => {
    const pool: SweepPool = async (jobs, opts) => {
      const out = [];
      // Finish order differs from job order on a real pool: run them backwards.
      for (const job of [...jobs].reverse()) {
        const r = await runTask({ cell: job.cell, file: job.key, seed: job.seed, until: job.until, warmupCycles: job.warmupCycles });
        const result = { key: job.key, ...r };
        opts.onResult?.(result);
        out.push(result);
      }
      return out;
    };
    const seen: string[] = [];
    const rows = await runPlan(plan, pool, { onRow: (r) => seen.push(r.key) });
    expect(seen).toHaveLength(24);
    const csvOut = join(scratch, 'cli.csv');
    const jsonOut = join(scratch, 'cli.json');
    const io = { out: () => undefined, err: () => undefined, cwd: REPO_ROOT };
    expect(await main(['sweep', 'tests/fixtures/small.sweep.json', '--workers', '1', '--out', csvOut], io)).toBe(0);
    expect(resultsCsv(rows, plan.factorNames)).toBe(readFileSync(csvOut, 'utf8'));
    expect(await main(['sweep', 'tests/fixtures/small.sweep.json', '--workers', '1', '--out', jsonOut], io)).toBe(0);
    expect(resultsJson(rows, resultsMeta(plan.sweep, 'x'))).toBe(readFileSync(jsonOut, 'utf8'));
  }, 300_000);
});
