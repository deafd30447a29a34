/**
 * Issue 5 benchmark: a simulation step of a stress cell generated in support/sim-cells.ts
 * (20 moving robots, 500 parts on running belts) against raw Rapier stepping the same bodies.
 */
import { stressCell } from './support/sim-cells';
import { stepCase } from './support/sim-step';

export default stepCase({ name: 'sim step: stress cell (20 robots, 500 parts)', label: 'the stress cell', cell: stressCell, warmup: 1, record: 4, rounds: 15 });
