/**
 * Share links: the whole cell, compressed, in the URL fragment (`#cell=…`), so a link works from
 * a static host with no server and the cell never leaves the browser. zlib (deflate + Adler-32,
 * via fflate) makes truncated or tampered links fail loudly instead of opening a wrong cell.
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { formatProblem, readCell, type Cell, type Problem } from '../model';

/** The fragment key of a shared cell. */
export const SHARE_KEY = 'cell';
/** Browsers cope with URLs of a few MB; past this a link is impractical to paste anywhere. */
export const MAX_SHARE_LINK_CHARS = 2_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it contains characters a CellTwin link never has');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (without `#`) that carries `cell`. */
export function encodeShareFragment(cell: Cell): string {
  return `${SHARE_KEY}=${toBase64Url(zlibSync(strToU8(JSON.stringify(cell)), { level: 9 }))}`;
}

/** Outcome of reading a link: no cell in it, a cell, or what is wrong with it. */
export type ShareLinkResult = { kind: 'none' } | { kind: 'cell'; cell: Cell } | { kind: 'error'; message: string; problems: Problem[] };

/** Reads the cell from a URL fragment (`#cell=…`, with or without the `#`). Never throws. */
export function decodeShareFragment(fragment: string): ShareLinkResult {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const payload = params.get(SHARE_KEY);
  if (payload === null) return { kind: 'none' };
  let json: string;
  try {
    json = strFromU8(unzlibSync(fromBase64Url(payload)));
  } catch (e) {
    const why = e instanceof Error && /characters/.test(e.message) ? e.message : 'it is truncated or was changed after it was made (the data does not decompress or fails its checksum)';
    return { kind: 'error', message: `This share link cannot be opened: ${why}. Ask for the link again, or for the .cell.json file.`, problems: [] };
  }
  const result = readCell(json);
  if (!result.ok) {
    return { kind: 'error', message: 'This share link holds a cell CellTwin cannot read:', problems: result.problems };
  }
  return { kind: 'cell', cell: result.cell };
}

/** Lines for showing a link error to the user. */
export function shareErrorLines(result: Extract<ShareLinkResult, { kind: 'error' }>): string[] {
  return result.problems.map(formatProblem);
}
