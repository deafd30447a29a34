/**
 * The one run path of the command line: a checked cell file in, its facts, KPIs and (on request)
 * timeline out. `celltwin run`, `compare`, replications and sweeps (in worker threads and on
 * queue workers) all go through {@link simulateCell}, which loads the robots from files and hands
 * the run to experiments/run-cell.ts — the platform-neutral run the page's web workers share —
 * so a variant and seed give the same numbers wherever they run.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runCell, type SimulatedRun, type SimulateOptions } from '../experiments/run-cell';
import type { Cell } from '../model/cell';
import { formatProblem, readCell } from '../model/validate';
import { CellContentError } from '../sim/errors';
import { loadSimulationRobots } from './commands/run';
import type { CommandIO } from './command';
import { InputError } from './errors';

export type { SimulatedRun, SimulateOptions } from '../experiments/run-cell';

/** Reads the text of the file `file` (relative to `io.cwd`); an unreadable file is an InputError naming it. */
export async function readCellFileText(file: string, io: CommandIO): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Reads and checks the cell file `file` (relative to `io.cwd`), keeping its text; prints each
 * problem with its line and returns exit code 2 when the file is not a valid cell.
 */
export async function readCheckedCellText(file: string, io: CommandIO): Promise<{ cell: Cell; text: string } | number> {
  const text = await readCellFileText(file, io);
  const read = readCell(text);
  if (!read.ok) {
    for (const p of read.problems) io.err(`error: ${file}${p.line !== undefined ? `:${p.line}` : ''}: ${formatProblem(p)}`);
    return 2;
  }
  return { cell: read.cell, text };
}

/** {@link readCheckedCellText} without the text. */
export async function readCheckedCell(file: string, io: CommandIO): Promise<Cell | number> {
  const read = await readCheckedCellText(file, io);
  return typeof read === 'number' ? read : read.cell;
}

/**
 * Builds the simulation of `cell` (experiments/run-cell.ts: the single place an engine is chosen).
 * Re-exported for the callers that step a simulation themselves.
 */
export { buildSimulation } from '../experiments/run-cell';

/**
 * Simulates a checked `cell` (see the module comment): loads its robots from files
 * ({@link loadSimulationRobots}), then runs it through the platform-neutral
 * {@link runCell} that the page's web workers use too. `file` names the cell in messages.
 * Throws InputError for content the simulation cannot run (a target out of reach…).
 */
export async function simulateCell(cell: Cell, file: string, options: SimulateOptions): Promise<SimulatedRun> {
  const loaded = await loadSimulationRobots(cell);
  try {
    return await runCell(cell, loaded, options);
  } catch (e) {
    if (e instanceof CellContentError) throw new InputError(file, e.message);
    throw e;
  }
}
