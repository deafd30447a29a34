import { describe, expect, it } from 'vitest';
import { createItem, emptyCell, type Cell, type CellItem, type RobotItem } from '../../src/model';
import { corners, distanceToRect, floorRect, overlapDepth } from '../../src/tools/footprint';
import { floorFigures } from '../../src/sim/kpi/floor';
import { checkLayout } from '../../src/tools/layout-checks';

const at = (x: number, y: number, yaw = 0) => ({ xyz: [x, y, 0] as [number, number, number], rpy: [0, 0, yaw] as [number, number, number] });
const robot = (id: string, x: number, y: number, model = 'ur5e'): RobotItem => ({ id, name: id, type: 'robot', pose: at(x, y), source: { type: 'bundled', id: model }, tool: null });
const cellOf = (items: CellItem[], workers = 1): Cell => ({ ...emptyCell(), items, workersPerShift: workers });

describe('floor rectangles', () => {
  it('turn with the item: a 2 × 0.5 m conveyor at 90° spans 0.5 m in x and 2 m in y', () => {
    const r = floorRect(createItem('conveyor', 'c', at(1, 1, Math.PI / 2)));
    const xs = corners(r).map(([x]) => x);
    const ys = corners(r).map(([, y]) => y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(0.5, 9);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(2, 9);
  });

  it('overlap by the depth of the smallest interpenetration', () => {
    const a = floorRect(createItem('table', 'a', at(0, 0))); // 1.2 × 0.8
    const b = floorRect(createItem('table', 'b', at(1.1, 0))); // overlaps 0.1 m in x
    expect(overlapDepth(a, b)).toBeCloseTo(0.1, 9);
    expect(overlapDepth(a, floorRect(createItem('table', 'c', at(1.3, 0))))).toBeLessThan(0);
  });

  it('see a 45° rotated table clear of a neighbour its axis-aligned box would touch', () => {
    const a = floorRect(createItem('table', 'a', at(0, 0, Math.PI / 4)));
    const b = floorRect(createItem('table', 'b', at(1.45, 0.85)));
    expect(overlapDepth(a, b)).toBeLessThan(0);
  });

  it('measure the distance from a point to a rectangle, zero inside', () => {
    const r = floorRect(createItem('table', 't', at(0, 0)));
    expect(distanceToRect(0, 0, r)).toBe(0);
    expect(distanceToRect(1.6, 0, r)).toBeCloseTo(1.0, 9);
    expect(distanceToRect(1.6, 0.7, r)).toBeCloseTo(Math.hypot(1.0, 0.3), 9);
  });
});

describe('layout checks', () => {
  it('report two tables standing in each other, but not a robot on its pedestal', () => {
    const report = checkLayout(cellOf([createItem('table', 'a', at(0, 0)), createItem('table', 'b', at(1, 0)), robot('r', 0, 0)]));
    expect(report.intersections).toEqual([{ a: 'a', b: 'b', depth: expect.closeTo(0.2, 9) }]);
  });

  it('flag two UR5e robots 1.5 m apart: their 850 mm reaches overlap by 0.2 m', () => {
    const report = checkLayout(cellOf([robot('r1', 0, 0), robot('r2', 1.5, 0)]));
    expect(report.reachOverlaps).toEqual([{ a: 'r1', b: 'r2', overlap: expect.closeTo(0.2, 9) }]);
  });

  it('give the clearance from a robot reach to the nearest fence', () => {
    const fence = createItem('fence', 'f', at(0, 1.5)); // 2 m panel along x, 5 cm thick
    const report = checkLayout(cellOf([robot('r', 0, 0), fence]));
    expect(report.fenceClearances).toEqual([{ robot: 'r', fence: 'f', clearance: expect.closeTo(1.5 - 0.025 - 0.85, 9) }]);
  });

  it('compute the floor figures: footprint, robots per 10,000 workers, m² per robot', () => {
    const items = [robot('r1', -1, 0), robot('r2', 1, 0), createItem('table', 't1', at(-2, -1)), createItem('table', 't2', at(2, 1))];
    const { figures } = checkLayout(cellOf(items, 4));
    // Tables span x from -2.6 to 2.6 and y from -1.4 to 1.4: 5.2 m × 2.8 m.
    expect(figures.footprintM2).toBeCloseTo(14.56, 9);
    expect(figures.robots).toBe(2);
    expect(figures.density).toBe(5000);
    expect(figures.m2PerRobot).toBeCloseTo(7.28, 9);
    expect(figures.robotsPer100M2).toBeCloseTo(200 / 14.56, 9);
  });

  it('take the floor figures from the same code as a run\'s KPIs (sim/kpi/floor.ts)', () => {
    const cell = cellOf([robot('r1', -1, 0), createItem('table', 't1', at(-2, -1, 0.4)), createItem('fence', 'f', at(0, 2))], 3);
    const shared = floorFigures(cell);
    expect(checkLayout(cell).figures).toEqual({
      footprintM2: shared.footprintM2,
      robots: shared.robots,
      workers: shared.workers,
      density: shared.perTenThousandWorkers,
      m2PerRobot: shared.m2PerRobot,
      robotsPer100M2: shared.robotsPer100M2,
    });
  });

  it('leave density undefined when nobody works in the cell', () => {
    expect(checkLayout(cellOf([robot('r', 0, 0)], 0)).figures.density).toBeNull();
  });
});
