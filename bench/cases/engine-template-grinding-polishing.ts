/**
 * Issue 11 benchmark: the "grinding/polishing" template on the events engine over an 8 h shift against the
 * physics engine over its first 60 s (support/engine-runs.ts says why the spans differ).
 */
import { engineRunCase, SHIFT_SECONDS } from './support/engine-runs';
import { readRepoCell } from './support/sim-cells';

export default engineRunCase({
  name: 'engine: grinding/polishing, events 8 h vs physics 60 s',
  cell: () => readRepoCell('assets/cells/templates/grinding-polishing.cell.json'),
  eventsSeconds: SHIFT_SECONDS,
  physicsSeconds: 60,
  hours: true,
});
