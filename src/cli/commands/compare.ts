/**
 * `celltwin compare A.json B.json`: simulates two variants of a cell the same way `celltwin run`
 * does and prints their KPIs side by side with the differences (B − A), so a planner sees what
 * a change of layout, program or equipment buys.
 */
import { compareKpis, compareText, roundDeep, type CellKpis, type CompareRow } from '../../sim/kpi';
import { readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { readRunOptions, runCellFile, RUN_OPTIONS, runReport, type RunReport } from './run';

/** What `celltwin compare --json` prints: both runs' full reports and the compared rows. */
export interface CompareReport {
  a: { file: string } & RunReport;
  b: { file: string } & RunReport;
  /** One row per figure: A, B, delta = B − A, change = delta / A (numbers rounded to 1e-6). */
  rows: CompareRow[];
}

/** `celltwin compare A.json B.json`. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'simulate two cell variants and print their KPIs side by side',
  usage:
    'celltwin compare A.json B.json [--until SECONDS] [--seed N] [--warmup N] [--engine events|physics] [--json]\n' +
    '  --until   simulated seconds for both (default: each cell\'s simulation.duration)\n' +
    '  --seed    random seed for both (default: each cell\'s simulation.seed)\n' +
    '  --warmup  robot loops and finished parts left out at the start (default 2)\n' +
    '  --engine  events or physics for both (default: each cell\'s simulation.engine, else events)\n' +
    '  --json    print both runs\' KPI objects and the compared rows as JSON\n' +
    'Differences are B − A; relative changes are (B − A) / A.',
  async run(argv, io) {
    const { values, positionals } = readArgs('compare', argv, RUN_OPTIONS);
    const [fileA, fileB, extra] = positionals;
    if (fileA === undefined || fileB === undefined) throw new InputError('compare', 'expected two cell files: celltwin compare A.json B.json');
    if (extra !== undefined) throw new InputError('compare', `expected two cell files, got a third: ${extra}`);
    const options = readRunOptions(values);
    const a = await runCellFile(fileA, io, options);
    if (typeof a === 'number') return a;
    const b = await runCellFile(fileB, io, options);
    if (typeof b === 'number') return b;
    // Compare the rounded figures, so a difference below the printed precision reads as none.
    const rows = roundDeep(compareKpis(roundDeep(a.kpis) as CellKpis, roundDeep(b.kpis) as CellKpis));
    if (values.json) {
      const report: CompareReport = { a: { file: fileA, ...runReport(a) }, b: { file: fileB, ...runReport(b) }, rows };
      io.out(JSON.stringify(report, null, 2));
    } else {
      io.out(
        [
          `A: ${a.facts.cell} (${fileA}), seed ${a.facts.seed}, ${a.facts.simulatedSeconds} s simulated`,
          `B: ${b.facts.cell} (${fileB}), seed ${b.facts.seed}, ${b.facts.simulatedSeconds} s simulated`,
          '',
          compareText('A', 'B', rows),
        ].join('\n'),
      );
    }
    return 0;
  },
};
