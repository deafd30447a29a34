/**
 * Plant-level robot density, checked against numbers worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { emptyCell, readCell } from '../../src/model';
import type { Plant } from '../../src/model/plant-schema';
import { plantDensity, withPlantDensity } from '../../src/sim/kpi/plant-density';

const cell = (robots: number, workersPerShift: number) => ({ name: 'tending cell', robots, workersPerShift });

describe('plant density roll-up', () => {
  // 1,200 people per shift and 20 robots today; this cell has 2 robots and 1 operator and takes
  // over 4 manual jobs, so each copy adds 2 robots and removes 3 people.
  const plant: Plant = { workersPerShift: 1200, robots: 20, thisCell: { copies: 10, workersReplaced: 4 } };
  const r = plantDensity(plant, cell(2, 1));

  it('reads today’s plant as 20 / 1,200 × 10,000 = 166.7 robots per 10,000 workers', () => {
    expect(r.today).toEqual({ robots: 20, workersPerShift: 1200, employees: 1200, density: expect.closeTo(166.667, 3) });
  });

  it('adds ten copies: 40 robots over 1,200 − 30 = 1,170 workers, 341.9', () => {
    expect(r.withCells.robots).toBe(40);
    expect(r.withCells.workersPerShift).toBe(1170);
    expect(r.withCells.density).toBeCloseTo((40 / 1170) * 10_000, 9);
    expect(r.withCells.density).toBeCloseTo(341.88, 2);
    expect(r.reachesTarget).toBe(false);
  });

  it('needs 19 copies for the plan’s 500: 58 / 1,143 = 507.4, while 18 give 56 / 1,146 = 488.7', () => {
    expect(r.copiesForTarget).toBe(19);
    expect(plantDensity({ ...plant, thisCell: { copies: 19, workersReplaced: 4 } }, cell(2, 1)).withCells.density).toBeCloseTo(507.44, 2);
    expect(plantDensity({ ...plant, thisCell: { copies: 18, workersReplaced: 4 } }, cell(2, 1)).withCells.density).toBeCloseTo(488.66, 2);
  });

  it('counts every shift’s people but each robot once, and adds the other cell designs', () => {
    // 400 per shift, 2 shifts, 10 robots; 5 palletizers (1 robot, no operator, replace 2 each):
    // 15 robots, 390 per shift. Four of this cell (2 robots, 1 operator, replace 3): 23 robots,
    // 382 per shift = 764 employees → 301.0. For 500: 15 + 2n ≥ 0.1 × (390 − 2n) → n ≥ 10.9 → 11.
    const p: Plant = { workersPerShift: 400, shifts: 2, robots: 10, thisCell: { copies: 4, workersReplaced: 3 }, otherCells: [{ name: 'palletizer', robots: 1, workersPerShift: 0, workersReplaced: 2, copies: 5 }] };
    const x = plantDensity(p, cell(2, 1));
    expect(x.withCells).toEqual({ robots: 23, workersPerShift: 382, employees: 764, density: expect.closeTo((23 / 764) * 10_000, 9) });
    expect(x.withCells.density).toBeCloseTo(301.05, 2);
    expect(x.cells.map((c) => c.name)).toEqual(['tending cell', 'palletizer']);
    expect(x.copiesForTarget).toBe(11);
    expect(plantDensity({ ...p, thisCell: { copies: 11, workersReplaced: 3 } }, cell(2, 1)).withCells.density).toBeCloseTo(502.72, 2);
  });

  it('lands exactly on the target: 200 people, no robots, one robot per copy needs exactly 10 copies', () => {
    const x = plantDensity({ workersPerShift: 200, robots: 0, thisCell: { copies: 10, workersReplaced: 0 } }, cell(1, 0));
    expect(x.withCells.density).toBe(500);
    expect(x.reachesTarget).toBe(true);
    expect(x.copiesForTarget).toBe(10);
  });

  it('needs no copy when the plant is there already, and none can help a cell without robots', () => {
    expect(plantDensity({ workersPerShift: 100, robots: 6, thisCell: { copies: 0, workersReplaced: 0 } }, cell(2, 1)).copiesForTarget).toBe(0);
    const none = plantDensity({ workersPerShift: 100, robots: 1, thisCell: { copies: 3, workersReplaced: 0 } }, cell(0, 1));
    expect(none.copiesForTarget).toBeNull();
    expect(none.withCells.density).toBeCloseTo((1 / 103) * 10_000, 9);
  });

  it('puts plantDensity right after density in the run report, and only for a cell with a plant section', () => {
    const kpis = { cell: 'c', density: { robots: 2, workers: 1 }, collisions: [] };
    expect(withPlantDensity(kpis, { name: 'c' })).toBe(kpis);
    const out = withPlantDensity(kpis, { name: 'c', plant });
    expect(Object.keys(out)).toEqual(['cell', 'density', 'plantDensity', 'collisions']);
    expect(out.plantDensity?.copiesForTarget).toBe(19);
  });
});

describe('the plant section of a cell file', () => {
  const file = (plant: unknown) => JSON.stringify({ ...emptyCell('with plant'), plant });

  it('is read when valid', () => {
    const read = readCell(file({ workersPerShift: 300, robots: 4, shifts: 3, thisCell: { copies: 2, workersReplaced: 3 } }));
    expect(read.ok && read.cell.plant?.shifts).toBe(3);
  });

  it('names the place of a bad value', () => {
    const read = readCell(file({ workersPerShift: 300, robots: 4, thisCell: { copies: 1.5, workersReplaced: 3 } }));
    expect(read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['plant.thisCell.copies: expected a whole number']);
  });

  it('refuses cells that take over more people than the plant has', () => {
    const read = readCell(file({ workersPerShift: 10, robots: 0, thisCell: { copies: 3, workersReplaced: 4 } }));
    expect(read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['plant.workersPerShift: the cells take over 12 workers per shift, more than the headcount of 10']);
  });
});
