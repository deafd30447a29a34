/**
 * How fast `celltwin --help` starts from the shipped bundle (build/cli/, made by
 * bin/build-cli.mjs): `node bin/celltwin.js --help` in a child process, against a bare
 * `node -e 0` — the floor any Node program pays. ours_ms − reference_ms is what loading the CLI
 * costs. Setup rebuilds the bundle first, so bin/celltwin.js runs it rather than falling back to
 * the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineCase } from '../harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function node(args: string[]): string {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

export default defineCase({
  name: 'cli: celltwin --help from the bundle',
  ours: 'node bin/celltwin.js --help (the esbuild bundle in build/cli/), in a child process',
  reference: 'node -e 0 in a child process (bare Node start-up)',
  rounds: 10,
  warmupRounds: 1,
  setup() {
    node(['bin/build-cli.mjs', '--quiet']);
    if (!node(['bin/celltwin.js', '--help']).startsWith('celltwin:')) throw new Error('celltwin --help printed something else');
    return { ours: () => node(['bin/celltwin.js', '--help']), reference: () => node(['-e', '0']) };
  },
  notes: (row) => `--help ${row.ours_ms.toFixed(0)} ms, of which Node itself ${row.reference_ms.toFixed(0)} ms`,
});
