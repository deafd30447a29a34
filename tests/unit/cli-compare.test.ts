/** `celltwin compare A.json B.json`: two variants side by side, as a table and as JSON. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';
import { cloneCell, readCellFile } from './support/sim-fixtures';

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const A = 'tests/fixtures/sim-pick-place.cell.json';
const B = 'tests/fixtures/sim-conveyor.cell.json';

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('celltwin compare', () => {
  it('shows what a slower part supply costs: 4 s → 6 s a part, 900 → 600 UPH', async () => {
    const base = 'tests/fixtures/sim-program-pick-place.cell.json';
    const slow = cloneCell(readCellFile(base));
    const infeed = slow.items.find((i) => i.id === 'infeed');
    if (infeed?.type !== 'conveyor' || !infeed.source) throw new Error('the fixture changed: no infeed source');
    infeed.source.interval = 6;
    const file = join(scratch, 'slow.cell.json');
    writeFileSync(file, JSON.stringify(slow));
    const { code, out } = await celltwin('compare', base, file, '--until', '40', '--json');
    expect(code).toBe(0);
    const rows: Array<{ metric: string; a: number; b: number; delta: number; change: number }> = JSON.parse(out).rows;
    const row = (m: string) => rows.find((r) => r.metric === m)!;
    expect(row('cell cycle time')).toMatchObject({ a: expect.closeTo(4, 5), b: expect.closeTo(6, 5), delta: expect.closeTo(2, 5), change: expect.closeTo(0.5, 5) });
    expect(row('throughput')).toMatchObject({ a: expect.closeTo(900, 3), b: expect.closeTo(600, 3), change: expect.closeTo(-1 / 3, 5) });
    expect(row('robot-1: cycle time mean')).toMatchObject({ a: expect.closeTo(4, 5), b: expect.closeTo(6, 5) });
    // The robot's own work per cycle does not change; it only waits longer for each part.
    expect(row('robot-1: motion per cycle').delta).toBeCloseTo(0, 5);
    expect(row('robot-1: waiting per cycle').delta).toBeCloseTo(2, 5);
    const text = await celltwin('compare', base, file, '--until', '40');
    expect(text.out).toMatch(/\ncell cycle time\s+4\.000 s\s+6\.000 s\s+\+2\.000 s \(\+50\.0%\)\n/);
  }, 60_000);

  it('prints both variants and a row per figure with B − A', async () => {
    const { code, out, err } = await celltwin('compare', A, B, '--until', '1');
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`A: Simulation test: vacuum pick and place (${A}), seed 7, 1 s simulated`);
    expect(lines[1]).toMatch(/^B: Simulation test: conveyor .*, seed 42, 1 s simulated$/);
    expect(out).toMatch(/\nfigure\s+A\s+B\s+B − A\n/);
    // A has one robot on 0.99 m², B has none.
    expect(out).toMatch(/\nrobots\s+1\s+0\s+−1 \(−100\.0%\)\n/);
    expect(out).toMatch(/\nfootprint\s+0\.99 m²\s+\d+\.\d\d m²\s+\+/);
    expect(out).toMatch(/\nrobot-1: busy\s+\d+\.\d%\s+—\n/);
  }, 60_000);

  it('gives both full reports and the rows with --json, the same every time', async () => {
    const first = await celltwin('compare', A, A, '--until', '1', '--json');
    expect(first.code).toBe(0);
    const r = JSON.parse(first.out);
    expect(Object.keys(r)).toEqual(['a', 'b', 'rows']);
    expect(r.a.file).toBe(A);
    expect(r.a.stateHash).toBe(r.b.stateHash);
    expect(r.rows.find((x: { metric: string }) => x.metric === 'footprint')).toEqual({ metric: 'footprint', unit: 'm2', a: 0.99, b: 0.99, delta: 0, change: 0 });
    for (const row of r.rows) if (typeof row.a === 'number') expect(row.delta).toBe(0);
    expect((await celltwin('compare', A, A, '--until', '1', '--json')).out).toBe(first.out);
  }, 60_000);

  it('refuses fewer than two files, more than two, and bad files with exit code 2', async () => {
    expect(await celltwin('compare', A)).toMatchObject({ code: 2, err: 'error: compare: expected two cell files: celltwin compare A.json B.json' });
    expect((await celltwin('compare', A, B, A)).code).toBe(2);
    const bad = await celltwin('compare', A, 'tests/fixtures/bad-pose.cell.json', '--until', '0.1');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: tests\/fixtures\/bad-pose\.cell\.json: items\[/);
  });

  it('is listed in the help', async () => {
    expect((await celltwin('--help')).out).toMatch(/\n {2}compare +simulate two cell variants/);
  });
});
