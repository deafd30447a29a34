/**
 * Worker-thread entry of the local run pool (tinypool): one task in, one result out. Kept tiny
 * so that the bundled CLI can ship it as its own entry point next to the main bundle
 * (`run-worker.js`); run-pool.ts finds it either way.
 */
import { runTask, type RunTask, type RunTaskResult } from './run-task';

/** Tinypool calls the default export with each task. */
export default function run(task: RunTask): Promise<RunTaskResult> {
  return runTask(task);
}
