/**
 * Conveyors as lanes in the events engine: a part set down above a running belt lands on it and
 * rides it at belt speed, a sensor fires at the computed crossing time, a part goes over the end
 * of a plain belt and comes to rest on the floor, and an accumulating conveyor fed faster than
 * its robot can pick keeps an orderly queue for an hour: the robot loops to the end, it is the
 * bottleneck and the source is held up (the physics engine jams there: lifting the front part
 * lifted the parts behind it).
 */
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import type { Cell, ConveyorItem } from '../../src/model/cell';
import { EventSimulation } from '../../src/sim/events/event-simulation';
import { computeKpis } from '../../src/sim/kpi';
import { cloneCell, readCellFile } from './support/sim-fixtures';

const G = 9.81;

async function events(cell: Cell): Promise<EventSimulation> {
  return new EventSimulation(cell, await loadSimulationRobots(cell));
}

/** The conveyor fixture with box-1 (0.12 × 0.1 × 0.08 m) lifted so its bottom is `gap` above the belt top (0.8 m). */
function beltCell(gap: number): Cell {
  const cell = cloneCell(readCellFile('tests/fixtures/sim-conveyor.cell.json'));
  cell.parts![0]!.pose.xyz = [-1.2, 0, 0.8 + 0.04 + gap];
  return cell;
}

describe('a part on a belt lane', () => {
  it('set down 10 mm above the running belt, falls for √(2h/g) and then rides at belt speed', async () => {
    const sim = await events(beltCell(0.01));
    const fall = Math.sqrt((2 * 0.01) / G);
    sim.runUntil(fall / 2);
    expect(sim.bodyPose('box-1')![2]).toBeCloseTo(0.85 - 0.5 * G * (fall / 2) ** 2, 9);
    expect(sim.bodyPose('box-1')![0]).toBeCloseTo(-1.2, 12);
    sim.runUntil(2);
    const p = sim.bodyPose('box-1')!;
    expect(p[0]).toBeCloseTo(-1.2 + 0.25 * (2 - fall), 9);
    expect(p[2]).toBeCloseTo(0.84, 9);
    expect(sim.partsOnBelt('conveyor-1')).toContain('box-1');
  });

  it('breaks the sensor curtain when its front edge reaches it, at the computed time', async () => {
    const sim = await events(beltCell(0.01));
    sim.runUntil(9);
    const hit = sim.drainEvents().find((e) => e.type === 'sensor' && e.part === 'box-1');
    // Curtain at 2.5 m from the infeed end (x = 1.0 m), 2 mm thick; the box is 0.12 m long.
    const fall = Math.sqrt((2 * 0.01) / G);
    expect(hit?.time).toBeCloseTo(fall + (1.0 - 0.001 - 0.06 + 1.2) / 0.25, 9);
  });

  it('goes over the end of a belt without a sink and comes to rest on the floor below', async () => {
    const sim = await events(beltCell(0));
    sim.runUntil(12);
    expect(sim.partsOnBelt('conveyor-1')).not.toContain('box-1');
    const p = sim.bodyPose('box-1')!;
    expect(p[0]).toBeCloseTo(1.5 + 0.06 + 0.001, 9);
    expect(p[2]).toBeCloseTo(0.04, 9);
  });
});

describe('an accumulating infeed fed faster than its robot picks', () => {
  /** The pick-and-place fixture (a 3.5 s robot loop) with a part every second. */
  function floodedCell(): Cell {
    const cell = cloneCell(readCellFile('tests/fixtures/sim-program-pick-place.cell.json'));
    const infeed = cell.items.find((i): i is ConveyorItem => i.id === 'infeed')!;
    infeed.source!.interval = 1;
    return cell;
  }

  it('runs an hour without a jam: the robot loops to the end, is the bottleneck, the source is held up', async () => {
    const cell = floodedCell();
    const sim = await events(cell);
    let faults = 0;
    for (let t = 60; t <= 3600; t += 60) {
      sim.runUntil(t);
      faults += sim.drainEvents().filter((e) => e.type === 'program-fault' || e.type === 'pick-missed').length;
    }
    expect(faults).toBe(0);
    const log = sim.activityLog();
    const loops = log.cycleCompletions.filter((c) => c.resource === 'robot-1').map((c) => c.time);
    const kpis = computeKpis(log, cell);
    const cycle = kpis.robots[0]!.cycleTime!.mean;
    // Every loop is the robot's own: no waiting for parts once the queue stands.
    expect(kpis.robots[0]!.cycleTime!.max - kpis.robots[0]!.cycleTime!.min).toBeLessThan(1e-6);
    expect(loops.at(-1)).toBeGreaterThan(3600 - cycle);
    expect(loops.length).toBe(Math.floor((3600 - loops[0]!) / cycle) + 1);
    expect(kpis.bottleneck?.id).toBe('robot-1');
    const source = kpis.sources[0]!.utilization!;
    expect(source['blocked']).toBeGreaterThan(0.5);
    expect(kpis.partsFinished).toBeGreaterThanOrEqual(loops.length - 1);
  }, 60_000);

  it('keeps the queue in line: the front part at the stop, the others behind it a part length or more apart', async () => {
    const sim = await events(floodedCell());
    sim.runUntil(1800);
    const queue = sim.partsOnBelt('infeed');
    expect(queue.length).toBeGreaterThanOrEqual(5);
    expect(sim.sensorOccupied('infeed')).toBe(true);
    const xs = queue.map((name) => sim.bodyPose(name)![0]!);
    // Front part: its leading edge at the curtain, 0.8 m from the infeed end of the 1.2 m belt
    // centred at x = 0.3 m (world x 0.5 m), 1 mm before its middle.
    expect(xs[0]! + 0.04).toBeCloseTo(0.5 - 0.001, 9);
    for (let i = 1; i < xs.length; i++) expect(xs[i - 1]! - xs[i]!).toBeGreaterThanOrEqual(0.08 - 1e-9);
    for (const name of queue) expect(sim.bodyPose(name)![1]).toBeCloseTo(-0.4, 9);
  }, 60_000);
});
