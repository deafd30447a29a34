/**
 * Issue 11 benchmark: memory of the events engine. Setup runs the 8-robot cell (the first 8
 * stations of the stress cell) for an 8 h shift in a child process and reads its heap after a
 * garbage collection (aim ≤ 64 MB, what a page's worker may keep); the timed sides are the same
 * cell's first simulated hour on the events engine against 5 s on the physics engine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineNotes, engineRunCase } from './support/engine-runs';
import { eightRobotCell } from './support/sim-cells';

const row = engineRunCase({ name: 'engine: 8-robot cell heap after an 8 h shift; events 3600 s vs physics 5 s', cell: eightRobotCell, eventsSeconds: 3600, physicsSeconds: 5 });
const setup = row.setup.bind(row);

export default {
  ...row,
  async setup() {
    const pair = await setup();
    const child = fileURLToPath(new URL('./support/engine-heap-child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`engine heap child failed: ${run.stderr}`);
    const heap = JSON.parse(run.stdout) as { heapMB: number; intervals: number };
    return { ...pair, metrics: { ...pair.metrics, heapMB: heap.heapMB, intervals: heap.intervals } };
  },
  notes: (r) => `heap after the shift ${(r.metrics?.['heapMB'] ?? NaN).toFixed(1)} MB (${r.metrics?.['intervals'] ?? 0} log intervals); ${engineNotes(r)}`,
} satisfies typeof row;
