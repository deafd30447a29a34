/**
 * Issue 6 benchmark: the "Machine tending: CNC load/unload" template headless — simulated hours per wall minute
 * (notes) and the cost of KPI collection (ratio). What each side does, and why --until is
 * TEMPLATE_RUN_SECONDS rather than 3600: support/template-runs.ts.
 */
import { templateRunCase } from './support/template-runs';

export default templateRunCase('machine-tending', 'machine tending');
