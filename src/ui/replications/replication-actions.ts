/**
 * Analyse with 5 or 20 replications: the document's cell run from t = 0 for the chosen span with
 * seeds S, S+1, … (S: the cell's `simulation.seed`) on the page's pool of web workers
 * (src/bridge/run-pool.ts, the same run as `celltwin run --replications`), then each figure as
 * mean ± 95 % half-width. Escape or the Cancel button stop it at once (the workers end).
 */
import { defaultPoolSize, runOnPagePool, type PageRunJob } from '../../bridge/run-pool';
import { replicationReport, type ReplicationReport } from '../../experiments/summarize';
import { cellFileName } from '../../store/cell-file';
import { cellStore } from '../../store/app-store';
import { notify } from '../notices';
import { formatDuration } from '../units';
import { headlineFigures } from './headline-figures';
import { replicationStore, type ReplicationRun } from './replication-store';

/** Robot loops and finished parts left out at the start of each replication (the CLI's default). */
export const REPLICATION_WARMUP_CYCLES = 2;

let controller: AbortController | null = null;

const update = (patch: Partial<ReplicationRun>) => {
  const run = replicationStore.getState().run;
  if (run) replicationStore.setState({ run: { ...run, ...patch } });
};

/** The jobs of `replications` seeds of `cell` from its own seed on, each `seconds` long. */
export function replicationJobs(cell: PageRunJob['cell'], replications: number, seconds: number): PageRunJob[] {
  return Array.from({ length: replications }, (_, i) => {
    const seed = cell.simulation.seed + i;
    return { cell, seed, until: seconds, warmupCycles: REPLICATION_WARMUP_CYCLES, key: `seed ${seed}` };
  });
}

/** Runs `replications` seeds of the document's cell for `seconds` each (see the module comment). */
export async function analyseReplications(seconds: number, replications: number): Promise<void> {
  if (controller) return;
  const cell = cellStore.getState().cell;
  const jobs = replicationJobs(cell, replications, seconds);
  const own = new AbortController();
  controller = own;
  replicationStore.setState((s) => ({
    openRequest: s.openRequest + 1,
    run: {
      phase: 'running',
      cellName: cell.name,
      seeds: jobs.map((j) => j.seed),
      seconds,
      warmupCycles: REPLICATION_WARMUP_CYCLES,
      workers: defaultPoolSize(jobs.length),
      progress: { done: 0, total: jobs.length, running: 0, failed: 0 },
      startedAt: performance.now(),
      endedAt: null,
      rows: [],
      report: null,
      error: null,
    },
  }));
  try {
    const rows = await runOnPagePool(jobs, { signal: own.signal, onProgress: (progress) => update({ progress }) });
    const report = replicationReport(cell.name, rows, seconds, REPLICATION_WARMUP_CYCLES);
    update({ phase: 'done', endedAt: performance.now(), rows, report });
    const run = replicationStore.getState().run!;
    const wall = ((run.endedAt ?? run.startedAt) - run.startedAt) / 1000;
    const uph = headlineFigures(report.kpis, cell).find((f) => f.key === 'throughputUph');
    notify('info', `Analysed ${replications} × ${formatDuration(seconds)} of production in ${wall.toFixed(1)} s`, [
      `${uph ? `Throughput ${uph.text} ${uph.unit}` : 'No parts finished'} (mean ± 95 % half-width over seeds ${run.seeds[0]}–${run.seeds.at(-1)}); the Results panel lists every figure.`,
    ]);
  } catch (e) {
    if (own.signal.aborted) update({ phase: 'cancelled', endedAt: performance.now() });
    else {
      const message = e instanceof Error ? e.message : String(e);
      update({ phase: 'failed', endedAt: performance.now(), error: message });
      notify('error', 'The replications could not finish', [message]);
    }
  } finally {
    if (controller === own) controller = null;
  }
}

/** Stops the replications in progress (their workers end at once); true when there were some. */
export function cancelReplications(): boolean {
  if (!controller) return false;
  controller.abort();
  return true;
}

/** Downloads `report` as `<cell>-replications.json`: the same text `celltwin run --replications N --json` prints. */
export function exportReplicationJson(report: ReplicationReport): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${cellFileName(cellStore.getState().cell).replace(/\.cell\.json$/, '')}-replications.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/** Closes the replications panel (cancelling a run still going). */
export function closeReplications(): void {
  cancelReplications();
  replicationStore.setState({ run: null });
}
