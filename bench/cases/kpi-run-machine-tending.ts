/**
 * Issue 6 benchmark: the CNC machine-tending program cell headless, with KPI collection against
 * without it. What each side does: support/sim-kpi.ts.
 */
import { kpiRunCase } from './support/sim-kpi';

export default kpiRunCase({ name: 'program cell + KPIs: machine tending', path: 'tests/fixtures/sim-program-machine-tending.cell.json' });
