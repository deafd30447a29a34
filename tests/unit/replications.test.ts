/**
 * `celltwin run --replications N` (issue 11 item 7): seeds S0 … S0+N−1 on the worker-thread
 * pool, each KPI as mean, sd and 95 % half-width (Student t). The statistics are checked against
 * closed forms; the replications against single runs of the same seeds, and against themselves.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { estimate, incompleteBeta, studentTCdf, studentTQuantile } from '../../src/experiments/stats';
import { REPO_ROOT } from './corpus-helpers';

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('Student t statistics', () => {
  it('match the closed forms of the t quantile for 1 and 2 degrees of freedom', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 9);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 9);
    expect(studentTQuantile(0.025, 2)).toBeCloseTo(-0.95 / Math.sqrt(2 * 0.975 * 0.025), 9);
  });

  it('approach the normal quantile 1.959964 for many degrees of freedom, and are 2.262157 for 9', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 5);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 5);
    // The CDF at ν = 1 is the Cauchy one, ½ + atan(t)/π.
    expect(studentTCdf(0.7, 1)).toBeCloseTo(0.5 + Math.atan(0.7) / Math.PI, 12);
    // I_x(1, 1) = x and I_x(a, 1) = xᵃ.
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 12);
  });

  it('give mean, sample sd and half-width t·s/√n, leaving out what was not measured', () => {
    const e = estimate([2, 4, 4, 4, 5, 5, 7, 9, null]);
    expect(e.n).toBe(8);
    expect(e.mean).toBe(5);
    expect(e.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(e.halfWidth).toBeCloseTo((studentTQuantile(0.975, 7) * Math.sqrt(32 / 7)) / Math.sqrt(8), 12);
    expect(estimate([3])).toEqual({ n: 1, mean: 3, sd: null, halfWidth: null });
    expect(estimate([null])).toEqual({ n: 0, mean: null, sd: null, halfWidth: null });
  });
});

describe('celltwin run --replications', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'celltwin-replications-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // The pick-and-place cell with parts arriving every 4 ± 1.5 s (uniform): each seed differs.
  const cell = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json'), 'utf8'));
  cell.items.find((i: { id: string }) => i.id === 'infeed').source.jitter = 1.5;
  const file = join(scratch, 'random-arrivals.cell.json');
  writeFileSync(file, JSON.stringify(cell));

  it('runs seeds S0 … S0+N−1 and gives the same numbers every time, equal to single runs of those seeds', async () => {
    const args = ['run', file, '--until', '24', '--replications', '3', '--seed', '11', '--json'];
    const first = await celltwin(...args);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const again = await celltwin(...args);
    expect(again.out).toBe(first.out);
    const r = JSON.parse(first.out);
    expect(r.seeds).toEqual([11, 12, 13]);
    expect(r.runs.map((x: { seed: number }) => x.seed)).toEqual([11, 12, 13]);
    // Random arrivals: the seeds really differ.
    expect(new Set(r.runs.map((x: { stateHash: string }) => x.stateHash)).size).toBe(3);
    const single = JSON.parse((await celltwin('run', file, '--until', '24', '--seed', '12', '--json')).out);
    expect(r.runs[1].stateHash).toBe(single.stateHash);
    expect(r.runs[1].kpis.partsFinished).toBe(single.partsFinished);
    expect(r.runs[1].kpis['robot.robot-1.busy']).toBe(single.robots[0].busyShare);

    // The summary is the statistics of the rows: checked with the closed-form t for ν = 2.
    const parts = r.runs.map((x: { kpis: Record<string, number> }) => x.kpis['robot.robot-1.busy']);
    const mean = (parts[0] + parts[1] + parts[2]) / 3;
    const sd = Math.sqrt(parts.reduce((s: number, x: number) => s + (x - mean) ** 2, 0) / 2);
    expect(r.kpis['robot.robot-1.busy'].mean).toBeCloseTo(mean, 6);
    expect(r.kpis['robot.robot-1.busy'].sd).toBeCloseTo(sd, 6);
    expect(r.kpis['robot.robot-1.busy'].halfWidth).toBeCloseTo(((0.95 / Math.sqrt(2 * 0.975 * 0.025)) * sd) / Math.sqrt(3), 6);
    expect(sd).toBeGreaterThan(0);
  }, 180_000);

  it('prints a table of mean, sd and half-width per figure without --json', async () => {
    const { code, out } = await celltwin('run', file, '--until', '6', '--replications', '2', '--seed', '3');
    expect(code).toBe(0);
    expect(out).toMatch(/2 replications, seeds 3–4, 6 s each/);
    expect(out).toMatch(/^robot\.robot-1\.busy +\d\.\d{4} +\d\.\d{4} +±\d\.\d{4} +2$/m);
  }, 120_000);

  it('refuses a replication count that is not a whole number ≥ 1', async () => {
    const { code, err } = await celltwin('run', file, '--replications', '0');
    expect(code).toBe(2);
    expect(err).toMatch(/--replications: expected a whole number ≥ 1, got "0"/);
  });
});
