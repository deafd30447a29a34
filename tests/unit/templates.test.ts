/**
 * The scenario templates (`assets/cells/templates/`, issue 6 item 6): the index lists at least
 * six, one per application the Shanghai plan names, each with a 320 × 200 thumbnail; every
 * template validates and, simulated headless for 120 s the way `celltwin run` does it
 * (loadSimulationRobots + createSimulation + computeKpis), finishes parts at a measurable cycle
 * time without collisions, with every robot looping and no program stopped by a fault.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { readCell } from '../../src/model';
import { createSimulation } from '../../src/physics/create-simulation';
import type { SimEvent } from '../../src/sim/events';
import { computeKpis } from '../../src/sim/kpi';
import { REPO_ROOT } from './corpus-helpers';

const DIR = join(REPO_ROOT, 'assets', 'cells', 'templates');

interface IndexEntry {
  file: string;
  title: string;
  application: string;
  description: string;
  robots: number;
}

const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as IndexEntry[];

/** The applications the Shanghai plan names (issue 6 item 6), as the index spells them. */
const APPLICATIONS = ['machine-tending', 'palletizing', 'arc-welding', 'sorting', 'assembly', 'inspection', 'grinding-polishing'];

/** Simulated seconds per template: long enough for the slowest (a 38 s CNC cycle) to finish two parts. */
const SECONDS = 120;

describe('scenario template index', () => {
  it('lists at least six templates, one per named application, each with a one-line description', () => {
    expect(index.length).toBeGreaterThanOrEqual(6);
    expect([...new Set(index.map((t) => t.application))].sort()).toEqual([...APPLICATIONS].sort());
    expect(new Set(index.map((t) => t.file)).size).toBe(index.length);
    for (const t of index) {
      expect(t.file).toMatch(/^[a-z0-9-]+\.cell\.json$/);
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(0);
      expect(t.description).not.toMatch(/\n/);
      expect(Number.isInteger(t.robots) && t.robots >= 1).toBe(true);
    }
  });

  it('has a 320 × 200 thumbnail beside every template', () => {
    for (const t of index) {
      const png = PNG.sync.read(readFileSync(join(DIR, t.file.replace(/\.cell\.json$/, '.png'))));
      expect([t.file, png.width, png.height]).toEqual([t.file, 320, 200]);
    }
  });

  it('uses only the bundled robots and tools', () => {
    const robots = new Set(['ur5e', 'ur10e', 'kuka_kr6_r900_sixx', 'abb_irb120', 'fanuc_lrmate200id', 'yaskawa_gp7']);
    const tools = new Set(['parallel_gripper', 'vacuum_gripper']);
    for (const t of index) {
      const read = readCell(readFileSync(join(DIR, t.file), 'utf8'));
      if (!read.ok) continue; // the template's own test reports it
      const items = read.cell.items.flatMap((i) => (i.type === 'robot' ? [i] : []));
      expect(items.length).toBe(t.robots);
      for (const r of items) {
        expect(r.source.type === 'bundled' && robots.has(r.source.id)).toBe(true);
        if (r.tool) expect(tools.has(r.tool.id)).toBe(true);
      }
    }
  });
});

describe.each(index)('template $file', (t) => {
  it(`validates and, simulated for ${SECONDS} s, finishes parts without collisions or faults`, async () => {
    const read = readCell(readFileSync(join(DIR, t.file), 'utf8'));
    expect(read.ok ? [] : read.problems).toEqual([]);
    if (!read.ok) return;
    const cell = read.cell;
    expect(cell.name.length).toBeGreaterThan(0);
    expect(cell.items.some((i) => i.type === 'fence')).toBe(true);
    expect(cell.workersPerShift).toBeGreaterThan(0);

    const sim = await createSimulation(cell, await loadSimulationRobots(cell));
    const events: SimEvent[] = [];
    try {
      // Drained once per simulated second, as `celltwin run` does.
      for (let s = 1; s <= SECONDS; s++) {
        sim.runUntil(s);
        events.push(...sim.drainEvents().filter((e) => e.type === 'collision' || e.type === 'program-fault'));
      }
      // Warm-up 0: the slowest template finishes only a couple of parts in the window.
      const kpis = computeKpis(sim.activityLog(), cell, { warmupCycles: 0 });
      expect(events).toEqual([]);
      expect(kpis.partsFinished).toBeGreaterThanOrEqual(2);
      expect(kpis.cellCycleTime).toBeGreaterThan(0);
      expect(kpis.throughputUph).toBeCloseTo(3600 / kpis.cellCycleTime!, 6);
      expect(kpis.robots).toHaveLength(t.robots);
      for (const r of kpis.robots) {
        // Every robot goes round its loop, and its time adds up.
        expect([r.id, sim.programStatus(r.id)!.cycles >= 1]).toEqual([r.id, true]);
        const shares = Object.values(r.utilization ?? {}).reduce((a, b) => a + b, 0);
        expect(shares).toBeCloseTo(1, 6);
      }
    } finally {
      sim.free();
    }
  }, 120_000);
});
