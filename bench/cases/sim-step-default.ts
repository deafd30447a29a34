/**
 * Issue 5 benchmark: a simulation step of the bundled default cell (assets/cells/default.cell.json)
 * against raw Rapier stepping the same bodies. What each side does: support/sim-step.ts.
 */
import { readRepoCell } from './support/sim-cells';
import { stepCase } from './support/sim-step';

export default stepCase({ name: 'sim step: default cell', label: 'the default cell', cell: () => readRepoCell('assets/cells/default.cell.json'), warmup: 2, record: 10 });
