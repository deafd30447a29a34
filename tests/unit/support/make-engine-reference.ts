/**
 * `npm run reference [-- [--seconds S] NAME…]`: records the physics engine's hour (or S simulated
 * seconds) of every agreement cell (or of those whose file name contains a NAME) into tests/fixtures/engine-reference/ (see
 * engine-reference.ts). Cells run in parallel, one child process each, as many as there are
 * cores. With `--one FILE` it records that one cell in this process (what each child does).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSimulationRobots } from '../../../src/cli/commands/run';
import { readCell } from '../../../src/model/validate';
import { createSimulation } from '../../../src/physics/create-simulation';
import { REPO_ROOT } from '../corpus-helpers';
import { AGREEMENT_CELLS, AGREEMENT_SECONDS, REFERENCE_DIR, packLog, referenceInputsHash, referencePath, type EngineReference } from './engine-reference';

async function recordOne(file: string, seconds: number): Promise<void> {
  const read = readCell(readFileSync(join(REPO_ROOT, file), 'utf8'));
  if (!read.ok) throw new Error(`${file}: not a valid cell`);
  const hash = referenceInputsHash(file);
  const sim = await createSimulation(read.cell, await loadSimulationRobots(read.cell));
  const started = Date.now();
  for (let t = 60; t < seconds; t += 60) {
    sim.runUntil(t);
    sim.drainEvents();
  }
  sim.runUntil(seconds);
  sim.drainEvents();
  const reference: EngineReference = { cell: file, hash, seconds, log: packLog(sim.activityLog()) };
  sim.free();
  mkdirSync(REFERENCE_DIR, { recursive: true });
  writeFileSync(referencePath(file), `${JSON.stringify(reference, null, 1)}\n`);
  console.log(`${file}: ${seconds} s in ${((Date.now() - started) / 1000).toFixed(0)} s wall`);
}

/**
 * `--rehash`: stamps the existing references with the current inputs hash without running them.
 * Only for a change that cannot move the physics run (a renamed local, a moved line); anything
 * else needs a new recording.
 */
function rehash(): void {
  for (const file of AGREEMENT_CELLS) {
    const path = referencePath(file);
    let reference: EngineReference;
    try {
      reference = JSON.parse(readFileSync(path, 'utf8')) as EngineReference;
    } catch {
      continue;
    }
    writeFileSync(path, `${JSON.stringify({ ...reference, hash: referenceInputsHash(file) }, null, 1)}\n`);
    console.log(`${file}: rehashed`);
  }
}

async function main(argv: string[]): Promise<void> {
  let seconds = AGREEMENT_SECONDS;
  const s = argv.indexOf('--seconds');
  if (s >= 0) {
    seconds = Number(argv[s + 1]);
    if (!(seconds > 0)) throw new Error(`--seconds needs a positive number, got ${argv[s + 1]}`);
    argv = argv.filter((_, i) => i !== s && i !== s + 1);
  }
  if (argv[0] === '--one') return recordOne(argv[1]!, seconds);
  if (argv[0] === '--rehash') return rehash();
  const names = argv;
  const cells = AGREEMENT_CELLS.filter((f) => names.length === 0 || names.some((n) => f.includes(n)));
  const queue = [...cells];
  const self = fileURLToPath(import.meta.url);
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const f = file;
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', self, '--seconds', String(seconds), '--one', f], { stdio: 'inherit', cwd: REPO_ROOT });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${f}: exit ${code}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(cells.length, availableParallelism()) }, worker));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`reference: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
