#!/usr/bin/env node
// The `celltwin` command. Runs the JavaScript bundle in build/cli/ (made by bin/build-cli.mjs at
// `npm install` and before the tests). Without a bundle, or when a file in src/ is newer than it
// (someone is editing the sources), it runs the TypeScript sources through tsx, a development
// dependency, so what runs is always what the sources say.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../build/cli/celltwin.js', import.meta.url));
const sources = fileURLToPath(new URL('../src/', import.meta.url));

/** True when some file under `dir` was modified after `time` (ms). A few ms for all of src/. */
function changedSince(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? changedSince(path, time) : statSync(path).mtimeMs > time) return true;
  }
  return false;
}

const fresh = existsSync(bundle) && !(existsSync(sources) && changedSince(sources, statSync(bundle).mtimeMs));

if (fresh) {
  await import(new URL('../build/cli/celltwin.js', import.meta.url).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('error: celltwin: the CLI bundle in build/cli/ is missing or older than src/, and tsx is not installed to run the sources; run `node bin/build-cli.mjs`\n');
    process.exit(1);
  }
  register();
  await import('../src/cli/main.ts');
}
