/**
 * Child process of the engine heap row (engine-heap.ts): builds the 8-robot cell, runs it on
 * the events engine for an 8 h shift as the page's worker does (events drained as they come,
 * the activity log kept), collects garbage and prints the heap in use as JSON on stdout.
 * Run with `node --expose-gc --import tsx`.
 */
import { loadSimulationRobots } from '../../../src/cli/commands/run';
import { EventSimulation } from '../../../src/sim/events/event-simulation';
import { eightRobotCell } from './sim-cells';
import { SHIFT_SECONDS } from './engine-runs';

const gc = (globalThis as { gc?: () => void }).gc;
const cell = eightRobotCell();
const sim = new EventSimulation(cell, await loadSimulationRobots(cell));
gc?.();
const before = process.memoryUsage().heapUsed;
for (let t = 10; t <= SHIFT_SECONDS; t += 10) {
  sim.runUntil(t);
  sim.drainEvents();
}
const log = sim.activityLog();
gc?.();
const after = process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ heapMB: after / 2 ** 20, startMB: before / 2 ** 20, intervals: log.intervals.length, gc: gc !== undefined }));
