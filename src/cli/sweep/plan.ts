/**
 * A sweep file read and planned for the command line: the sweep checked, its base cell read
 * (from a file next to the sweep file, or inline), the variants designed, each variant's cell
 * built and checked, and every run (variant × seed) listed with its key and its task.
 * Problems become InputError naming the sweep file and the place in it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Cell } from '../../model/cell';
import { formatProblem, readCell } from '../../model/validate';
import { planSweepOn } from '../../experiments/sweep-plan';
import { readSweep, type SweepFile } from '../../experiments/sweep-schema';
import { SweepError, type SweepRun } from '../../experiments/variants';
import type { CommandIO } from '../command';
import { InputError } from '../errors';
import type { RunTask } from '../pool/run-task';

/** A planned sweep. */
export interface SweepPlan {
  file: string;
  sweep: SweepFile;
  factorNames: string[];
  runs: SweepRun[];
  /** The task of a run (its variant's cell, seed, duration). */
  task(run: SweepRun): RunTask;
}

async function readText(path: string, name: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(name, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Reads and plans the sweep file `file` (relative to `io.cwd`); throws InputError for bad input. */
export async function planSweep(file: string, io: CommandIO): Promise<SweepPlan> {
  const path = resolve(io.cwd, file);
  const read = readSweep(await readText(path, file));
  if (!read.ok) {
    const first = read.problems[0]!;
    const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more: ${read.problems.slice(1, 4).map(formatProblem).join('; ')})` : '';
    throw new InputError(file, `${formatProblem(first)}${more}`, first.line);
  }
  const sweep = read.sweep;
  let base: Cell;
  if (typeof sweep.base === 'string') {
    const basePath = resolve(dirname(path), sweep.base);
    const cell = readCell(await readText(basePath, sweep.base));
    if (!cell.ok) throw new InputError(sweep.base, `base cell of ${file}: ${cell.problems.map(formatProblem).join('; ')}`, cell.problems[0]?.line);
    base = cell.cell;
  } else {
    const cell = readCell(JSON.stringify(sweep.base));
    if (!cell.ok) throw new InputError(file, cell.problems.map((p) => `base${p.path ? `.${p.path}` : ''}: ${p.message}`).join('; '));
    base = cell.cell;
  }
  try {
    // The same planning as the page's Experiment panel (experiments/sweep-plan.ts): variants,
    // their checked cells, the KPI names checked against what the runs give, the runs.
    const planned = planSweepOn(sweep, base);
    return {
      file,
      sweep,
      factorNames: planned.factorNames,
      runs: planned.runs,
      task: (run) => {
        const job = planned.job(run);
        return {
          cell: job.cell,
          file: `${file} variant ${run.variant.index + 1}`,
          seed: job.seed,
          until: job.until,
          warmupCycles: job.warmupCycles,
          ...(job.engine === undefined ? {} : { engine: job.engine }),
        };
      },
    };
  } catch (e) {
    if (e instanceof SweepError) throw new InputError(file, `${e.path}: ${e.message}`);
    throw e;
  }
}
