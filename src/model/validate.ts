/**
 * Reading a cell file: JSON text → migrated → validated `Cell`, or a list of problems, each
 * naming its path inside the file (`items[3].pose.xyz: expected 3 numbers`).
 */
import type { Cell } from './cell';
import { cellSchema } from './cell-schema';
import { checkJsonLimits, MAX_CELL_CHARS } from './input-limits';
import { locateJsonError } from './json-location';
import { MigrationError, migrateCell } from './migrations';
import { settleMounts } from './mounts';
import { findLibraryEntry, libraryGrippers, libraryRobots } from './robot-library';

/** One thing wrong with a file, with where it is. `path` is empty for the whole document. */
export interface Problem {
  path: string;
  message: string;
  /** 1-based line in the file, when the problem is a JSON syntax error. */
  line?: number;
}

/** The outcome of reading a cell: the cell, or every problem found. */
export type CellReadResult =
  | { ok: true; cell: Cell; migrations: string[] }
  | { ok: false; problems: Problem[] };

/** Formats a path as JavaScript would index it: `items[3].pose.xyz`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** `path: message`, or just the message for the whole document. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/**
 * Validates an already-parsed, current-version document. Never throws: a document past the
 * structural limits (input-limits.ts) is refused before the schema walks it.
 */
export function validateCell(doc: unknown): CellReadResult {
  const limit = checkJsonLimits(doc);
  if (limit) return { ok: false, problems: [{ path: formatPath(limit.path), message: limit.message }] };
  let result;
  try {
    result = parseWithSchema(doc);
  } catch (e) {
    // The limits above keep the schema's recursion and issue lists small; this is the last guard.
    if (e instanceof RangeError) return { ok: false, problems: [{ path: '', message: 'the document is too large or too deeply nested to check; refused' }] };
    throw e;
  }
  if (result.success) {
    const problems = [...duplicateIds(result.data), ...unknownLibraryIds(result.data)];
    if (problems.length > 0) return { ok: false, problems };
    // A mounted robot's pose is derived from its mount: a hand-edited file is put right on reading.
    return { ok: true, cell: settleMounts(result.data, result.data), migrations: [] };
  }
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue): Problem[] => {
      if (issue.code !== 'unrecognized_keys') return [{ path: formatPath(issue.path), message: issue.message }];
      // At the top level the object's path is empty: name each unknown field as its own place.
      if (issue.path.length === 0) return issue.keys.map((k) => ({ path: formatPath([k]), message: `unknown field "${k}"` }));
      return [{ path: formatPath(issue.path), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` }];
    }),
  };
}

function parseWithSchema(doc: unknown) {
  return cellSchema.safeParse(doc, {
    // Plain wording for the fields that carry no message of their own.
    error: (iss) =>
      iss.input === undefined
        ? 'required field is missing'
        : iss.code === 'invalid_type'
          ? `expected ${iss.expected === 'int' ? 'a whole number' : iss.expected}`
          : iss.code === 'invalid_union'
            ? 'not one of the forms this field may take'
            : undefined,
  });
}

/** Robots and tools that name a bundled model this build does not have. */
function unknownLibraryIds(cell: Cell): Problem[] {
  const problems: Problem[] = [];
  cell.items.forEach((item, i) => {
    if (item.type !== 'robot') return;
    if (item.source.type === 'bundled' && findLibraryEntry(item.source.id)?.kind !== 'robot') {
      const known = libraryRobots().map((r) => r.id).join(', ');
      problems.push({ path: `items[${i}].source.id`, message: `no bundled robot "${item.source.id}" (known: ${known})` });
    }
    if (item.tool && findLibraryEntry(item.tool.id)?.kind !== 'gripper') {
      const known = libraryGrippers().map((g) => g.id).join(', ');
      problems.push({ path: `items[${i}].tool.id`, message: `no bundled tool "${item.tool.id}" (known: ${known})` });
    }
  });
  return problems;
}

/**
 * Ids that name two things. Items and the cell's `parts` share one name space (the simulation
 * names bodies by them, and `floor` is taken by the floor), so `run` and `validate` refuse the same.
 */
function duplicateIds(cell: Cell): Problem[] {
  const seen = new Map<string, string>([['floor', 'the floor']]);
  const problems: Problem[] = [];
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path: `${path}.id`, message: `duplicate id "${id}" (also ${first})` });
    else seen.set(id, path);
  };
  cell.items.forEach((item, i) => claim(item.id, `items[${i}]`));
  (cell.parts ?? []).forEach((part, i) => claim(part.id, `parts[${i}]`));
  return problems;
}

/** Parses JSON text, migrates it to the current version and validates it. Never throws. */
export function readCell(text: string): CellReadResult {
  // Editors on Windows like to start files with a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.length > MAX_CELL_CHARS) {
    return { ok: false, problems: [{ path: '', message: `the file holds ${mb(body.length)} of text, more than the limit of ${mb(MAX_CELL_CHARS)} for a cell; refused` }] };
  }
  if (body.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return { ok: false, problems: [jsonProblem(body, e)] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '', message: 'expected a JSON object (a CellTwin cell)' }] };
  }
  const limit = checkJsonLimits(raw);
  if (limit) return { ok: false, problems: [{ path: formatPath(limit.path), message: limit.message }] };
  let migrated;
  try {
    migrated = migrateCell(raw as Record<string, unknown>);
  } catch (e) {
    if (e instanceof MigrationError) return { ok: false, problems: [{ path: e.path, message: e.message.slice(e.path.length + 2) }] };
    throw e;
  }
  const result = validateCell(migrated.doc);
  return result.ok ? { ...result, migrations: migrated.applied } : result;
}

const mb = (chars: number): string => `${(chars / (1024 * 1024)).toFixed(1)} MB`;

/**
 * A syntax error with its line. Node 20's JSON.parse gives no position and engines word it
 * differently, so the position comes from our own scan; JSON.parse's text is the fallback.
 */
function jsonProblem(text: string, e: unknown): Problem {
  const at = locateJsonError(text);
  if (at === null) return { path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  return { path: '', message: `not valid JSON: ${at.message} (line ${at.line}, column ${at.column})`, line: at.line };
}
