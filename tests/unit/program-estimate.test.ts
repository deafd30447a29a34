/**
 * The program editor's per-step estimates (sim/program/plan-timing.ts, as the editor calls it)
 * against the simulation's own run: a loop that never waits lasts exactly the estimated sum,
 * blended or not, and a target out of reach is flagged instead of timed.
 */
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import type { Cell, ConveyorItem, ProgramStep } from '../../src/model/cell';
import { programTiming } from '../../src/sim/program/plan-timing';
import { cloneCell, readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();
const PICK_PLACE = 'tests/fixtures/sim-program-pick-place.cell.json';

/** The pick-and-place fixture with parts arriving faster than the robot takes them. */
function busyCell(map: (s: ProgramStep) => ProgramStep = (s) => s): Cell {
  const cell = cloneCell(readCellFile(PICK_PLACE));
  cell.programs[0]!.steps = cell.programs[0]!.steps.map(map);
  const infeed = cell.items.find((i): i is ConveyorItem => i.id === 'infeed')!;
  infeed.source = { ...infeed.source!, interval: 2.5 };
  return cell;
}

async function estimate(cell: Cell) {
  const robots = await loadSimulationRobots(cell);
  const est = programTiming(cell, 'robot-1', { arm: robots.robots.get('robot-1')!, tool: robots.tools?.get('vacuum_gripper') ?? null });
  if (!est) throw new Error('no estimate');
  return { steps: est.steps, total: est.cycle };
}

/** The simulated time between the last two loop completions, after 30 s. */
async function simulatedCycle(cell: Cell): Promise<number> {
  const sim = await build(cell);
  sim.runUntil(30);
  const cycles = sim.activityLog().cycleCompletions.map((c) => c.time);
  expect(cycles.length).toBeGreaterThanOrEqual(4);
  return cycles.at(-1)! - cycles.at(-2)!;
}

describe('estimated step durations', () => {
  it('of a pick-and-place loop with MoveJ and MoveL sum to the simulated cycle time, to 1 ms', async () => {
    const cell = busyCell();
    const est = await estimate(cell);
    expect(est.steps).toHaveLength(9);
    expect(est.steps.every((s) => s.problem === null)).toBe(true);
    // The vacuum cup's library actuation time, for the pick and the place.
    expect(est.steps[3]!.seconds).toBeCloseTo(0.15, 9);
    expect(est.steps[7]!.seconds).toBeCloseTo(0.15, 9);
    expect(est.steps[1]!.mayWait).toBe(true); // the light barrier
    expect(est.total).toBeCloseTo(await simulatedCycle(cell), 3);
  }, 60_000);

  it('of a blended loop are shorter than unblended and still sum to the simulated cycle', async () => {
    const blended = busyCell((s) => (s.type === 'moveL' && s.approach !== undefined ? { ...s, blend: 0.05 } : s));
    const plain = await estimate(busyCell());
    const est = await estimate(blended);
    expect(est.total).toBeLessThan(plain.total - 0.01);
    expect(est.total).toBeCloseTo(await simulatedCycle(blended), 3);
  }, 60_000);

  it('flags a target out of reach instead of timing it', async () => {
    const cell = busyCell();
    cell.targets.push({ id: 'far', name: 'Far away', parent: 'world', pose: { xyz: [5, 0, 1], rpy: [Math.PI, 0, 0] } });
    cell.programs[0]!.steps = [{ type: 'moveJ', target: 'far' }, { type: 'wait', seconds: 1 }];
    const est = await estimate(cell);
    expect(est.steps[0]).toMatchObject({ seconds: null, problem: 'target "far" is out of reach of robot-1' });
    expect(est.total).toBe(1);
  });
});
