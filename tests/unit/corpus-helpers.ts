/**
 * Where the shared robot corpus is, and its manifest. Tests read the corpus in place
 * (../shared/corpus from the repository root) and never copy it into the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of ../shared/corpus. */
export const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

/** One robot row of corpus/manifest.json (the fields the tests use). */
export interface CorpusRobot {
  name: string;
  dest: string;
  links: number;
  joints: number;
  mimic: number;
  jtypes: Record<string, number>;
  omitted_visual: string[];
  check_urdf: boolean;
  robot_name: string;
}

/** The robots listed in corpus/manifest.json. */
export function corpusRobots(): CorpusRobot[] {
  return JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as CorpusRobot[];
}

/** Absolute path of a corpus file given relative to the corpus root. */
export function corpusPath(relativePath: string): string {
  return join(CORPUS, relativePath);
}

/** Text of a corpus file. */
export function corpusText(relativePath: string): string {
  return readFileSync(corpusPath(relativePath), 'utf8');
}

/** Every file under the corpus whose name matches `pattern`, relative to the corpus root, sorted. */
export function corpusFiles(pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) out.push(relative(CORPUS, full).split('\\').join('/'));
    }
  };
  walk(CORPUS);
  return out.sort();
}
