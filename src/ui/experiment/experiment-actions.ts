/**
 * What the Experiment panel does: add an inspector field as a factor, run the form as a sweep on
 * the page's pool of web workers (the same planning, variants and rows as `celltwin sweep`),
 * cancel, load a sweep file into the form, and open one variant as the document (one undo step
 * back to the cell it was varied from).
 */
import { pointerTokens } from '../../experiments/json-pointer';
import { runPlan, type SweepPool } from '../../experiments/run-plan';
import { planSweepOn } from '../../experiments/sweep-plan';
import { readSweep } from '../../experiments/sweep-schema';
import { SweepError } from '../../experiments/variants';
import { formatProblem, type Cell } from '../../model';
import { cellStore } from '../../store/app-store';
import { edit } from '../edit';
import { notify } from '../notices';
import { addFactor, draftFromSweep, draftToSweep, factorFromField, type VariedField } from './draft';
import { changeDraft, experimentStore, NO_RUN, showExperimentPanel, type ExperimentRun } from './experiment-store';
import { pagePool } from './page-pool';
import { variantLayout } from './result-storage';

/** The label a factor gets: the item's name and the field's label (`Infeed belt Belt speed`). */
export function factorLabel(cell: Cell, pointer: string, fieldLabel: string): string {
  const [root, id] = pointerTokens(pointer);
  if (root !== 'items' || id === undefined) return fieldLabel;
  const item = cell.items.find((i) => i.id === id);
  return `${item?.name || id} · ${fieldLabel}`;
}

/** Adds the inspector field as a factor (once) and shows the Experiment panel. */
export function varyField(field: VariedField): void {
  const label = factorLabel(cellStore.getState().cell, field.pointer, field.label);
  changeDraft((d) => addFactor(d, factorFromField({ ...field, label })));
  showExperimentPanel();
}

const setRun = (patch: Partial<ExperimentRun>) => experimentStore.setState((s) => ({ run: { ...s.run, ...patch } }));

let controller: AbortController | null = null;

/**
 * Runs the form on the cell on screen on `pool` (default: the page's web workers). Problems with
 * the form or the cell are shown in the panel and as a notice; nothing runs then.
 */
export async function startExperiment(pool: SweepPool = pagePool): Promise<void> {
  if (experimentStore.getState().run.phase === 'running') return;
  const cell = cellStore.getState().cell;
  const { draft } = experimentStore.getState();
  const fail = (error: string) => {
    experimentStore.setState({ run: { ...NO_RUN, phase: 'failed', error } });
    notify('error', 'The experiment cannot run', [error]);
  };
  if (draft.factors.length === 0) return fail('Add a factor first: right-click a number in the inspector → "Vary this in an experiment".');
  const checked = draftToSweep(draft, cell);
  if (!checked.ok) return fail(checked.problems.map(formatProblem).join('; '));
  let plan;
  try {
    plan = planSweepOn(checked.sweep, cell);
  } catch (e) {
    if (e instanceof SweepError) return fail(`${e.path}: ${e.message}`);
    throw e;
  }
  const own = new AbortController();
  controller = own;
  const startedAt = Date.now();
  experimentStore.setState({
    run: {
      ...NO_RUN,
      phase: 'running',
      total: plan.runs.length,
      startedAt,
      sweep: plan.sweep,
      factorNames: plan.factorNames,
      units: Object.fromEntries(draft.factors.map((f) => [f.label, f.unit])),
      cells: Object.fromEntries(plan.cells),
      layout: variantLayout(plan.cells),
      variants: plan.variants.length,
    },
  });
  try {
    const rows = await runPlan(plan, pool, {
      signal: own.signal,
      onProgress: (p) => setRun({ done: p.done, running: p.running }),
      onRow: (row) => experimentStore.setState((s) => ({ run: { ...s.run, rows: [...s.run.rows, row].sort((a, b) => a.variant - b.variant || a.seed - b.seed) } })),
    });
    const endedAt = Date.now();
    setRun({ phase: 'done', rows, done: rows.length, running: 0, endedAt });
    const wall = (endedAt - startedAt) / 1000;
    if (wall > 0) experimentStore.setState({ rate: (rows.length * plan.sweep.duration) / wall });
  } catch (e) {
    if (own.signal.aborted) setRun({ phase: 'cancelled', running: 0, endedAt: Date.now() });
    else {
      const message = e instanceof Error ? e.message : String(e);
      setRun({ phase: 'failed', running: 0, endedAt: Date.now(), error: message });
      notify('error', 'The experiment stopped', [message]);
    }
  } finally {
    if (controller === own) controller = null;
  }
}

/** Stops the running experiment; the runs already in stay in the table. */
export function cancelExperiment(): void {
  controller?.abort(new DOMException('Cancelled', 'AbortError'));
}

/** Opens variant `variantId` of the last experiment as the document, as one undo step. */
export function openVariantAsCell(variantId: string): void {
  const { run } = experimentStore.getState();
  const cell = run.cells[variantId];
  if (!cell) return;
  const index = run.rows.find((r) => r.variantId === variantId)?.variant;
  const label = `Open experiment variant ${index ?? variantId}`;
  if (edit({ label, apply: () => cell })) notify('info', `Opened variant ${index ?? variantId} of “${run.sweep?.name ?? 'the experiment'}”`, ['Undo (Ctrl+Z) goes back to the cell it was varied from.']);
}

/** Reads a `.sweep.json` into the form; its factors run on the cell on screen. */
export async function loadSweepFile(file: File): Promise<boolean> {
  const read = readSweep(await file.text());
  if (!read.ok) {
    notify('error', `Could not read ${file.name}: the experiment is unchanged`, read.problems.map(formatProblem));
    return false;
  }
  changeDraft(() => draftFromSweep(read.sweep));
  showExperimentPanel();
  notify('info', `Loaded ${file.name} into the experiment`, [`Its factors vary the cell on screen${typeof read.sweep.base === 'string' ? ` (the file's base, ${read.sweep.base}, is not read in the page)` : ' (not the cell written inside the file)'}.`]);
  return true;
}
