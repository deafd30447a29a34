/**
 * Share links: the whole cell, compressed, in the URL fragment (`#cell=…`), so a link works from
 * a static host with no server and the cell never leaves the browser. zlib (deflate + Adler-32,
 * via fflate) makes truncated or tampered links fail loudly instead of opening a wrong cell.
 */
import { strFromU8, strToU8, Unzlib, zlibSync } from 'fflate';
import { formatProblem, readCell, type Cell, type Problem } from '../model';
import { MAX_SHARE_INFLATED_BYTES } from '../model/input-limits';

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

/** A link whose cell would inflate past the stated size: refused before the memory is spent. */
class TooLarge extends Error {}

/**
 * Inflates zlib data in 4 KB input steps with a running total of the output, stopping the
 * moment it passes `limit` bytes: a small link that expands a thousandfold (a "zip bomb") costs
 * at most `limit` bytes (plus one step's output, ≤ 4 MB at deflate's 1032:1), never the
 * gigabytes its data would make. fflate's streaming inflater skips the zlib checksum, so the
 * Adler-32 is computed here as the data comes: a tampered link still fails loudly.
 */
function inflateCapped(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  let a = 1;
  let b = 0;
  const inflater = new Unzlib((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
    for (let i = 0; i < chunk.length; ) {
      // Reduce modulo 65521 every 5552 bytes, as zlib does, so the sums stay small exact integers.
      const end = Math.min(chunk.length, i + 5552);
      for (; i < end; i++) {
        a += chunk[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    if (final) ended = true;
  });
  const step = 4 * 1024;
  for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
  if (data.length < 6 || !ended) throw new Error('the data ends before the compressed stream does');
  const stored = ((data[data.length - 4]! << 24) | (data[data.length - 3]! << 16) | (data[data.length - 2]! << 8) | data[data.length - 1]!) >>> 0;
  if (stored !== ((b << 16) | a) >>> 0) throw new Error('checksum mismatch');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
  if (payload.length > MAX_SHARE_LINK_CHARS) {
    return { kind: 'error', message: `This share link cannot be opened: it is ${payload.length.toLocaleString('en-US')} characters long, more than the limit of ${MAX_SHARE_LINK_CHARS.toLocaleString('en-US')}. Ask for the .cell.json file instead.`, problems: [] };
  }
  let json: string;
  try {
    json = strFromU8(inflateCapped(fromBase64Url(payload), MAX_SHARE_INFLATED_BYTES));
  } catch (e) {
    if (e instanceof TooLarge) {
      const mb = MAX_SHARE_INFLATED_BYTES / (1024 * 1024);
      return { kind: 'error', message: `This share link cannot be opened: its cell expands past ${mb} MB, the limit for a link (it was made by something other than CellTwin, or was changed). Ask for the .cell.json file instead.`, problems: [] };
    }
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
