import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { readCell } from '../../src/model';
import { createSimulation } from '../../src/physics/create-simulation';
import { computeKpis } from '../../src/sim/kpi/compute';
import { REPO_ROOT } from './corpus-helpers';

const DIR = join(REPO_ROOT, 'assets/cells/templates');
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Array<{ file: string; title: string; application: string; robots: number }>;

describe('scenario templates', () => {
  it('are listed in the index with a title and an application', () => {
    expect(index.length).toBeGreaterThanOrEqual(6);
    for (const t of index) expect(t.title.length * t.application.length).toBeGreaterThan(0);
  });

  for (const t of index) {
    it(`${t.title} validates and, simulated for 300 s, finishes parts without collisions`, async () => {
      const result = readCell(readFileSync(join(DIR, t.file), 'utf8'));
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (!result.ok) return;
      const sim = await createSimulation(result.cell, await loadSimulationRobots(result.cell));
      try {
        sim.runUntil(300);
        const kpis = computeKpis(sim.activityLog(), result.cell);
        expect(kpis.robots).toHaveLength(t.robots);
        expect(kpis.partsFinished).toBeGreaterThan(2);
        expect(kpis.cellCycleTime).toBeGreaterThan(0);
        expect(kpis.throughputUph).toBeCloseTo(3600 / (kpis.cellCycleTime ?? 1), 6);
        expect(sim.drainEvents().filter((e) => e.type === 'collision')).toEqual([]);
      } finally {
        sim.free();
      }
    }, 120_000);
  }
});
