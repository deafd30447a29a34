/**
 * Where the repository is, for the files the CLI ships with (the bundled robot library in
 * urdf/, the cell templates in assets/). Paths relative to a source file's `import.meta.url`
 * break once the CLI is bundled into build/cli/ (bin/build-cli.mjs), so lookups start from the
 * repository root instead: the nearest folder upwards holding CellTwin's package.json. That is
 * the same folder from src/cli/ (tsx) and from build/cli/ (the bundle).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isCellTwinRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'celltwin';
  } catch {
    return false;
  }
}

/**
 * The repository root seen from `from` (a file URL or path; default: this module). Throws when
 * no folder above it holds CellTwin's package.json, which only a broken install can cause.
 */
export function repoRoot(from: string = import.meta.url): string {
  const start = from.startsWith('file:') ? fileURLToPath(from) : from;
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (isCellTwinRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`no CellTwin package.json in any folder above ${start}`);
  }
}

/** Absolute path of `parts` below the repository root (`repoPath('urdf')`). */
export function repoPath(...parts: string[]): string {
  return join(repoRoot(), ...parts);
}
