/**
 * Saving to and opening from `.cell.json` files. Everything here is framework-free and runs in
 * Node except `downloadCell` and `readCellFile`, which need the browser's Blob/File/URL.
 */
import { formatProblem, readCell, type Cell, type Problem } from '../model';
import { withStableKeys } from './json';

/** The extension every cell file carries. */
export const CELL_FILE_EXTENSION = '.cell.json';
/** For `<input type="file" accept=…>`: cell files, and plain JSON in case a mail client renamed one. */
export const CELL_FILE_ACCEPT = '.cell.json,.json,application/json';

/** The outcome of opening a file: the cell and the migrations it needed, or one readable message. */
export type ParseCellFileResult =
  | { ok: true; cell: Cell; migrations: string[] }
  | {
      ok: false;
      /** One line per problem, each naming the file: `a.cell.json: items[3].pose.xyz: expected 3 numbers`. */
      message: string;
      /** The same problems, structured, for a UI that lists them. */
      problems: Problem[];
    };

/**
 * The file text of a cell: 2-space indented JSON with a trailing newline and a fixed key order
 * (version and name first, then alphabetical), so that the same cell always gives the same bytes
 * and files diff cleanly under version control.
 */
export function serializeCell(cell: Cell): string {
  return `${JSON.stringify(withStableKeys(cell), null, 2)}\n`;
}

/**
 * A file name for a cell from its name: `My Cell` → `my-cell.cell.json`. Letters of any script
 * are kept (a Chinese cell name stays readable); anything else becomes a dash.
 */
export function cellFileName(cell: Pick<Cell, 'name'>): string {
  const slug = cell.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents off: "Zelle Süd" → "zelle-sud"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return `${slug || 'cell'}${CELL_FILE_EXTENSION}`;
}

/**
 * Reads a cell file's text: JSON → migrated → validated. Never throws. On failure the message
 * names the file, and the line for a JSON syntax error (`broken.cell.json:3: not valid JSON: …`)
 * or the path of each problem, in the `file[:line]: what` form the CLI also uses.
 */
export function parseCellFile(text: string, fileName: string): ParseCellFileResult {
  const result = readCell(text);
  if (result.ok) return result;
  const message = result.problems
    .map((p) => `${fileName}${p.line !== undefined ? `:${p.line}` : ''}: ${formatProblem(p)}`)
    .join('\n');
  return { ok: false, message, problems: result.problems };
}

/** Reads a File the user picked or dropped (browser). Never rejects: read errors become a message. */
export async function readCellFile(file: Blob & { name: string }): Promise<ParseCellFileResult> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const message = `could not read the file: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, message: `${file.name}: ${message}`, problems: [{ path: '', message }] };
  }
  return parseCellFile(text, file.name);
}

/** How long the download URL stays valid; revoking at once cancels the download in some browsers. */
const REVOKE_AFTER_MS = 40_000;

/** Saves a cell as a file through the browser's download (Blob + a temporary anchor). Browser only. */
export function downloadCell(cell: Cell, fileName: string = cellFileName(cell)): void {
  const blob = new Blob([serializeCell(cell)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  // Firefox only follows a click on an anchor that is in the document.
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
