import { embeddedRobotProblems } from '../../io/urdf/cell-robots';
import { formatProblem, readCell } from '../../model';
import { readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { readCellFileText } from '../simulate';

/** `celltwin validate FILE.cell.json`: prints every problem, exits 2 when there is any. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a .cell.json file against the schema (migrating older versions)',
  usage: 'celltwin validate FILE.cell.json [--json]',
  async run(argv, io) {
    const { values, positionals } = readArgs('validate', argv, { json: { type: 'boolean' } });
    const file = positionals[0];
    if (file === undefined) throw new InputError('validate', 'expected a cell file: celltwin validate FILE.cell.json');
    const text = await readCellFileText(file, io);
    const read = readCell(text);
    // The robots embedded in the file are read too, as `run` reads them: validate refuses what run refuses.
    const robotProblems = read.ok ? embeddedRobotProblems(read.cell) : [];
    const result: typeof read = robotProblems.length > 0 ? { ok: false, problems: robotProblems } : read;
    if (values.json) {
      io.out(JSON.stringify(result.ok ? { ok: true, migrations: result.migrations, items: result.cell.items.length } : { ok: false, problems: result.problems }));
    } else if (result.ok) {
      io.out(`${file}: ok (${result.cell.items.length} items${result.migrations.length ? `; migrated: ${result.migrations.join('; ')}` : ''})`);
    }
    if (result.ok) return 0;
    for (const p of result.problems) io.err(`error: ${file}${p.line !== undefined ? `:${p.line}` : ''}: ${formatProblem(p)}`);
    return 2;
  },
};
