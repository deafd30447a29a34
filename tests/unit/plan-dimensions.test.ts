import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { nearestFootprintPoint, planDimensions } from '../../src/io/plan-dimensions';
import { cellPlanSvg } from '../../src/io/plan-svg';
import { emptyCell, type Cell, type CellItem } from '../../src/model';

const table: CellItem = { id: 'table-1', name: 'Table', type: 'table', pose: { xyz: [1, 0, 0], rpy: [0, 0, 0] }, size: [1.2, 0.8, 0.75] };
const pallet: CellItem = { id: 'pallet-1', name: 'Pallet', type: 'pallet', pose: { xyz: [0, -1.5, 0], rpy: [0, 0, 0] }, size: [1.2, 0.8, 0.144] };
/** 2 m of fence along y at x = −1 (50 mm thick: x from −1025 to −975 mm). */
const fenceWest: CellItem = { id: 'fence-1', name: 'West fence', type: 'fence', pose: { xyz: [-1, 0, 0], rpy: [0, 0, Math.PI / 2] }, length: 2, height: 2 };
/** 2 m of fence along x at y = 2.5, further from the robot. */
const fenceNorth: CellItem = { id: 'fence-2', name: 'North fence', type: 'fence', pose: { xyz: [0, 2.5, 0], rpy: [0, 0, 0] }, length: 2, height: 2 };
/** An imported robot: its footprint is the generic 400 × 400 mm. */
const robot: CellItem = {
  id: 'robot-1',
  name: 'Robot',
  type: 'robot',
  pose: { xyz: [0.2, 0.3, 0], rpy: [0, 0, 0] },
  source: { type: 'embedded', fileName: 'arm.urdf', urdf: '<robot name="arm"/>' },
  tool: null,
};

const cell: Cell = { ...emptyCell('Dimensioned cell'), floor: { width: 8, depth: 6 }, items: [table, pallet, fenceWest, fenceNorth, robot] };

describe('plan dimensions', () => {
  const dims = planDimensions(cell);

  it('takes the floor as 8 m by 6 m', () => {
    expect(dims.floor).toEqual({ width: 8, depth: 6 });
  });

  it('bounds the footprint from the west fence (x −1.025 m) to the table (x 1.6 m), and the pallet (y −1.9 m) to the north fence (y 2.525 m)', () => {
    expect(dims.footprint?.minX).toBeCloseTo(-1.025, 9);
    expect(dims.footprint?.maxX).toBeCloseTo(1.6, 9);
    expect(dims.footprint?.minY).toBeCloseTo(-1.9, 9);
    expect(dims.footprint?.maxY).toBeCloseTo(2.525, 9);
    expect(dims.footprint?.width).toBeCloseTo(2.625, 9);
    expect(dims.footprint?.depth).toBeCloseTo(4.425, 9);
  });

  it('dimensions the robot base to the west fence, 1175 mm away (the north fence is 2200 mm away)', () => {
    expect(dims.robotFence).toHaveLength(1);
    const [r] = dims.robotFence;
    expect(r?.robot).toBe('robot-1');
    expect(r?.fence).toBe('fence-1');
    expect(r?.from).toEqual([0.2, 0.3]);
    expect(r?.to[0]).toBeCloseTo(-0.975, 9);
    expect(r?.to[1]).toBeCloseTo(0.3, 9);
    expect(r?.distance).toBeCloseTo(1.175, 9);
  });

  it('finds the nearest point of a fence turned 30°: the foot of the perpendicular on its face', () => {
    const turned: CellItem = { ...fenceNorth, pose: { xyz: [0, 0, 0], rpy: [0, 0, Math.PI / 6] } };
    // A point 1 m from the fence's centre line, straight out from its middle (normal at 120°).
    const p: [number, number] = [Math.cos((2 * Math.PI) / 3), Math.sin((2 * Math.PI) / 3)];
    const q = nearestFootprintPoint(turned, p);
    expect(Math.hypot(q[0] - p[0], q[1] - p[1])).toBeCloseTo(0.975, 9);
    expect(q[0]).toBeCloseTo(0.025 * Math.cos((2 * Math.PI) / 3), 9);
  });

  it('has no footprint and no robot-to-fence lines for an empty cell', () => {
    const empty = planDimensions(emptyCell('Empty'));
    expect(empty.footprint).toBeNull();
    expect(empty.robotFence).toEqual([]);
  });
});

describe('the SVG plan with dimensions', () => {
  const svg = cellPlanSvg(cell);
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  const texts = [...document.querySelectorAll('text')].map((t) => t.textContent);

  it('labels the floor, the footprint (2625 × 4425 mm) and the robot-to-fence distance (1175 mm)', () => {
    expect(texts).toEqual(expect.arrayContaining(['8000 mm', '6000 mm', '2625 mm', '4425 mm', '1175 mm']));
  });

  it('draws the robot-to-fence line from the base (200, −300) to the fence face (−975, −300) in plan millimetres', () => {
    const line = document.querySelector('line.dim-fence');
    expect([line?.getAttribute('x1'), line?.getAttribute('y1'), line?.getAttribute('x2'), line?.getAttribute('y2')]).toEqual(['200', '-300', '-975', '-300']);
  });

  it('tags each item footprint with its id, so the on-screen plan can select it', () => {
    const ids = [...document.querySelectorAll('[data-item-id]')].map((g) => g.getAttribute('data-item-id'));
    expect(ids.sort()).toEqual(['fence-1', 'fence-2', 'pallet-1', 'robot-1', 'table-1']);
  });

  it('widens the drawing to show an item placed beyond the floor', () => {
    const outside = cellPlanSvg({ ...cell, items: [...cell.items, { ...table, id: 'table-9', pose: { xyz: [6, 0, 0], rpy: [0, 0, 0] } }] });
    const [x0, , vw] = (/viewBox="([^"]+)"/.exec(outside)?.[1] ?? '').split(' ').map(Number);
    expect((x0 ?? 0) + (vw ?? 0)).toBeGreaterThan(6600); // the table's far edge, plus a margin
  });
});
