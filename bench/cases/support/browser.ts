/**
 * Runs a URDF comparison in headless Chromium (the Chromium tests/browser/find-chromium.ts finds via playwright-core),
 * where the app runs: native DOMParser for urdf-loader and ColladaLoader, textures as real images.
 *
 * The page is served from a loopback URL answered by playwright's request routing (no server,
 * no network): the bench bundle (support/browser-entry.ts built with vite, minified like the app)
 * and the robot's files, which the page fetches into memory once before timing. The page is
 * cross-origin isolated so that `performance.now()` has 5 µs grain instead of 100 µs. Each timed
 * batch runs inside the page (`timeBatch`), so the round trip to Node is never counted.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { TaskPair } from '../../harness';
import type { BenchPageApi, BrowserKind, PageCheck, PageFile } from './browser-entry';
import type { CorpusRobot } from './corpus-robots';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../../..');
const ENTRY = path.join(HERE, 'browser-entry.ts');
// A loopback origin is a secure context, which cross-origin isolation needs; nothing listens there,
// every request is answered by page.route.
const ORIGIN = 'http://127.0.0.1:9';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

let bundle: Promise<Map<string, string>> | undefined;

/** The bench bundle's chunks by file name, built once per process. */
function benchBundle(): Promise<Map<string, string>> {
  bundle ??= (async () => {
    // Imported here, not at the top, so that running other cases never loads vite or playwright.
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        lib: { entry: ENTRY, formats: ['es'], fileName: 'bench' },
      },
    });
    const chunks = new Map<string, string>();
    for (const out of Array.isArray(result) ? result : [result]) {
      if (!('output' in out)) continue;
      for (const item of out.output) if (item.type === 'chunk') chunks.set(item.fileName, item.code);
    }
    if (!chunks.has('bench.js')) throw new Error(`the bench bundle has no bench.js (got ${[...chunks.keys()].join(', ')})`);
    return chunks;
  })();
  return bundle;
}

/** A comparison running in a page, and how to close it. */
export interface BrowserPair {
  pair: TaskPair;
  check: PageCheck;
  close(): Promise<void>;
}

/**
 * Opens Chromium on the bench page, loads `robot` into the page's memory, builds each side once
 * (returned as `check`) and returns a TaskPair whose batches are timed inside the page.
 */
export async function openBrowserPair(robot: CorpusRobot, kind: BrowserKind): Promise<BrowserPair> {
  const chunks = await benchBundle();
  let browser: Browser | undefined;
  try {
    const { chromium } = await import('playwright-core');
    const { findChromium } = await import('../../../tests/browser/find-chromium');
    browser = await chromium.launch({ executablePath: (await findChromium()).executablePath, headless: true, args: CHROMIUM_ARGS });
    const page: Page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    const files: PageFile[] = robot.files.map((f, i) => ({ key: f.key, kind: f.kind, url: `${ORIGIN}/file/${i}` }));
    await page.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') {
        const html = '<!doctype html><meta charset="utf-8"><title>celltwin bench</title><script type="module" src="/bench.js"></script>';
        return route.fulfill({ status: 200, headers: { ...ISOLATION, 'Content-Type': 'text/html; charset=utf-8' }, body: html });
      }
      const chunk = chunks.get(url.pathname.slice(1));
      if (chunk !== undefined) return route.fulfill({ status: 200, headers: { ...ISOLATION, 'Content-Type': 'text/javascript; charset=utf-8' }, body: chunk });
      const file = /^\/file\/(\d+)$/.exec(url.pathname);
      const entry = file ? robot.files[Number(file[1])] : undefined;
      if (entry) return route.fulfill({ status: 200, headers: { ...ISOLATION, 'Content-Type': 'application/octet-stream' }, body: Buffer.from(entry.bytes) });
      return route.fulfill({ status: 404, headers: ISOLATION, body: 'not found' });
    });
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'celltwinBench' in globalThis, undefined, { timeout: 30_000 });

    const loaded = await page.evaluate(
      (spec) => (globalThis as unknown as { celltwinBench: BenchPageApi }).celltwinBench.load(spec),
      { fileName: robot.input.fileName, text: robot.input.text, files },
    );
    if (!loaded.crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated (timer grain would be 100 µs)');
    const check = await page.evaluate((k) => (globalThis as unknown as { celltwinBench: BenchPageApi }).celltwinBench.check(k), kind);

    const timeBatch = async (side: 'ours' | 'reference', calls: number): Promise<number> => {
      const ms = await page.evaluate(
        ([k, s, n]) => (globalThis as unknown as { celltwinBench: BenchPageApi }).celltwinBench.batch(k, s, n),
        [kind, side, calls] as const,
      );
      if (pageErrors.length > 0) throw new Error(`error in the bench page: ${pageErrors.join('; ')}`);
      return ms;
    };
    const opened = browser;
    return {
      pair: { ours: () => timeBatch('ours', 1), reference: () => timeBatch('reference', 1), timeBatch },
      check,
      close: () => opened.close(),
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    throw e;
  }
}
