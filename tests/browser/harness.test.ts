/**
 * The harness checks itself, without a browser: the server's headers and MIME types, the blank-
 * canvas measure, and the message when Chromium is missing. A harness that passes everything
 * would make the browser suite worthless.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium';
import { measurePng, serveStatic, type StaticServer } from './harness';

describe('the static server', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'celltwin-serve-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(root, 'assets', 'main.js'), 'export {};');
    await writeFile(path.join(root, 'assets', 'rapier.wasm'), Buffer.from([0, 97, 115, 109]));
    await writeFile(path.join(root, 'assets', 'arm.urdf'), '<robot name="a"/>');
    await writeFile(path.join(root, 'assets', 'link.stl'), 'solid x\nendsolid x\n');
    server = await serveStatic({ root, base: '/app/' });
  });

  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and mounts the site under the sub-folder', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/$/);
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>x</title>');
  });

  it('sends the cross-origin isolation headers on every file', async () => {
    const res = await fetch(`${server.url}assets/main.js`);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('serves JavaScript, WebAssembly, URDF and STL with their MIME types', async () => {
    const type = async (file: string) => (await fetch(`${server.url}assets/${file}`)).headers.get('content-type');
    expect(await type('main.js')).toBe('text/javascript; charset=utf-8');
    expect(await type('rapier.wasm')).toBe('application/wasm');
    expect(await type('arm.urdf')).toBe('application/xml; charset=utf-8');
    expect(await type('link.stl')).toBe('model/stl');
  });

  it('answers 404 for missing files and outside the sub-folder, and records them', async () => {
    expect((await fetch(`${server.url}assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/assets/main.js`)).status).toBe(404);
    expect(server.notFound).toEqual(['/app/assets/nope.js', '/assets/main.js']);
    server.notFound.length = 0;
  });

  it('never serves a file outside its folder', async () => {
    expect((await fetch(`${server.url}..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});

/** A PNG of the given size whose pixels come from `colour(x, y)`. */
function makePng(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(x, y);
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

describe('the blank-canvas measure', () => {
  it('finds one colour and no foreground in a cleared canvas', () => {
    const stats = measurePng(makePng(64, 40, () => [30, 30, 36]));
    expect(stats).toMatchObject({ width: 64, height: 40, distinctColours: 1, nonBackgroundShare: 0 });
  });

  it('finds many colours and a foreground share in a drawn canvas', () => {
    const stats = measurePng(makePng(64, 40, (x, y) => (x < 32 ? [30, 30, 36] : [x * 4, y * 6, 128])));
    expect(stats.distinctColours).toBeGreaterThan(100);
    expect(stats.background).toBe('#1c1c24');
    expect(stats.nonBackgroundShare).toBeCloseTo(0.5, 2);
  });
});

describe('finding a Chromium', () => {
  const none = (): Promise<string> => Promise.reject(new Error('not on this platform'));
  it('takes CHROMIUM_PATH first, then the system Chromium, then the npm package', async () => {
    const exists = (p: string): boolean => p === '/opt/c' || p === '/usr/bin/chromium';
    await expect(findChromium({ env: { CHROMIUM_PATH: '/opt/c' }, exists, packaged: none })).resolves.toEqual({ executablePath: '/opt/c', source: 'CHROMIUM_PATH' });
    await expect(findChromium({ env: {}, exists, packaged: none })).resolves.toEqual({ executablePath: '/usr/bin/chromium', source: 'system' });
    await expect(findChromium({ env: {}, exists: () => false, packaged: () => Promise.resolve('/tmp/chromium') })).resolves.toEqual({ executablePath: '/tmp/chromium', source: '@sparticuz/chromium' });
  });
  it('refuses a CHROMIUM_PATH that does not exist, naming it', async () => {
    await expect(findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chromium' }, exists: () => false, packaged: none })).rejects.toThrow('CHROMIUM_PATH=/nonexistent/chromium: no such file');
  });
  it('says what to do when no Chromium is found at all', async () => {
    await expect(findChromium({ env: {}, exists: () => false, packaged: none })).rejects.toThrow(/No Chromium found[\s\S]*not on this platform/);
  });
});
