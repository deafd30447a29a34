/**
 * Node-only: the disk as RobotFiles, for the CLI, tests and benchmarks. Kept apart from the
 * parsing files (and out of the index barrel) so nothing the page bundles imports `node:fs`.
 * The sync calls serve the package search, which xacro-parser needs synchronously.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { RobotFiles } from './robot-files';

/** The local file system; paths may be absolute or relative to the process's working folder. */
export function nodeRobotFiles(): RobotFiles {
  return {
    isDir: (path) => {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    listDirs: (path) => {
      try {
        return readdirSync(path, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name);
      } catch {
        return [];
      }
    },
    readTextSync: (path) => {
      try {
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    readText: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    exists: async (path) => {
      try {
        return (await stat(path)).isFile();
      } catch {
        return false;
      }
    },
  };
}
