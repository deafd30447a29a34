/**
 * Issue 11 benchmark: the stress cell (20 robots sweeping, 500 parts on slow belts; support/
 * sim-cells.ts) on the events engine over 10 simulated minutes against the physics engine over
 * its first 5 s (aim: events ≥ 100× real time).
 */
import { engineRunCase } from './support/engine-runs';
import { stressCell } from './support/sim-cells';

export default engineRunCase({
  name: 'engine: stress cell (20 robots, 500 parts), events 600 s vs physics 5 s',
  cell: stressCell,
  eventsSeconds: 600,
  physicsSeconds: 5,
  rounds: 3,
});
