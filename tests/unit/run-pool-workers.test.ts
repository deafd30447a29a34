/**
 * The page's run pool on web workers, with a stand-in Worker that runs the worker's own code
 * path in this thread: a finished call keeps its workers for the next one, and a kept worker
 * that ended without a word (as a browser may end one) is found out by its missing answer to a
 * ping and replaced, so the next call finishes instead of waiting for it forever.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isPing, type FromRunWorker, type ToRunWorker } from '../../src/bridge/run-protocol';
import { endIdleWorkers, runOnPagePool } from '../../src/bridge/run-pool';
import { runTask } from '../../src/cli/pool/run-task';
import { runCell, runRecordOf } from '../../src/experiments/run-cell';
import type { Cell } from '../../src/model';
import { REPO_ROOT } from './corpus-helpers';

/** A web worker stand-in: answers pings and runs, unless it was ended (then it stays silent). */
class StandInWorker {
  static made: StandInWorker[] = [];
  onmessage: ((e: MessageEvent<FromRunWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  /** Ended by the pool (terminate) or, silently, by the test. */
  gone = false;
  terminated = false;
  runs = 0;

  constructor() {
    StandInWorker.made.push(this);
  }

  postMessage(m: ToRunWorker): void {
    if (this.gone) return;
    const reply = (data: FromRunWorker): void => {
      setTimeout(() => !this.gone && this.onmessage?.({ data } as MessageEvent<FromRunWorker>), 0);
    };
    if (isPing(m)) return reply({ type: 'pong' });
    this.runs++;
    void runCell(m.cell, { robots: m.robots, tools: m.tools }, { seed: m.seed, until: m.until, warmupCycles: m.warmupCycles }).then((run) => reply({ id: m.id, ok: true, record: runRecordOf(run) }));
  }

  terminate(): void {
    this.gone = true;
    this.terminated = true;
  }
}

const cell = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json'), 'utf8')) as Cell;
const jobs = (seeds: number[]) => seeds.map((seed) => ({ cell, seed, until: 12, warmupCycles: 2, key: `seed ${seed}` }));
const rowOf = async (seed: number) => JSON.stringify(await runTask({ cell, file: 'cell', seed, until: 12, warmupCycles: 2 }));

beforeAll(() => {
  vi.stubGlobal('Worker', StandInWorker);
});

afterAll(() => {
  endIdleWorkers();
  vi.unstubAllGlobals();
});

describe('the page run pool on web workers', () => {
  it('keeps the workers of a finished call for the next one', async () => {
    const first = await runOnPagePool(jobs([1, 2]), { size: 2 });
    expect(first.map((r) => r.key)).toEqual(['seed 1', 'seed 2']);
    const { key: _k, ...row } = first[1]!;
    expect(JSON.stringify(row)).toBe(await rowOf(2));
    expect(StandInWorker.made).toHaveLength(2);
    await runOnPagePool(jobs([3, 4]), { size: 2 });
    expect(StandInWorker.made).toHaveLength(2);
    expect(StandInWorker.made.map((w) => w.runs)).toEqual([2, 2]);
  });

  it('replaces a kept worker that ended silently, and the next call still finishes', async () => {
    const [silent, alive] = StandInWorker.made;
    silent!.gone = true; // no error event, no answer: what a browser-ended worker looks like
    const rows = await runOnPagePool(jobs([5, 6]), { size: 2 });
    expect(rows.map((r) => r.key)).toEqual(['seed 5', 'seed 6']);
    const { key: _k, ...row } = rows[0]!;
    expect(JSON.stringify(row)).toBe(await rowOf(5));
    // The silent one was ended after its ping went unanswered, and one new worker took its place.
    expect(silent!.terminated).toBe(true);
    expect(StandInWorker.made).toHaveLength(3);
    // This call's two runs went to the live worker and the new one (the live one had run 2 before).
    expect(alive!.runs + StandInWorker.made[2]!.runs).toBe(2 + 2);
    expect(silent!.runs).toBe(2);
  });
});
