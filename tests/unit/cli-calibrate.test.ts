/**
 * `celltwin calibrate`: measured times generated from the plan-no-wait fixture with known scales
 * (the program timing of `celltwin plan` with accelerations × 0.7, and with speeds × 0.5 too) are
 * fitted back to those scales, the calibrated cell's cycle matches the measured one, the robot's
 * motion then reads "calibrated", and bad CSV rows are named by file and line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { main } from '../../src/cli/main';
import type { Cell } from '../../src/model/cell';
import type { MotionOverride } from '../../src/motion/motion-data';
import { programTiming } from '../../src/sim/program/plan-timing';
import { REPO_ROOT } from './corpus-helpers';
import { readCell } from '../../src/model/validate';
import { readCellFile } from './support/sim-fixtures';

/** A cell file at an absolute path (readCellFile reads below the repository). */
function readAbsolute(path: string): Cell {
  const read = readCell(readFileSync(path, 'utf8'));
  if (!read.ok) throw new Error(`${path}: invalid`);
  return read.cell;
}

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FIXTURE = 'tests/fixtures/plan-no-wait.cell.json';

async function timing(cell: Cell, scales?: MotionOverride) {
  const loaded = await loadSimulationRobots(cell);
  return programTiming(cell, 'robot-1', { arm: loaded.robots.get('robot-1')!, tool: loaded.tools!.get('vacuum_gripper')! }, scales)!;
}

/** A temporary copy of the fixture and a CSV next to it. */
function workspace(csv: string) {
  const dir = mkdtempSync(join(tmpdir(), 'celltwin-calibrate-'));
  const cell = join(dir, 'cell.json');
  writeFileSync(cell, readFileSync(join(REPO_ROOT, FIXTURE), 'utf8'));
  writeFileSync(join(dir, 'measured.csv'), csv);
  return { dir, cell, csv: join(dir, 'measured.csv'), out: join(dir, 'calibrated.json') };
}

describe('celltwin calibrate', () => {
  it('fits per-step times made with accelerations × 0.7 back to 0.7 ± 0.01, and the calibrated cycle matches to 1 %', async () => {
    const measured = await timing(readCellFile(FIXTURE), { speedScale: 1, accelerationScale: 0.7 });
    const ws = workspace(`step,seconds\n${measured.steps.map((s) => `${s.index},${s.seconds}`).join('\n')}\n`);
    const { code, out, err } = await celltwin('calibrate', ws.cell, '--robot', 'robot-1', '--measured', ws.csv, '--out', ws.out, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const fit = JSON.parse(out);
    expect(Math.abs(fit.after.accelerationScale - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(fit.after.speedScale - 1)).toBeLessThan(0.01);
    // Before: the library's data are 13–17 % fast on every move; after: every row within 0.1 %.
    expect(fit.rmsBefore).toBeGreaterThan(0.1);
    for (const row of fit.rows) expect(Math.abs(row.errorAfter)).toBeLessThan(1e-3);

    const calibrated = readAbsolute(ws.out);
    expect(calibrated.items[0]).toMatchObject({ id: 'robot-1', motion: { accelerationScale: fit.motion.accelerationScale } });
    const after = await timing(calibrated);
    expect(after.motionSource).toBe('calibrated');
    expect(Math.abs(after.cycle / measured.cycle - 1)).toBeLessThan(0.01);
    // The source file is left alone when --out is given.
    expect(readAbsolute(ws.cell).items[0]).not.toHaveProperty('motion');
  }, 120_000);

  it('fits both scales when the moves reach their speed limits: speeds × 0.5 and accelerations × 0.7', async () => {
    const measured = await timing(readCellFile(FIXTURE), { speedScale: 0.5, accelerationScale: 0.7 });
    const ws = workspace(`step,seconds\n${measured.steps.map((s) => `${s.index},${s.seconds}`).join('\n')}\n`);
    const fit = JSON.parse((await celltwin('calibrate', ws.cell, '--robot', 'robot-1', '--measured', ws.csv, '--json')).out);
    expect(fit.fitted).toEqual({ speed: true, acceleration: true });
    expect(fit.after.speedScale).toBeCloseTo(0.5, 2);
    expect(fit.after.accelerationScale).toBeCloseTo(0.7, 2);
    // Without --out the cell itself is calibrated.
    expect(readAbsolute(ws.cell).items[0]).toMatchObject({ motion: { speedScale: fit.motion.speedScale } });
  }, 120_000);

  it('fits the acceleration alone from whole-cycle times and prints the error per row', async () => {
    const measured = await timing(readCellFile(FIXTURE), { speedScale: 1, accelerationScale: 0.7 });
    const ws = workspace(`# two loops timed with a stopwatch\ncycle,seconds\nA,${measured.cycle}\nB,${measured.cycle}\n`);
    const { code, out } = await celltwin('calibrate', ws.cell, '--robot', 'robot-1', '--measured', ws.csv, '--out', ws.out);
    expect(code).toBe(0);
    expect(out).toMatch(/cycle A\s+\d\.\d{4} s\s+3\.\d{4} s\s+-1\d\.\d\d %\s+\d\.\d{4} s\s+[+-]0\.0\d %/);
    expect(out).toMatch(/speed scale 1\.0000 → 1\.0000 \(kept/);
    const scale = Number(/acceleration scale 1\.0000 → (\d\.\d{4})/.exec(out)![1]);
    expect(Math.abs(scale - 0.7)).toBeLessThan(0.01);
  }, 120_000);

  it('names the CSV file and line of a bad row, and a step outside the program (exit 2)', async () => {
    const bad = workspace('step,seconds\n0,1.2\n1,fast\n');
    const r = await celltwin('calibrate', bad.cell, '--robot', 'robot-1', '--measured', bad.csv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${bad.csv}:3: seconds must be a number ≥ 0, got "fast"`);
    const outside = workspace('step,seconds\n12,1\n');
    expect((await celltwin('calibrate', outside.cell, '--robot', 'robot-1', '--measured', outside.csv)).err).toMatch(/:2: step must be a step index 0…8 of the program, got "12"/);
    const header = workspace('time\n1\n');
    expect((await celltwin('calibrate', header.cell, '--robot', 'robot-1', '--measured', header.csv)).err).toMatch(/:1: expected a header "step,seconds" or "cycle,seconds"/);
  });
});
