/**
 * `npm run reference [NAME…]`: records the physics engine's hour of every agreement cell (or of
 * those whose file name contains a NAME) into tests/fixtures/engine-reference/ (see
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

async function recordOne(file: string): Promise<void> {
  const read = readCell(readFileSync(join(REPO_ROOT, file), 'utf8'));
  if (!read.ok) throw new Error(`${file}: not a valid cell`);
  const hash = referenceInputsHash(file);
  const sim = await createSimulation(read.cell, await loadSimulationRobots(read.cell));
  const started = Date.now();
  for (let t = 60; t <= AGREEMENT_SECONDS; t += 60) {
    sim.runUntil(t);
    sim.drainEvents();
  }
  const reference: EngineReference = { cell: file, hash, seconds: AGREEMENT_SECONDS, log: packLog(sim.activityLog()) };
  sim.free();
  mkdirSync(REFERENCE_DIR, { recursive: true });
  writeFileSync(referencePath(file), `${JSON.stringify(reference, null, 1)}\n`);
  console.log(`${file}: ${AGREEMENT_SECONDS} s in ${((Date.now() - started) / 1000).toFixed(0)} s wall`);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--one') return recordOne(argv[1]!);
  const cells = AGREEMENT_CELLS.filter((f) => argv.length === 0 || argv.some((n) => f.includes(n)));
  const queue = [...cells];
  const self = fileURLToPath(import.meta.url);
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const f = file;
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', self, '--one', f], { stdio: 'inherit', cwd: REPO_ROOT });
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
