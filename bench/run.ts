/**
 * `npm run bench [-- FILTER…] [--rounds N]`: runs every case in bench/cases/ (or those whose file
 * or row name contains a FILTER), prints the table of ratios and writes bench/results.json.
 *
 * To add a row, add a file under bench/cases/ whose default export is `defineCase({…})` from
 * ./harness: a name, labels for both sides, and a setup returning `{ ours, reference }`.
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, runCase, sinkValue, type BenchCase, type BenchRow } from './harness';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const CASES_DIR = path.join(BENCH_DIR, 'cases');
const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

interface Args {
  filters: string[];
  rounds?: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rounds') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--rounds needs a positive integer, got ${argv[i]}`);
      args.rounds = n;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench [-- FILTER…] [--rounds N]');
      process.exit(0);
    } else {
      args.filters.push(a.toLowerCase());
    }
  }
  return args;
}

async function loadCases(): Promise<{ file: string; bench: BenchCase }[]> {
  const files = readdirSync(CASES_DIR)
    .filter((f) => /\.(ts|js|mts|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const cases = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(CASES_DIR, file)).href)) as { default?: BenchCase };
    if (!mod.default?.setup) throw new Error(`bench/cases/${file} has no default export made with defineCase()`);
    cases.push({ file, bench: mod.default });
  }
  return cases;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = await loadCases();
  const chosen = args.filters.length === 0 ? all : all.filter(({ file, bench }) => args.filters.some((f) => file.toLowerCase().includes(f) || bench.name.toLowerCase().includes(f)));
  if (chosen.length === 0) throw new Error(`no benchmark matches ${args.filters.join(', ')}; cases: ${all.map((c) => c.file).join(', ')}`);

  console.log(`celltwin bench: ${chosen.length} case(s), node ${process.version}, ${process.platform}/${process.arch}\n`);
  const rows: BenchRow[] = [];
  for (const { file, bench } of chosen) {
    process.stdout.write(`  running ${file} …`);
    const row = await runCase(bench, args.rounds === undefined ? {} : { rounds: args.rounds });
    rows.push(row);
    process.stdout.write(' done\n');
  }
  void sinkValue();

  console.log(`\n${formatTable(rows)}\n`);
  const results = { date: new Date().toISOString(), node: process.version, platform: `${process.platform}/${process.arch}`, rows };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`);
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
