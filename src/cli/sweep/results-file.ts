/**
 * The sweep's output file: CSV or JSON by its extension, read back on start (the runs it holds
 * are not run again) and rewritten as runs finish — atomically (a temporary file renamed over
 * it), so an interrupted sweep leaves a whole, readable file to resume from.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readRunRows, resultsCsv, resultsJson, type RunRow } from '../../experiments/results';
import type { SweepRun } from '../../experiments/variants';
import { InputError } from '../errors';

/** CSV or JSON, from the file's extension. */
export function resultsFormat(out: string): 'csv' | 'json' {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new InputError('--out', `"${out}": expected a .csv or .json file`);
}

/** The runs an earlier sweep already wrote to `path` (none when the file does not exist). */
export async function readFinished(path: string, shown: string, runs: readonly SweepRun[]): Promise<RunRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(shown, `cannot read the results file to resume from (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (text.trim() === '') return [];
  try {
    return readRunRows(text, resultsFormat(path), runs);
  } catch (e) {
    throw new InputError(shown, `cannot resume from it: ${e instanceof Error ? e.message : String(e)} (move it away to start afresh)`);
  }
}

/** The results text in the file's format. */
export function resultsText(path: string, rows: readonly RunRow[], factorNames: readonly string[], meta: Record<string, unknown>): string {
  return resultsFormat(path) === 'csv' ? resultsCsv(rows, factorNames) : resultsJson(rows, meta);
}

/** Writes `text` to `path` atomically. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
