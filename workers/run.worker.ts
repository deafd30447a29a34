/**
 * A worker of the page's run pool (src/bridge/run-pool.ts): runs one cell and seed at a time
 * through the platform-neutral run the CLI uses too (src/experiments/run-cell.ts), so a cell and
 * seed give byte-identical KPI rows here and in `celltwin run --replications`.
 */
import { isPing, type RunResponse, type ToRunWorker } from '../src/bridge/run-protocol';
import { runCell, runRecordOf } from '../src/experiments/run-cell';

const scope = self as unknown as Worker;

scope.onmessage = async (event: MessageEvent<ToRunWorker>) => {
  if (isPing(event.data)) return scope.postMessage({ type: 'pong' });
  const { id, cell, robots, tools, seed, until, warmupCycles, engine } = event.data;
  let reply: RunResponse;
  try {
    const run = await runCell(cell, { robots, tools }, { seed, until, warmupCycles, ...(engine === undefined ? {} : { engine }) });
    reply = { id, ok: true, record: runRecordOf(run) };
  } catch (e) {
    reply = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
