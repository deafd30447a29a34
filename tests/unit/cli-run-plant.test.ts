/**
 * `celltwin run --json` on a cell file with a plant section: `plantDensity` follows `density`
 * with the roll-up worked out by hand; a file without one prints no such key; a bad plant
 * section is refused with its place in the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-run-plant-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const base = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/sim-pick-place.cell.json'), 'utf8')) as Record<string, unknown>;
function withPlant(plant: unknown): string {
  const file = join(scratch, `plant-${Math.random().toString(36).slice(2)}.cell.json`);
  writeFileSync(file, JSON.stringify({ ...base, plant }));
  return file;
}

describe('celltwin run --json with a plant section', () => {
  it('adds plantDensity after density: 1 robot, 1 operator per copy, 12 copies taking over 3 each in a plant of 400 on 2 shifts with 6 robots', async () => {
    // Robots 6 + 12 = 18; headcount 400 + 12 × (1 − 3) = 376 per shift, 752 employees → 239.36.
    // For 500: 6 + n ≥ 0.05 × 2 × (400 − 2n) = 40 − 0.2 n → n ≥ 28.33 → 29 (35 / 684 = 511.7).
    const file = withPlant({ name: 'Line 3', workersPerShift: 400, shifts: 2, robots: 6, thisCell: { copies: 12, workersReplaced: 3 } });
    const { code, out, err } = await celltwin('run', file, '--until', '1', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const keys = Object.keys(r);
    expect(keys[keys.indexOf('density') + 1]).toBe('plantDensity');
    expect(r.density).toMatchObject({ robots: 1, workers: 1 });
    expect(r.plantDensity.today).toEqual({ robots: 6, workersPerShift: 400, employees: 800, density: 75 });
    expect(r.plantDensity.withCells).toEqual({ robots: 18, workersPerShift: 376, employees: 752, density: 239.361702 });
    expect(r.plantDensity).toMatchObject({ plant: 'Line 3', shifts: 2, target: 500, reachesTarget: false, copiesForTarget: 29 });
  });

  it('prints no plantDensity for a file without a plant section', async () => {
    const { out } = await celltwin('run', 'tests/fixtures/sim-pick-place.cell.json', '--until', '1', '--json');
    expect(Object.keys(JSON.parse(out))).not.toContain('plantDensity');
  });

  it('refuses a plant section with a negative robot count, naming the place', async () => {
    const file = withPlant({ workersPerShift: 400, robots: -1, thisCell: { copies: 1, workersReplaced: 3 } });
    const { code, err } = await celltwin('run', file, '--json');
    expect(code).toBe(2);
    expect(err).toContain('plant.robots: expected a whole number ≥ 0');
  });
});
