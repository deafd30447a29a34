/**
 * Waiting programs on the events engine are woken by what they wait for (program/controller.ts
 * wakeOnChange), not retried after every transition in the cell: in a cell where one robot sets
 * the signals that a dozen others wait for, one at a time, each waiting robot is retried exactly
 * once — when its own signal is set — however many transitions happen meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import type { Cell, ProgramStep } from '../../src/model/cell';
import { emptyCell } from '../../src/model/cell';
import { EventSimulation } from '../../src/sim/events/event-simulation';

const WAITING = 12;

/** A driver robot that sets go-1 … go-N a second apart, and N robots each waiting for its own signal. */
function signalCell(): Cell {
  const cell = emptyCell('Many robots waiting for signals');
  cell.floor = { width: 2 * WAITING + 4, depth: 4 };
  const robot = (id: string, x: number) => ({ id, name: id, type: 'robot' as const, pose: { xyz: [x, 0, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] }, source: { type: 'bundled' as const, id: 'ur5e' }, tool: null, joints: [0, -Math.PI / 2, 0, -Math.PI / 2, 0, 0] });
  cell.items = [robot('driver', 0), ...Array.from({ length: WAITING }, (_, k) => robot(`waiter-${k + 1}`, 2 * (k + 1)))];
  const driver: ProgramStep[] = [];
  for (let k = 1; k <= WAITING; k++) driver.push({ type: 'wait', seconds: 1 }, { type: 'setSignal', signal: `go-${k}` });
  cell.programs = [
    { id: 'driver', robot: 'driver', loop: false, steps: driver },
    ...Array.from({ length: WAITING }, (_, k) => ({ id: `waiter-${k + 1}`, robot: `waiter-${k + 1}`, loop: false, steps: [{ type: 'waitSignal' as const, signal: `go-${k + 1}` }, { type: 'wait' as const, seconds: 0.5 }] })),
  ];
  return cell;
}

describe('waiting programs on the events engine', () => {
  it(`retries each of ${WAITING} robots waiting on its own signal once, when that signal is set`, async () => {
    const cell = signalCell();
    const sim = new EventSimulation(cell, await loadSimulationRobots(cell));
    sim.runUntil(WAITING + 2);
    // Not after each of the driver's 2N transitions: only when the robot's own signal changes.
    expect(sim.programRetries()).toBe(WAITING);
    const log = sim.activityLog();
    for (let k = 1; k <= WAITING; k++) {
      const waits = log.intervals.filter((i) => i.resource === `waiter-${k}` && i.state.startsWith('waiting'));
      // Waiting from the start until go-k is set at k seconds; the 0.5 s dwell follows at once.
      expect(waits).toHaveLength(1);
      expect(waits[0]!.start).toBe(0);
      expect(waits[0]!.end).toBeCloseTo(k, 9);
      expect(sim.programStatus(`waiter-${k}`)!.phase).toBe('done');
    }
  });

  it('keeps waking them by their signals after a snapshot is restored mid-run', async () => {
    const cell = signalCell();
    const robots = await loadSimulationRobots(cell);
    const whole = new EventSimulation(cell, robots);
    whole.runUntil(WAITING + 2);
    const part = new EventSimulation(cell, robots);
    part.runUntil(5.5);
    const restored = new EventSimulation(cell, robots);
    restored.restore(part.snapshot());
    restored.runUntil(WAITING + 2);
    expect(restored.activityLog()).toEqual(whole.activityLog());
  });
});

