/**
 * `?cell=URL`: fetch a .cell.json named in the page address (the embed and the full app both
 * read it). Same origin, or a server that allows this page by CORS. The answer is refused past
 * {@link MAX_CELL_URL_BYTES} (checked on Content-Length and again while reading), and any
 * failure comes back as one sentence naming the URL, so the page can say it and keep its cell.
 */
import type { Cell } from '../../model';
import { parseCellFile } from '../../store/cell-file';

/** Largest cell file a URL may deliver: a layout is kilobytes; imported meshes go through Open. */
export const MAX_CELL_URL_BYTES = 5 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a response body, stopping as soon as it passes `limit` bytes. */
async function boundedText(response: Response, limit: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > limit ? null : text;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

/** Fetches and reads the cell file at `url` (relative to `base`), or says why not. */
export async function fetchCellUrl(url: string, base: string = location.href, limit = MAX_CELL_URL_BYTES): Promise<{ cell: Cell } | { error: string }> {
  let address: URL;
  try {
    address = new URL(url, base);
  } catch {
    return { error: `${url}: not a valid address` };
  }
  if (address.protocol !== 'http:' && address.protocol !== 'https:') return { error: `${url}: only http and https addresses can be opened` };
  let response: Response;
  try {
    response = await fetch(address, { credentials: 'same-origin' });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { error: `${url}: could not be fetched (${why}); the file must be on this site or on a server that allows it (CORS)` };
  }
  if (!response.ok) return { error: `${url}: the server answered ${response.status} ${response.statusText}`.trim() };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { error: `${url}: the file is ${mb(declared)}, more than the ${mb(limit)} a linked cell may have` };
  const text = await boundedText(response, limit);
  if (text === null) return { error: `${url}: the file is more than the ${mb(limit)} a linked cell may have` };
  // The problems name the URL as their file: `URL:3: not valid JSON …`, `URL: items[0].pose …`.
  const parsed = parseCellFile(text, url);
  return parsed.ok ? { cell: parsed.cell } : { error: parsed.message };
}
