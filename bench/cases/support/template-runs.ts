/**
 * Issue 6 benchmark rows, one per scenario template (assets/cells/templates/index.json): how many
 * simulated hours a headless run gets through per wall-clock minute, the figure behind
 * `celltwin run TEMPLATE --until 3600`. Each row is a {@link kpiRunCase} (support/sim-kpi.ts):
 * ours runs the template with the activity log and computeKpis, as `celltwin run` does; the
 * reference runs it with the log switched off, so the ratio is the cost of KPI collection and the
 * notes give simulated hours per wall minute.
 *
 * Why not 3600 s per call: a full hour takes 2–8 minutes of wall time per template on a 2-core
 * machine (bench/template-hours.ts runs exactly that, once per template), and a side-by-side row
 * needs a dozen calls, so one row would take over an hour. A call runs TEMPLATE_RUN_SECONDS
 * simulated seconds from t = 0 instead (120 s: the machine-tending template finishes its first
 * part only after a minute), stated in the row's name. Read its rate as the rate of the first
 * minutes of production: most templates run slower later in the hour (queues fill up, more
 * bodies touch), so the hour's average is lower — template-hours.ts gives it.
 */
import { readFileSync } from 'node:fs';
import type { BenchCase } from '../../harness';
import { kpiRunCase } from './sim-kpi';

/** Simulated seconds per call (`--until`) of the template rows. */
export const TEMPLATE_RUN_SECONDS = 120;

/** The templates' folder and index, relative to the repository root. */
const TEMPLATES = 'assets/cells/templates';

/** A row for the template `assets/cells/templates/<name>.cell.json`, which the index must list. */
export function templateRunCase(name: string, label: string): BenchCase {
  const index = JSON.parse(readFileSync(new URL(`../../../${TEMPLATES}/index.json`, import.meta.url), 'utf8')) as Array<{ file: string }>;
  const file = `${name}.cell.json`;
  if (!index.some((t) => t.file === file)) throw new Error(`${TEMPLATES}/index.json lists no template ${file}`);
  return kpiRunCase({
    name: `template ${label}: run --until ${TEMPLATE_RUN_SECONDS} + KPIs`,
    path: `${TEMPLATES}/${file}`,
    seconds: TEMPLATE_RUN_SECONDS,
    rounds: 3,
    warmupRounds: 1,
  });
}
