/**
 * Long analysis runs in the page: "Analyse → 10 min" on the default cell fast-forwards the
 * worker, shows a progress bar while it computes, stops exactly at 10:00 and reports the KPIs
 * in a notice and on the dashboard; Escape cancels a run part way; a whole 8 h shift finishes.
 *
 * Nothing here races the worker: the progress bar's values are recorded in the page as they
 * appear (a MutationObserver) and checked once the run is over, and the mid-run reading of the
 * 8 h run takes the bar and the simulation time in the same page task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, type AppSession } from './harness';

const BAR = '[role="progressbar"][aria-label="Analysis progress"]';

/** Starts recording every value the analysis progress bar shows, from now on. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const seen: Array<{ now: number; text: string }> = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    const record = () => {
      const bar = document.querySelector(selector);
      const now = Number(bar?.getAttribute('aria-valuenow'));
      const last = seen.at(-1);
      if (bar && (last === undefined || last.now !== now)) seen.push({ now, text: bar.getAttribute('aria-valuetext') ?? '' });
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  }, BAR);
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: Array<{ now: number; text: string }> }).progressSeen);

describe('an analysis run in the page', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1100, height: 700 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('simulates 10 minutes with a progress bar and ends paused at 600 s with the throughput in a notice', async () => {
    const page = app.page;
    await recordProgress(page);
    await page.getByLabel('Analyse').selectOption({ label: '10 min' });
    const bar = page.getByRole('progressbar', { name: 'Analysis progress' });
    // About 30 s on an idle 2-core machine; the generous cap is for a machine shared with other work.
    await page.waitForFunction(() => window.__celltwin?.sim?.().analysis === null && window.__celltwin?.sim?.().phase === 'paused', null, { timeout: 420_000 });
    // The bar was shown, and every value it showed was a percentage that never went back.
    const seen = await progressSeen(page);
    expect(seen.length).toBeGreaterThan(0);
    for (const [i, s] of seen.entries()) {
      expect(s.now).toBeGreaterThanOrEqual(i === 0 ? 0 : seen[i - 1]!.now);
      expect(s.now).toBeLessThanOrEqual(100);
      expect(s.text).toMatch(/^Simulating 10 min: \d+ %/);
    }
    const status = await page.evaluate(() => window.__celltwin!.sim!());
    expect(status.time).toBeCloseTo(600, 1);
    await expect.poll(() => page.getByText(/Analysed 10 min of production in [\d.]+ s/).count()).toBe(1);
    const notice = await page.locator('.notice', { hasText: 'Analysed 10 min' }).innerText();
    expect(notice).toMatch(/\d+ UPH, cell cycle [\d.]+ s, \d+ parts finished/);
    expect(await bar.count()).toBe(0);
    await saveScreenshot(page, 'analysis-done.png');
  }, 480_000);

  it('cancels with Escape part way and leaves the run paused where it was', async () => {
    const page = app.page;
    await page.getByLabel('Analyse').selectOption({ label: '8 h shift' });
    // The bar and the simulated time, read together in one page task once 650 s are done:
    // 650 s of an 8 h run is about 2 %, and the run is still going at that moment.
    const midway = await page.waitForFunction((selector) => {
      const status = window.__celltwin?.sim?.();
      const bar = document.querySelector(selector);
      if (!status || status.time <= 650 || status.analysis === null || !bar) return null;
      return { time: status.time, now: Number(bar.getAttribute('aria-valuenow')), text: bar.getAttribute('aria-valuetext') ?? '' };
    }, BAR, { timeout: 60_000 }).then((handle) => handle.jsonValue());
    expect(midway?.now).toBeLessThan(100);
    expect(midway?.text).toMatch(/^Simulating [^:]+: \d+ %/);
    await saveScreenshot(page, 'analysis-progress.png');
    await page.locator('.viewport').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__celltwin?.sim?.().analysis === null && window.__celltwin?.sim?.().phase === 'paused', null, { timeout: 30_000 });
    const time = await page.evaluate(() => window.__celltwin!.sim!().time);
    expect(time).toBeGreaterThan(650);
    expect(time).toBeLessThan(8 * 3600);
    await expect.poll(() => page.getByText(/Analysis stopped at/).count()).toBe(1);
    expect(app.errors.page).toEqual([]);
  });
});

describe('an 8 h shift analysed in the page', () => {
  it('runs the whole shift on the events engine and reports its KPIs in a notice', async () => {
    const app = await openApp({ query: '?fresh', viewport: { width: 1100, height: 700 } });
    try {
      const page = app.page;
      await page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
      await page.getByLabel('Analyse').selectOption({ label: '8 h shift' });
      // About a minute on a 2-core machine; the cap is a hang guard for a machine shared with other work.
      await page.waitForFunction(() => window.__celltwin?.sim?.().analysis === null && window.__celltwin?.sim?.().phase === 'paused', null, { timeout: 900_000, polling: 500 });
      expect(await page.evaluate(() => window.__celltwin!.sim!().time)).toBeCloseTo(8 * 3600, 1);
      const notice = await page.locator('.notice', { hasText: 'Analysed 8 h of production' }).innerText();
      // The default cell's picker loops for the whole shift: thousands of parts, not a stall.
      const parts = Number(/(\d+) parts finished/.exec(notice)?.[1]);
      expect(parts).toBeGreaterThan(3000);
      expect(notice).toMatch(/\d+ UPH, cell cycle [\d.]+ s/);
      await saveScreenshot(page, 'analysis-8h.png');
      expect(app.errors.page).toEqual([]);
    } finally {
      await app.close();
    }
  }, 1_000_000);
});
