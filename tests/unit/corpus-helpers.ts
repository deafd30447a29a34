/**
 * Where the robot test corpus is, and its manifest. The corpus lives in the repository
 * (tests/corpus, a package root: `package://NAME/…` is NAME/… below it), so a fresh clone needs
 * no sibling folder. tests/corpus/SOURCES.md says where each folder comes from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of tests/corpus. */
export const CORPUS = join(REPO_ROOT, 'tests', 'corpus');

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
  /**
   * Meshes upstream has but this repository leaves out to stay small (`package://` names as the
   * URDF writes them); tests that only resolve paths need no mesh bytes.
   */
  left_out: string[];
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
