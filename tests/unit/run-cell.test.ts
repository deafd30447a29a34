/**
 * One run function for every pool (issue 11 item 7, issue 15 item 5): the CLI's `runTask` (file
 * loading + experiments/run-cell.ts) and the page's pool (robots parsed by the page's loader,
 * src/bridge/cell-robots.ts, then the same run) give the same row for a cell and seed — the same
 * JSON text, byte for byte — and that row is the single-run KPIs of `celltwin run --json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCellRobots } from '../../src/bridge/cell-robots';
import { runTask } from '../../src/cli/pool/run-task';
import { main } from '../../src/cli/main';
import { runCell, runRecordOf } from '../../src/experiments/run-cell';
import { REPO_ROOT } from './corpus-helpers';

const FIXTURE = 'tests/fixtures/sim-program-pick-place.cell.json';

/** The pick-and-place fixture with parts arriving every 4 ± 1.5 s, so each seed gives other numbers. */
function randomArrivalsCell() {
  const cell = JSON.parse(readFileSync(join(REPO_ROOT, FIXTURE), 'utf8'));
  cell.items.find((i: { id: string }) => i.id === 'infeed').source.jitter = 1.5;
  return cell;
}

describe('the platform-neutral run of a cell', () => {
  it('gives the CLI task and the page loader the same row, byte for byte', async () => {
    const cell = randomArrivalsCell();
    const options = { seed: 12, until: 20, warmupCycles: 2 };
    const cli = await runTask({ cell, file: 'random-arrivals.cell.json', ...options });
    const page = runRecordOf(await runCell(cell, await loadCellRobots(cell), options));
    expect(JSON.stringify(page)).toBe(JSON.stringify(cli));
    expect(page.seed).toBe(12);
    expect(page.simulatedSeconds).toBe(20);
    expect(page.kpis.partsFinished).toBeGreaterThan(0);
  });

  it('gives another row for another seed, and its figures are those of celltwin run --json', async () => {
    const cell = randomArrivalsCell();
    const a = runRecordOf(await runCell(cell, await loadCellRobots(cell), { seed: 12, until: 20, warmupCycles: 2 }));
    const b = runRecordOf(await runCell(cell, await loadCellRobots(cell), { seed: 13, until: 20, warmupCycles: 2 }));
    expect(b.stateHash).not.toBe(a.stateHash);

    const out: string[] = [];
    const code = await main(['run', FIXTURE, '--until', '20', '--seed', '7', '--json'], { out: (t) => out.push(t), err: () => undefined, cwd: REPO_ROOT });
    expect(code).toBe(0);
    const single = JSON.parse(out.join('\n'));
    const fixture = JSON.parse(readFileSync(join(REPO_ROOT, FIXTURE), 'utf8'));
    const row = runRecordOf(await runCell(fixture, await loadCellRobots(fixture), { seed: 7, until: 20, warmupCycles: 2 }));
    expect(row.stateHash).toBe(single.stateHash);
    expect(row.kpis.partsFinished).toBe(single.partsFinished);
    expect(row.kpis.throughputUph).toBe(single.throughputUph);
    expect(row.kpis['robot.robot-1.busy']).toBe(single.robots[0].busyShare);
  });
});
