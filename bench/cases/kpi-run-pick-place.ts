/**
 * Issue 6 benchmark: the conveyor-to-conveyor pick-and-place program cell headless, with KPI
 * collection against without it. What each side does: support/sim-kpi.ts.
 */
import { kpiRunCase } from './support/sim-kpi';

export default kpiRunCase({ name: 'program cell + KPIs: pick and place', path: 'tests/fixtures/sim-program-pick-place.cell.json' });
