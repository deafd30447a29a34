/**
 * Issue 7 benchmark: time from opening a share link to the first drawn frame, against opening the
 * app without a link. Headless Chromium (WebGL on SwiftShader), the built app served on
 * 127.0.0.1 (support/app-pages.ts), 800 × 500 viewport.
 *
 * - ours: a fresh browser context (nothing cached, no autosave) opens `app/#cell=…`, the share
 *   link of the default cell as the app's Share button makes it (src/io/share-link.ts);
 * - reference: a fresh context opens `app/` — a first visit, which shows the same default cell.
 *   Before it renders, this path looks for an autosave in IndexedDB (src/main.tsx), which the
 *   link path skips; the link path instead inflates and validates the cell in the fragment.
 *
 * Each call is one page opening, timed inside the page from navigation start (performance
 * time origin) to the moment the app raises `window.__celltwin.firstFrameRendered` (FrameProbe),
 * caught by an init script that watches the flag's assignment instead of polling for it. The
 * same script notes when every robot of the cell has loaded (`robotLoads()`, polled every 2 ms
 * once the first frame is up); its medians are in the notes. The ratio is what the link costs.
 */
import type { Browser } from 'playwright-core';
import { defineCase, type Side } from '../harness';
import { encodeShareFragment } from '../../src/io/share-link';
import type { StaticServer } from '../../tests/browser/harness';
import { launchChromium, serveApp } from './support/app-pages';
import { pairedFirstFrames } from './support/first-frame-page';
import { readRepoCell } from './support/sim-cells';

const VIEWPORT = { width: 800, height: 500 };
/** One warm-up round: a page opening takes seconds on SwiftShader. */
const WARMUP_ROUNDS = 1;

let browser: Browser | undefined;
let server: StaticServer | undefined;

export default defineCase({
  name: 'share link → first frame: default cell (chromium)',
  ours: `fresh page on app/#cell=… (the default cell's share link): navigation start → first frame drawn; ${VIEWPORT.width}×${VIEWPORT.height}, SwiftShader`,
  reference: 'fresh page on app/ with no link (first visit: the default cell): navigation start → first frame drawn',
  rounds: 8,
  warmupRounds: WARMUP_ROUNDS,
  async setup() {
    const fragment = encodeShareFragment(readRepoCell('assets/cells/default.cell.json'));
    server = await serveApp();
    browser = await launchChromium();
    const urls: Record<Side, string> = { ours: `${server.url}#${fragment}`, reference: server.url };
    const metrics: Record<string, number> = { linkChars: urls.ours.length };
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
    return `per-round ratio p25–p75 ${spread}; all robots loaded (median): link ${ms('oursRobotsLoadedMs')} ms, no link ${ms('referenceRobotsLoadedMs')} ms (${robotsRatio.toFixed(2)}×); link URL ${m['linkChars'] ?? '?'} characters`;
  },
});
