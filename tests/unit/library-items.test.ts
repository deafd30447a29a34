/**
 * The library's new equipment as a planner meets it in the document and the editor: light
 * curtains, part sources and sinks, loose parts — their defaults, the guarding checks, the plan
 * and the footprint, and the edits of their optional fields.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cellPlanSvg } from '../../src/io/plan-svg';
import {
  BOX_PART,
  createEquipment,
  createItem,
  CYLINDER_PART,
  emptyCell,
  equipmentEntries,
  equipmentLabel,
  itemExtent,
  readCell,
  startingParts,
  type Cell,
  type CellItem,
  type ConveyorItem,
  type PartItem,
  type RobotItem,
} from '../../src/model';
import { fixtureColliders } from '../../src/sim/fixtures';
import { floorFigures } from '../../src/sim/kpi/floor';
import { createCellStore } from '../../src/store/cell-store';
import { setItemOption, setPartKind } from '../../src/store/item-edits';
import { checkLayout } from '../../src/tools/layout-checks';
import { placeInFreeSpot } from '../../src/tools/placement';

const at = (x: number, y: number, yaw = 0) => ({ xyz: [x, y, 0] as [number, number, number], rpy: [0, 0, yaw] as [number, number, number] });
const robot = (id: string, x: number, y: number): RobotItem => ({ id, name: id, type: 'robot', pose: at(x, y), source: { type: 'bundled', id: 'ur5e' }, tool: null });
const cellOf = (items: CellItem[]): Cell => ({ ...emptyCell(), items });

describe('the new library entries', () => {
  it('are listed with clear labels: light curtain, part source and sink, box and cylinder part', () => {
    const labels = equipmentEntries().map(equipmentLabel);
    for (const label of ['Light curtain', 'Part source', 'Part sink', 'Box part', 'Cylinder part', 'Press', 'Inspection station']) expect(labels).toContain(label);
  });

  it('offer a press (6 s cycle, 1.5 s guard each way) and an inspection station (3 s, no door) beside the CNC machine', () => {
    const entries = equipmentEntries();
    expect(entries.slice(entries.indexOf('machine'), entries.indexOf('machine') + 3)).toEqual(['machine', 'press', 'inspectionStation']);
    expect(createEquipment('press', 'press-1', at(0, 0))).toMatchObject({ type: 'machine', machineType: 'press', size: [1.6, 1.2, 2.6], processTime: 6, doorTime: 1.5 });
    expect(createEquipment('inspectionStation', 'inspection-1', at(0, 0))).toMatchObject({ type: 'machine', machineType: 'inspection', size: [1, 0.8, 1.9], processTime: 3, doorTime: 0 });
  });

  it('make items that a cell file accepts, every entry in one cell', () => {
    const items = equipmentEntries().map((entry, i) => createEquipment(entry, `item-${i}`, at(i, 0)));
    const result = readCell(JSON.stringify(cellOf(items)));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.cell.items).toEqual(items);
  });

  it('give a light curtain a 900 mm opening, a 1500 mm field from 300 mm up, posts 50 mm square', () => {
    const curtain = createItem('lightCurtain', 'c', at(0, 0));
    expect(curtain).toMatchObject({ type: 'lightCurtain', width: 0.9, height: 1.5, elevation: 0.3 });
    const [sx, sy, sz] = itemExtent(curtain);
    expect(sx).toBeCloseTo(1.0, 12); // the opening plus two posts
    expect(sy).toBeCloseTo(0.05, 12);
    expect(sz).toBeCloseTo(1.85, 12); // top beam at 1.8 m, 50 mm of post above it
  });

  it('make the part source an infeed belt with a carton every 6 s and an accumulating stop 200 mm before its end', () => {
    const source = createEquipment('partSource', 'infeed-1', at(0, 0)) as ConveyorItem;
    expect(source.source).toEqual({ part: { shape: { type: 'box', size: [0.3, 0.2, 0.15] }, mass: 2 }, interval: 6, distribution: 'fixed' });
    expect(source.sensor).toEqual({ position: 1.8, accumulate: true });
    expect(source.sink).toBeUndefined();
    const sink = createEquipment('partSink', 'exit-1', at(0, 0)) as ConveyorItem;
    expect(sink.sink).toBe(true);
    expect(sink.source).toBeUndefined();
  });
});

describe('a part placed on the floor', () => {
  it('stands on it: a 150 mm high carton has its centre at z = 75 mm, a 100 mm blank at 50 mm', () => {
    const box = createEquipment('boxPart', 'part-1', at(1, 2)) as PartItem;
    expect(box.pose.xyz).toEqual([1, 2, 0.075]);
    expect(box.shape).toEqual(BOX_PART.shape);
    const blank = createEquipment('cylinderPart', 'part-2', at(0, 0)) as PartItem;
    expect(blank.pose.xyz[2]).toBeCloseTo(0.05, 12);
    expect(blank.shape).toEqual(CYLINDER_PART.shape);
  });

  it('keeps standing on it when the library finds it a free spot', () => {
    const table = createItem('table', 't', at(0, 0));
    const placed = placeInFreeSpot(cellOf([table]), createEquipment('boxPart', 'part-1', at(0, 0)));
    expect(placed.pose.xyz[2]).toBeCloseTo(0.075, 12);
    expect(Math.hypot(placed.pose.xyz[0], placed.pose.xyz[1])).toBeGreaterThan(0.5); // not on the table
  });

  it('joins the parts present when a run starts, after the cell file\'s own parts', () => {
    const part = createEquipment('boxPart', 'part-1', at(1, 0)) as PartItem;
    const cell: Cell = { ...cellOf([part]), parts: [{ id: 'p0', shape: { type: 'box', size: [0.1, 0.1, 0.1] }, mass: 1, pose: at(0, 0) }] };
    expect(startingParts(cell).map((p) => p.id)).toEqual(['p0', 'part-1']);
    expect(startingParts(cell)[1]).toEqual({ id: 'part-1', name: 'Carton', shape: BOX_PART.shape, mass: 2, pose: part.pose });
  });

  it('keeps its bottom where it was when it gets a taller shape (one undo step)', () => {
    const store = createCellStore(cellOf([createEquipment('boxPart', 'part-1', at(0, 0))]));
    store.getState().execute(setPartKind('part-1', { shape: { type: 'box', size: [0.3, 0.2, 0.35] }, mass: 3 }));
    const part = store.getState().cell.items[0] as PartItem;
    expect(part.pose.xyz[2]).toBeCloseTo(0.175, 12);
    expect(part.mass).toBe(3);
    store.getState().undo();
    expect((store.getState().cell.items[0] as PartItem).pose.xyz[2]).toBeCloseTo(0.075, 12);
  });
});

describe('a light curtain in the layout checks', () => {
  it('counts as guarding: the clearance from a UR5e reach (850 mm) to a curtain 1.5 m away is 625 mm', () => {
    const report = checkLayout(cellOf([robot('r', 0, 0), createItem('lightCurtain', 'c', at(0, 1.5))]));
    expect(report.fenceClearances).toEqual([{ robot: 'r', fence: 'c', clearance: expect.closeTo(1.5 - 0.025 - 0.85, 9) }]);
  });

  it('is the guard that counts when it is nearer than the fence', () => {
    // Turned 90°, its 50 mm deep posts face the robot 1.2 m away: 1.175 − 0.85 = 0.325 m.
    const report = checkLayout(cellOf([robot('r', 0, 0), createItem('fence', 'f', at(0, 1.5)), createItem('lightCurtain', 'c', at(1.2, 0, Math.PI / 2))]));
    expect(report.fenceClearances).toEqual([{ robot: 'r', fence: 'c', clearance: expect.closeTo(0.325, 9) }]);
  });

  it('lets a conveyor run through its opening, but not through a post', () => {
    const belt = createItem('conveyor', 'belt', at(0, 0, Math.PI / 2)); // 2 m along y, spans x −0.25…0.25
    expect(checkLayout(cellOf([belt, createItem('lightCurtain', 'c', at(0, 0))])).intersections).toEqual([]);
    // Posts at x = −0.7 ± 0.475: the right one spans −0.25…−0.2, 50 mm inside the belt.
    const onPost = checkLayout(cellOf([belt, createItem('lightCurtain', 'c', at(-0.7, 0))])).intersections;
    expect(onPost).toEqual([{ a: 'belt', b: 'c', depth: expect.closeTo(0.05, 9) }]);
  });

  it('never reports a loose part lying on a table as a clash', () => {
    const table = createItem('table', 't', at(0, 0));
    const part = createEquipment('boxPart', 'part-1', at(0, 0));
    expect(checkLayout(cellOf([table, part])).intersections).toEqual([]);
  });
});

describe('the footprint and the plan', () => {
  it('include a light curtain like a fence, and leave loose parts out', () => {
    const table = createItem('table', 't', at(0, 0)); // 1.2 × 0.8 m
    const curtain = createItem('lightCurtain', 'c', at(0, 1)); // 1.0 m wide, 0.05 m deep at y = 1
    const part = createEquipment('boxPart', 'part-1', at(3, 0));
    // x from −0.6 to 0.6, y from −0.4 to 1.025.
    expect(floorFigures(cellOf([table, curtain, part])).footprintM2).toBeCloseTo(1.2 * 1.425, 9);
  });

  it('draw the curtain as two posts and a dashed beam, and a cylinder part as a circle', () => {
    const cell = cellOf([createItem('lightCurtain', 'c', at(1, 2)), createEquipment('cylinderPart', 'part-1', at(0, 0))]);
    const { document } = parseHTML(`<html><body>${cellPlanSvg(cell)}</body></html>`);
    const [curtain, blank] = [...document.querySelectorAll('g')];
    expect(curtain?.getAttribute('transform')).toBe('translate(1000 -2000) rotate(0.000)');
    expect([...(curtain?.querySelectorAll('rect') ?? [])].map((r) => r.getAttribute('x'))).toEqual(['-500', '450']);
    expect(curtain?.querySelector('line')?.getAttribute('x2')).toBe('450');
    expect(blank?.querySelector('circle')?.getAttribute('r')).toBe('30');
  });
});

describe('the physics of the new items', () => {
  it('makes only a curtain\'s two posts solid, and a part item no fixture at all', () => {
    const colliders = fixtureColliders(createItem('lightCurtain', 'c', at(0, 0)))!;
    expect(colliders).toHaveLength(2);
    expect(colliders[0]!.pose[0]).toBeCloseTo(-0.475, 12);
    expect(colliders[1]!.pose[0]).toBeCloseTo(0.475, 12);
    expect(colliders.every((c) => c.role === 'solid')).toBe(true);
    expect(fixtureColliders(createEquipment('boxPart', 'part-1', at(0, 0)))).toBeNull();
  });
});

describe('editing a conveyor\'s optional blocks', () => {
  it('switches the sensor off and on again, each one undo step, leaving no empty field behind', () => {
    const store = createCellStore(cellOf([createEquipment('partSource', 'infeed-1', at(0, 0))]));
    store.getState().execute(setItemOption('infeed-1', 'sensor', undefined));
    expect('sensor' in (store.getState().cell.items[0] as object)).toBe(false);
    store.getState().undo();
    expect((store.getState().cell.items[0] as ConveyorItem).sensor).toEqual({ position: 1.8, accumulate: true });
  });

  it('refuses a uniform source without a jitter, as the schema says, and keeps the cell', () => {
    const store = createCellStore(cellOf([createEquipment('partSource', 'infeed-1', at(0, 0))]));
    const before = store.getState().cell;
    store.getState().execute(setItemOption('infeed-1', 'source', { part: BOX_PART, interval: 6, distribution: 'uniform' }));
    expect(store.getState().cell).toBe(before);
    expect(store.getState().lastError?.message).toMatch(/source\.jitter: a uniform source needs a jitter > 0/);
  });
});
