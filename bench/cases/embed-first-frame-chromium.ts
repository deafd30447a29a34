/**
 * Issue 16 benchmark: the embed's first frame against the full app's, for the default cell
 * ("first frame of the default cell within 1.2× the time of the full app"). Headless Chromium
 * (WebGL on SwiftShader), the built app served on 127.0.0.1 (support/app-pages.ts), 800 × 500.
 *
 * - ours: a fresh browser context opens `app/?embed` — no fragment and no `cell=`, so the embed
 *   shows the default cell; it loads its own chunk (embed-start) and none of the editor's panels,
 *   and starts running by itself (autoplay);
 * - reference: a fresh context opens `app/` — a first visit, which shows the same default cell in
 *   the full editor (after looking for an autosave in IndexedDB).
 *
 * Each call is one page opening timed inside the page from navigation start to the app's
 * "first frame rendered" flag (support/first-frame-page.ts); rounds alternate the two sides.
 * The notes give the medians, when every robot had loaded, and the JavaScript each side
 * downloaded (decoded bytes of the .js resources, from one extra untimed opening).
 */
import type { Browser } from 'playwright-core';
import { defineCase, type Side } from '../harness';
import type { StaticServer } from '../../tests/browser/harness';
import { launchChromium, serveApp } from './support/app-pages';
import { pairedFirstFrames } from './support/first-frame-page';

const VIEWPORT = { width: 800, height: 500 };
/** One warm-up round: a page opening takes seconds on SwiftShader. */
const WARMUP_ROUNDS = 1;

let browser: Browser | undefined;
let server: StaticServer | undefined;

/** Kilobytes of JavaScript a fresh page at `url` downloads until its first frame (decoded sizes). */
async function scriptKilobytes(url: string): Promise<number> {
  const context = await browser!.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__celltwin?.firstFrameRendered === true, undefined, { timeout: 120_000 });
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js(\?|$)/.test(e.name))
        .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
    );
    return bytes / 1024;
  } finally {
    await context.close();
  }
}

export default defineCase({
  name: 'embed → first frame: default cell (chromium)',
  ours: `fresh page on app/?embed (the default cell, embed view, autoplay): navigation start → first frame drawn; ${VIEWPORT.width}×${VIEWPORT.height}, SwiftShader`,
  reference: 'fresh page on app/ (first visit: the default cell in the full editor): navigation start → first frame drawn',
  rounds: 8,
  warmupRounds: WARMUP_ROUNDS,
  async setup() {
    server = await serveApp();
    browser = await launchChromium();
    const urls: Record<Side, string> = { ours: `${server.url}?embed`, reference: server.url };
    const metrics: Record<string, number> = {
      oursScriptKB: await scriptKilobytes(urls.ours),
      referenceScriptKB: await scriptKilobytes(urls.reference),
    };
    const timeBatch = pairedFirstFrames(() => browser!, urls, VIEWPORT, WARMUP_ROUNDS, metrics);
    return { ours: () => timeBatch('ours', 1), reference: () => timeBatch('reference', 1), timeBatch, metrics };
  },
  async teardown() {
    await browser?.close().catch(() => undefined);
    await server?.close();
    browser = undefined;
    server = undefined;
  },
  notes(row) {
    const m = row.metrics ?? {};
    const ms = (k: string) => (m[k] ?? NaN).toFixed(0);
    const robotsRatio = (m['oursRobotsLoadedMs'] ?? NaN) / (m['referenceRobotsLoadedMs'] ?? NaN);
    const spread = `${(m['roundRatioP25'] ?? NaN).toFixed(2)}–${(m['roundRatioP75'] ?? NaN).toFixed(2)}×`;
    return `first frame (median): embed ${ms('oursFirstFrameMs')} ms, app ${ms('referenceFirstFrameMs')} ms; per-round ratio p25–p75 ${spread}; all robots loaded: embed ${ms('oursRobotsLoadedMs')} ms, app ${ms('referenceRobotsLoadedMs')} ms (${robotsRatio.toFixed(2)}×); JavaScript: embed ${ms('oursScriptKB')} KB, app ${ms('referenceScriptKB')} KB`;
  },
});
