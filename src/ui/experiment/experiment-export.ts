/**
 * Downloads from the Experiment panel: the results as CSV or JSON in exactly the format of
 * `celltwin sweep --out` (experiments/results.ts), and the experiment as a sweep file with the
 * cell inline, so the same sweep can be run with `celltwin sweep` on a machine with more cores
 * or on the queue.
 */
import { resultsCsv, resultsJson } from '../../experiments/results';
import { resultsMeta } from '../../experiments/sweep-plan';
import { cellStore } from '../../store/app-store';
import { notify } from '../notices';
import { draftToSweep } from './draft';
import type { ExperimentState } from './experiment-store';

function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/** A file name from the experiment's name (`Belt speed × interval` → `belt-speed-interval`). */
export const fileStem = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'experiment';

/** The results CSV text of the last run (what `celltwin sweep --out x.csv` writes). */
export const experimentCsv = (s: ExperimentState): string => resultsCsv(s.run.rows, s.run.factorNames);

/** The results JSON text of the last run (what `celltwin sweep --out x.json` writes). */
export const experimentJson = (s: ExperimentState): string => resultsJson(s.run.rows, s.run.sweep ? resultsMeta(s.run.sweep, s.draft.name) : {});

/** Downloads the results as `<name>.results.csv` or `.json`. */
export function downloadResults(s: ExperimentState, format: 'csv' | 'json'): void {
  const stem = fileStem(s.run.sweep?.name ?? s.draft.name);
  if (format === 'csv') download(experimentCsv(s), 'text/csv', `${stem}.results.csv`);
  else download(experimentJson(s), 'application/json', `${stem}.results.json`);
}

/** Downloads the form as a `.sweep.json` with the cell on screen inline as its base. */
export function downloadSweepFile(s: ExperimentState): void {
  const r = draftToSweep(s.draft, cellStore.getState().cell);
  if (!r.ok) {
    notify('error', 'The experiment is not complete yet', r.problems.map((p) => `${p.path}: ${p.message}`));
    return;
  }
  download(`${JSON.stringify(r.sweep, null, 2)}\n`, 'application/json', `${fileStem(s.draft.name)}.sweep.json`);
}
