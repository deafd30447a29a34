/**
 * The page's run pool (src/bridge/run-pool.ts) where there are no web workers (Node): the same
 * runs one after another on this thread. Results come back in job order with the CLI's rows,
 * a failing job rejects naming its key, and an aborted signal stops it before any run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnPagePool, type RunPoolProgress } from '../../src/bridge/run-pool';
import { runTask } from '../../src/cli/pool/run-task';
import type { Cell } from '../../src/model';
import { REPO_ROOT } from './corpus-helpers';

function randomArrivalsCell(): Cell {
  const cell = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json'), 'utf8'));
  cell.items.find((i: { id: string }) => i.id === 'infeed').source.jitter = 1.5;
  return cell;
}

describe('the page run pool without web workers', () => {
  it('returns the rows in job order, each the CLI task row of its seed, and reports progress to the end', async () => {
    const cell = randomArrivalsCell();
    const jobs = [9, 8].map((seed) => ({ cell, seed, until: 12, warmupCycles: 2, key: `seed ${seed}` }));
    const progress: RunPoolProgress[] = [];
    const seen: string[] = [];
    const rows = await runOnPagePool(jobs, { onProgress: (p) => progress.push(p), onResult: (r) => seen.push(r.key) });
    expect(rows.map((r) => r.key)).toEqual(['seed 9', 'seed 8']);
    expect(seen).toEqual(['seed 9', 'seed 8']);
    for (const [i, seed] of [9, 8].entries()) {
      const { key: _key, ...row } = rows[i]!;
      expect(JSON.stringify(row)).toBe(JSON.stringify(await runTask({ cell, file: 'cell', seed, until: 12, warmupCycles: 2 })));
    }
    expect(progress.at(-1)).toEqual({ done: 2, total: 2, running: 0, failed: 0 });
  });

  it('rejects with a message naming the job whose cell cannot run', async () => {
    const cell = randomArrivalsCell();
    const broken = structuredClone(cell);
    const robot = broken.items.find((i) => i.type === 'robot')!;
    if (robot.type === 'robot') robot.source = { type: 'bundled', id: 'no-such-robot' };
    const jobs = [
      { cell, seed: 1, until: 2, warmupCycles: 0, key: 'variant 1 / seed 1' },
      { cell: broken, seed: 1, until: 2, warmupCycles: 0, key: 'variant 2 / seed 1' },
    ];
    await expect(runOnPagePool(jobs, {})).rejects.toThrow(/^run "variant 2 \/ seed 1" \(seed 1\) failed: .*no-such-robot/);
  });

  it('runs nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    let results = 0;
    await expect(runOnPagePool([{ cell: randomArrivalsCell(), seed: 1, until: 2, warmupCycles: 0, key: 'seed 1' }], { signal: controller.signal, onResult: () => results++ })).rejects.toThrow('stopped by the user');
    expect(results).toBe(0);
  });
});
