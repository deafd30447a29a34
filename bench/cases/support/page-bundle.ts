/**
 * A bench page made of one entry module, bundled with vite (minified, production React/three like
 * the app) and served from a loopback origin that nothing listens on: playwright's request
 * routing answers every request, with the cross-origin isolation headers (so timers have 5 µs
 * grain, as in the app).
 */
import type { Page } from 'playwright-core';

const ORIGIN = 'http://127.0.0.1:9';
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const bundles = new Map<string, Promise<Map<string, string>>>();

/** The chunks of `entry` bundled as an ES module (`page.js` first), built once per process. */
function pageBundle(entry: string): Promise<Map<string, string>> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = (async () => {
      const { build } = await import('vite');
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: { write: false, target: 'es2022', minify: true, lib: { entry, formats: ['es'], fileName: 'page' } },
      });
      const chunks = new Map<string, string>();
      for (const out of Array.isArray(result) ? result : [result]) {
        if (!('output' in out)) continue;
        for (const item of out.output) if (item.type === 'chunk') chunks.set(item.fileName, item.code);
      }
      if (!chunks.has('page.js')) throw new Error(`the bundle of ${entry} has no page.js (got ${[...chunks.keys()].join(', ')})`);
      return chunks;
    })();
    bundles.set(entry, bundle);
  }
  return bundle;
}

/**
 * Opens the page of `entry` in `page` and waits until the bundle has set `globalName` on
 * globalThis. Throws if the page is not cross-origin isolated.
 */
export async function openBundlePage(page: Page, entry: string, globalName: string): Promise<void> {
  const chunks = await pageBundle(entry);
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      const html = '<!doctype html><meta charset="utf-8"><title>celltwin bench</title><script type="module" src="/page.js"></script>';
      return route.fulfill({ status: 200, headers: { ...ISOLATION, 'Content-Type': 'text/html; charset=utf-8' }, body: html });
    }
    const chunk = chunks.get(url.pathname.slice(1));
    if (chunk !== undefined) return route.fulfill({ status: 200, headers: { ...ISOLATION, 'Content-Type': 'text/javascript; charset=utf-8' }, body: chunk });
    return route.fulfill({ status: 404, headers: ISOLATION, body: 'not found' });
  });
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  await page.waitForFunction((name) => name in globalThis, globalName, { timeout: 30_000 });
  if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) throw new Error('the bench page is not cross-origin isolated (timer grain would be 100 µs)');
}
