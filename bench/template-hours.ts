/**
 * `npx tsx bench/template-hours.ts [--until S] [NAME…]`: runs each scenario template (or those
 * whose file name contains a NAME) once, the way `celltwin run TEMPLATE --until S` does (the
 * CLI's own runCellFile, default S = 3600), and prints the wall time and simulated hours per wall
 * minute. Too slow for `npm run bench` (an hour of a template takes minutes), so it is a separate
 * measurement; the template rows of the bench (bench/cases/template-run-*.ts) run a shorter
 * stretch and say so in their names. Nothing is written; it is a plain report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runCellFile } from '../src/cli/commands/run';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = path.join(REPO_ROOT, 'assets/cells/templates');

function parseArgs(argv: readonly string[]): { until: number; names: string[] } {
  let until = 3600;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--until') {
      until = Number(argv[++i]);
      if (!(until > 0)) throw new Error(`--until needs seconds > 0, got ${argv[i]}`);
    } else names.push(argv[i]!.toLowerCase());
  }
  return { until, names };
}

async function main(): Promise<void> {
  const { until, names } = parseArgs(process.argv.slice(2));
  const index = JSON.parse(readFileSync(path.join(TEMPLATES, 'index.json'), 'utf8')) as Array<{ file: string }>;
  const chosen = index.filter((t) => names.length === 0 || names.some((n) => t.file.includes(n)));
  if (chosen.length === 0) throw new Error(`no template matches ${names.join(', ')}`);
  console.log(`celltwin run --until ${until}, one run per template, node ${process.version}\n`);
  console.log(['template'.padEnd(32), 'wall (s)'.padStart(9), 'sim h / wall min'.padStart(17), 'parts'.padStart(6)].join('  '));
  const errors: string[] = [];
  const io = { out: () => {}, err: (line: string) => errors.push(line), cwd: TEMPLATES };
  for (const { file } of chosen) {
    const start = performance.now();
    const run = await runCellFile(file, io, { until, warmupCycles: 2 });
    const wallS = (performance.now() - start) / 1000;
    if (typeof run === 'number') throw new Error(`${file}: ${errors.join('; ')}`);
    const hoursPerMinute = until / 3600 / (wallS / 60);
    console.log([file.padEnd(32), wallS.toFixed(1).padStart(9), hoursPerMinute.toFixed(2).padStart(17), String(run.kpis.partsFinished).padStart(6)].join('  '));
  }
}

main().catch((e: unknown) => {
  console.error(`template-hours: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
