/**
 * The library's parts, sources and sinks in a run: a part item is a dynamic part exactly like an
 * entry of the cell file's `parts`; the part source library entry makes cartons on its belt; a
 * light curtain's field lets a part fall through while its posts stand solid.
 */
import { describe, expect, it } from 'vitest';
import { createEquipment, createItem, emptyCell, type Cell, type CellItem, type ConveyorItem, type PartItem, type Pose } from '../../src/model';
import type { SimEvent } from '../../src/sim/events';
import { position, useSimulations } from './support/sim-fixtures';

const build = useSimulations();
const floorSpot = (x: number, y: number, yaw = 0): Pose => ({ xyz: [x, y, 0], rpy: [0, 0, yaw] });
const cellOf = (items: CellItem[], parts: Cell['parts'] = []): Cell => ({ ...emptyCell(), items, parts });
const created = (events: SimEvent[]) => events.filter((e): e is Extract<SimEvent, { type: 'part-created' }> => e.type === 'part-created');
const dt = 1 / 240;

describe('a part item', () => {
  // A carton 5 cm above a 0.75 m table, tipped a little so it lands on an edge first.
  const dropPose: Pose = { xyz: [0.1, 0.05, 0.75 + 0.075 + 0.05], rpy: [0.12, 0, 0.3] };
  const table = () => createItem('table', 'table-1', floorSpot(0, 0));

  it('falls onto a table exactly like the same part in the cell file\'s parts (to 1e-9 after 1 s)', async () => {
    const item: PartItem = { id: 'carton', name: 'Carton', type: 'part', pose: dropPose, shape: { type: 'box', size: [0.3, 0.2, 0.15] }, mass: 2 };
    const asItem = await build(cellOf([table(), item]));
    const asPart = await build(cellOf([table()], [{ id: 'carton', shape: item.shape, mass: 2, pose: dropPose }]));
    asItem.runUntil(1);
    asPart.runUntil(1);
    const a = asItem.bodyPose('carton')!;
    const b = asPart.bodyPose('carton')!;
    for (let k = 0; k < 7; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThanOrEqual(1e-9);
    // And it has come to rest flat on the table top: centre 75 mm above 0.75 m.
    expect(a[2]).toBeCloseTo(0.825, 3);
  });

  it('placed on the floor from the library, stays where it stands (no sinking, no jump)', async () => {
    const blank = createEquipment('cylinderPart', 'part-1', floorSpot(1, -1));
    const sim = await build(cellOf([blank]));
    sim.runUntil(1);
    const [x, y, z] = position(sim, 'part-1');
    expect(x).toBeCloseTo(1, 4);
    expect(y).toBeCloseTo(-1, 4);
    expect(z).toBeCloseTo(0.05, 3);
  });
});

describe('the part source library entry', () => {
  it('makes a carton at once, and a second 6 s later that then waits behind the first at the stop (2 in 20 s)', async () => {
    // The first carton's front (300 mm) reaches the sensor at 1.8 m after (1.8 − 0.305) / 0.2 ≈ 7.5 s
    // and the belt stops: the second has moved 0.3 m by then, so it still covers the infeed spot
    // and the source waits (a robot picking at the stop would free it).
    const sim = await build(cellOf([createEquipment('partSource', 'infeed-1', floorSpot(0, 0))]));
    sim.runUntil(20);
    const times = created(sim.drainEvents()).map((e) => e.time);
    expect(times).toHaveLength(2);
    expect(times[0]).toBeCloseTo(dt, 9);
    expect(Math.abs(times[1]! - (6 + 2 * dt))).toBeLessThanOrEqual(dt + 1e-9);
    // The first stands at the stop, its front in the barrier 1.8 m from the infeed end (x = 0.8).
    const [x] = position(sim, 'infeed-1/part-1');
    expect(x + 0.15).toBeCloseTo(0.8, 2);
  });

  it('without its stop, makes one every 6 s: 4 in 20 s, at 0, 6, 12 and 18 s', async () => {
    const source = createEquipment('partSource', 'infeed-1', floorSpot(0, 0)) as ConveyorItem;
    const { sensor: _stop, ...free } = source;
    const sim = await build(cellOf([free]));
    sim.runUntil(20);
    const times = created(sim.drainEvents()).map((e) => e.time);
    expect(times).toHaveLength(4);
    times.forEach((t, k) => expect(Math.abs(t - 6 * k)).toBeLessThanOrEqual(4 * dt));
  });

  it('feeds a part sink placed after it: the first carton leaves the cell at the sink\'s end', async () => {
    const source = createEquipment('partSource', 'infeed-1', floorSpot(-1, 0)) as ConveyorItem;
    const { sensor: _stop, ...free } = source;
    const sink = createEquipment('partSink', 'exit-1', floorSpot(1, 0));
    const sim = await build(cellOf([free, sink]));
    sim.runUntil(25);
    const finished = sim.drainEvents().filter((e) => e.type === 'part-finished');
    // 4 m of belt at 0.2 m/s: the first carton's front reaches the end after about 19.5 s.
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(finished[0]!.time).toBeGreaterThan(18);
    expect(finished[0]!.time).toBeLessThan(21);
  });
});

describe('a light curtain in a run', () => {
  it('lets a part fall through its field to the floor, but stops one dropped on a post', async () => {
    const curtain = createItem('lightCurtain', 'curtain-1', floorSpot(0, 0));
    const through: PartItem = { id: 'through', name: 'through', type: 'part', pose: { xyz: [0, 0, 1.2], rpy: [0, 0, 0] }, shape: { type: 'box', size: [0.1, 0.1, 0.1] }, mass: 1 };
    // A 40 mm cube right over the right post (x = 0.475, top at 1.85 m).
    const onPost: PartItem = { ...through, id: 'on-post', name: 'on-post', pose: { xyz: [0.475, 0, 1.9], rpy: [0, 0, 0] }, shape: { type: 'box', size: [0.04, 0.04, 0.04] } };
    const sim = await build(cellOf([curtain, through, onPost]));
    sim.runUntil(0.7);
    expect(position(sim, 'through')[2]).toBeCloseTo(0.05, 2);
    expect(position(sim, 'on-post')[2]).toBeCloseTo(1.87, 2);
  });
});
