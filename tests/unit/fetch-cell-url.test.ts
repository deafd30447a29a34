/**
 * `?cell=URL` (src/ui/tour/fetch-cell-url.ts): a linked cell file is read like an opened one, and
 * every way it can fail comes back as one sentence that names the URL — too large (by its
 * Content-Length or by what actually arrives), a server error, a network failure, a bad file,
 * an address that is not http(s).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCellUrl, MAX_CELL_URL_BYTES } from '../../src/ui/tour/fetch-cell-url';

const BASE = 'https://vendor.example/demo/page.html';
const defaultText = readFileSync(new URL('../../assets/cells/default.cell.json', import.meta.url), 'utf8');

/** Answers every fetch with `response` and records the address asked for. */
function serve(response: () => Response): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: URL | string) => {
    asked.push(String(input));
    return response();
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('a cell file linked with ?cell=URL', () => {
  it('is fetched relative to the page and read like an opened file', async () => {
    const asked = serve(() => new Response(defaultText, { status: 200 }));
    const result = await fetchCellUrl('cells/demo.cell.json', BASE);
    expect(asked).toEqual(['https://vendor.example/demo/cells/demo.cell.json']);
    expect('cell' in result && result.cell.name).toBe('Pick and place demo');
  });

  it('is refused past 5 MB, by its declared length and by the bytes that arrive', async () => {
    expect(MAX_CELL_URL_BYTES).toBe(5 * 1024 * 1024);
    serve(() => new Response('{}', { headers: { 'Content-Length': String(6 * 1024 * 1024) } }));
    expect(await fetchCellUrl('big.cell.json', BASE)).toEqual({ error: 'big.cell.json: the file is 6.0 MB, more than the 5.0 MB a linked cell may have' });
    // No length given (a chunked answer): counted while it streams in.
    serve(() => new Response(new Blob([' '.repeat(MAX_CELL_URL_BYTES + 1)]).stream()));
    expect(await fetchCellUrl('stream.cell.json', BASE)).toEqual({ error: 'stream.cell.json: the file is more than the 5.0 MB a linked cell may have' });
  });

  it('names the URL when the server says no, the network fails or the file is bad', async () => {
    serve(() => new Response('nope', { status: 404, statusText: 'Not Found' }));
    expect(await fetchCellUrl('gone.cell.json', BASE)).toEqual({ error: 'gone.cell.json: the server answered 404 Not Found' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchCellUrl('https://other.example/c.cell.json', BASE)).toEqual({
      error: 'https://other.example/c.cell.json: could not be fetched (Failed to fetch); the file must be on this site or on a server that allows it (CORS)',
    });
    serve(() => new Response('{\n  "schemaVersion": 1,\n  oops\n}'));
    const bad = await fetchCellUrl('broken.cell.json', BASE);
    expect('error' in bad && bad.error).toMatch(/^broken\.cell\.json:3: /);
    expect(await fetchCellUrl('file:///etc/passwd', BASE)).toEqual({ error: 'file:///etc/passwd: only http and https addresses can be opened' });
  });
});
