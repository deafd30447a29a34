import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { STEP_TYPES } from '../../src/model/program-schema';
import { REPO_ROOT } from './corpus-helpers';
import { cloneCell, readCellFile } from './support/sim-fixtures';

/** Runs the CLI in-process from the repository root, capturing what it prints. */
async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('celltwin run', () => {
  it('prints time, steps, collisions, part counts and the state hash as JSON', async () => {
    const { code, out, err } = await celltwin('run', 'tests/fixtures/sim-pick-place.cell.json', '--until', '3', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({
      cell: 'Simulation test: vacuum pick and place',
      seed: 7,
      simulatedSeconds: 3,
      steps: 720,
      collisionCount: 0,
      collisions: [],
      parts: { total: 1, made: 0, active: 1, held: 0, removed: 0 },
      picks: 1,
      releases: 1,
    });
    expect(r.stateHash).toMatch(/^[0-9a-f]{8}$/);
  });

  it('gives byte-identical output for the same file and seed, in this process and in another', async () => {
    const args = ['run', 'tests/fixtures/sim-conveyor.cell.json', '--until', '8', '--json'];
    const first = await celltwin(...args);
    const second = await celltwin(...args);
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    const child = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/celltwin.js'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(`${first.out}\n`);
    const other = await celltwin(...args, '--seed', '5');
    expect(JSON.parse(other.out).stateHash).not.toBe(JSON.parse(first.out).stateHash);
  }, 60_000);

  it('lists collisions with their times, the two bodies and the program step the robot was on', async () => {
    const cell = cloneCell(readCellFile('tests/fixtures/sim-sweep.cell.json'));
    cell.programs = [{ id: 'p', robot: 'robot-1', steps: [{ type: 'moveJoints', q: [1.2, 0, 0, 0, 0, 0], speed: 0.25 }, { type: 'wait', seconds: 10 }] }];
    const file = join(scratch, 'sweep.cell.json');
    writeFileSync(file, JSON.stringify(cell));
    const { code, out } = await celltwin('run', file, '--until', '1', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.collisionCount).toBeGreaterThan(0);
    // 0.35 s into the first move (0.25 rad/s towards 1.2 rad): the robot is on step 1 of its program.
    expect(r.collisions[0]).toEqual({ time: 0.35, a: 'robot-1/tool/base_link', b: 'fence-1', aStep: 'programs[0].steps[0]' });
    const text = await celltwin('run', file, '--until', '1');
    expect(text.out).toContain('collisions: ');
    expect(text.out).toContain('0.350000 s  robot-1/tool/base_link ↔ fence-1 (robot-1 on programs[0].steps[0])');
  });

  it('exits 2 with the path in the file for bad input', async () => {
    const cell = cloneCell(readCellFile('tests/fixtures/sim-sweep.cell.json'));
    cell.programs = [{ id: 'p', robot: 'robot-1', steps: [{ type: 'teleport' } as never] }];
    const file = join(scratch, 'bad-step.cell.json');
    writeFileSync(file, JSON.stringify(cell));
    const bad = await celltwin('run', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`error: ${file}: programs[0].steps[0].type: unknown step type "teleport" (known: ${STEP_TYPES.join(', ')})`);

    const clash = cloneCell(readCellFile('tests/fixtures/sim-sweep.cell.json'));
    clash.parts![0]!.id = 'fence-1';
    writeFileSync(file, JSON.stringify(clash));
    expect((await celltwin('run', file)).err).toBe(`error: ${file}: parts[0].id: duplicate id "fence-1" (also items[2])`);

    const missing = await celltwin('run', 'tests/fixtures/no-such.cell.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error: tests\/fixtures\/no-such\.cell\.json: cannot read the file/);

    const invalid = await celltwin('run', 'tests/fixtures/bad-pose.cell.json');
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/^error: tests\/fixtures\/bad-pose\.cell\.json: items\[/);

    expect((await celltwin('run', 'tests/fixtures/sim-sweep.cell.json', '--until', 'soon')).code).toBe(2);
    expect((await celltwin('run', 'tests/fixtures/sim-sweep.cell.json', '--seed', '1.5')).code).toBe(2);
  });
});
