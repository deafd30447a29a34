/**
 * Analyse with replications in the page: the summary's figures as the results panel shows them
 * (labels after the cell's items, shares in %, mean ± half-width), the ETA from finished runs,
 * the seeds of the jobs, and the pool's size rule.
 */
import { describe, expect, it } from 'vitest';
import { defaultPoolSize, MAX_POOL_WORKERS } from '../../src/bridge/run-pool';
import { summarizeRows } from '../../src/experiments/summarize';
import type { Cell } from '../../src/model';
import { headlineFigures } from '../../src/ui/replications/headline-figures';
import { replicationJobs } from '../../src/ui/replications/replication-actions';
import { replicationSecondsLeft } from '../../src/ui/replications/replication-store';

const cell = {
  name: 'Two seeds',
  simulation: { seed: 40, dt: 1 / 240, duration: 30 },
  items: [
    { id: 'robot-1', type: 'robot', name: 'Picker' },
    { id: 'infeed', type: 'conveyor', name: 'Infeed' },
  ],
} as unknown as Cell;

describe('the figures of a replication summary', () => {
  const rows = [
    { throughputUph: 800, cellCycleTime: 4.5, 'robot.robot-1.busy': 0.8, 'robot.robot-1.cycleTime': 4.5, 'source.infeed/source.busy': 1, footprintM2: 1.32, collisions: 0 },
    { throughputUph: 900, cellCycleTime: 4, 'robot.robot-1.busy': 0.9, 'robot.robot-1.cycleTime': 4, 'source.infeed/source.busy': 1, footprintM2: 1.32, collisions: 0 },
  ];
  const figures = headlineFigures(summarizeRows(rows), cell);
  const byKey = new Map(figures.map((f) => [f.key, f]));

  it('show mean ± half-width with t(0.975, 1) = 12.7062 for two runs, in the display unit', () => {
    // Two values a, b: sd = |a − b| / √2, half-width = t · sd / √2 = t · |a − b| / 2.
    const uph = byKey.get('throughputUph')!;
    expect(uph.mean).toBe(850);
    expect(uph.halfWidth).toBeCloseTo((12.706205 * 100) / 2, 3);
    expect(uph.text).toBe('850.0 ± 635.3');
    expect(uph.unit).toBe('UPH');
    const busy = byKey.get('robot.robot-1.busy')!;
    expect(busy.label).toBe('Picker busy');
    expect(busy.unit).toBe('%');
    expect(busy.mean).toBeCloseTo(85, 9);
    expect(busy.text).toBe('85.0 ± 63.5');
    expect(byKey.get('robot.robot-1.cycleTime')!.label).toBe('Picker cycle time');
  });

  it('show a figure that was the same in every run without a half-width, and leave out the footprint', () => {
    expect(byKey.get('source.infeed/source.busy')!.text).toBe('100.0');
    expect(byKey.get('source.infeed/source.busy')!.label).toBe('Infeed (source) busy');
    expect(byKey.get('collisions')!.text).toBe('0');
    expect(byKey.has('footprintM2')).toBe(false);
  });
});

describe('replication runs', () => {
  it('use seeds S, S+1, … from the cell, each named by its seed', () => {
    const jobs = replicationJobs(cell, 5, 600);
    expect(jobs.map((j) => j.seed)).toEqual([40, 41, 42, 43, 44]);
    expect(jobs.map((j) => j.key)).toEqual(['seed 40', 'seed 41', 'seed 42', 'seed 43', 'seed 44']);
    expect(jobs.every((j) => j.until === 600 && j.warmupCycles === 2 && j.cell === cell)).toBe(true);
  });

  it('estimate the time left from the rate of finished runs, and nothing before the first', () => {
    expect(replicationSecondsLeft({ done: 0, total: 20, running: 2, failed: 0 }, 5)).toBeNull();
    // 4 runs in 10 s: 16 more take 40 s.
    expect(replicationSecondsLeft({ done: 4, total: 20, running: 2, failed: 0 }, 10)).toBe(40);
  });

  it('start one worker per core, at least 1, at most 8, never more than the jobs', () => {
    expect(defaultPoolSize(20, 2)).toBe(2);
    expect(defaultPoolSize(3, 16)).toBe(3);
    expect(defaultPoolSize(50, 64)).toBe(MAX_POOL_WORKERS);
    expect(defaultPoolSize(5, 0)).toBe(1);
    expect(defaultPoolSize(5, Number.NaN)).toBe(1);
  });
});
