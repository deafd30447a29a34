/**
 * The Experiment panel's state as plain data in a vanilla store: the form (draft.ts), the run in
 * progress or last finished (its rows, the sweep and variant cells they came from, progress),
 * the rate measured by the last run (for the next estimate), and a counter the results panel
 * watches to bring the Experiment tab forward. Behaviour lives in experiment-actions.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { Cell } from '../../model/cell';
import type { RunRow } from '../../experiments/results';
import type { SweepFile } from '../../experiments/sweep-schema';
import { emptyDraft, type ExperimentDraft } from './draft';
import { browserStorage } from '../browser-storage';
import { loadDraft, saveDraft } from './draft-storage';
import { idbResultStorage, keepResult, readKeptResult } from './result-storage';

/** Where an experiment run is. */
export type ExperimentPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The run in progress or last finished, and everything its plots and exports need. */
export interface ExperimentRun {
  phase: ExperimentPhase;
  total: number;
  done: number;
  running: number;
  /** Wall-clock ms (Date.now) when the run started and ended; for the ETA only. */
  startedAt: number | null;
  endedAt: number | null;
  /** Rows in, sorted by variant and seed. */
  rows: RunRow[];
  /** The sweep these rows belong to (SI, base inline). */
  sweep: SweepFile | null;
  factorNames: string[];
  /** Display unit label of each factor, by factor name. */
  units: Record<string, string>;
  /** Each variant's cell, by variant id (to open it). */
  cells: Record<string, Cell>;
  /** Each variant's floor area (m², the footprint KPI's figure, from its layout) and robot count: the scatter's axes. */
  layout: Record<string, { floorM2: number; robots: number }>;
  variants: number;
  error: string | null;
  /** When these results were kept, if they were read back at start (result-storage.ts); null for a run of this session. */
  restoredAt: number | null;
}

/** The whole state. */
export interface ExperimentState {
  draft: ExperimentDraft;
  run: ExperimentRun;
  /** Simulated seconds per wall second the last finished run achieved on the pool (null: none yet). */
  rate: number | null;
  /** Bumped to ask the results panel to show the Experiment tab. */
  openRequest: number;
}

/** The state of no run at all. */
export const NO_RUN: ExperimentRun = {
  phase: 'idle',
  total: 0,
  done: 0,
  running: 0,
  startedAt: null,
  endedAt: null,
  rows: [],
  sweep: null,
  factorNames: [],
  units: {},
  cells: {},
  layout: {},
  variants: 0,
  error: null,
  restoredAt: null,
};

export const experimentStore = createStore<ExperimentState>(() => ({ draft: loadDraft(browserStorage()) ?? emptyDraft(), run: NO_RUN, rate: null, openRequest: 0 }));

// The form is kept across reloads (draft-storage.ts), and so is the last run that ended with rows
// (result-storage.ts), in IndexedDB where the page has it.
const results = typeof indexedDB === 'undefined' ? null : idbResultStorage();
experimentStore.subscribe((s, before) => {
  if (s.draft !== before.draft) saveDraft(browserStorage(), s.draft);
  if (results && s.run.phase !== before.run.phase && before.run.phase === 'running') void keepResult(results, s.run);
});
if (results) {
  void readKeptResult(results).then((kept) => {
    // A run started meanwhile wins over the kept one.
    if (kept && experimentStore.getState().run.phase === 'idle') experimentStore.setState({ run: kept });
  });
}

/** Changes the form with `f`. */
export function changeDraft(f: (d: ExperimentDraft) => ExperimentDraft): void {
  experimentStore.setState((s) => ({ draft: f(s.draft) }));
}

/** Asks the results panel to show the Experiment tab. */
export function showExperimentPanel(): void {
  experimentStore.setState((s) => ({ openRequest: s.openRequest + 1 }));
}

/**
 * Wall seconds an experiment of `runs` runs of `duration` simulated seconds will take at `rate`
 * simulated seconds per wall second (null without a measured rate).
 */
export function estimateWallSeconds(runs: number, duration: number, rate: number | null): number | null {
  return rate === null || rate <= 0 ? null : (runs * duration) / rate;
}

/** Wall seconds left in a running experiment: the runs to go at the pace of the runs done (null before the first). */
export function secondsLeft(run: Pick<ExperimentRun, 'done' | 'total' | 'startedAt'>, now: number): number | null {
  if (run.startedAt === null || run.done === 0) return null;
  const perRun = (now - run.startedAt) / 1000 / run.done;
  return perRun * (run.total - run.done);
}
