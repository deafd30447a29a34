/**
 * A long analysis run in the page: "Analyse → 10 min" on the default cell fast-forwards the
 * worker, shows a progress bar while it computes, stops exactly at 10:00 and reports the KPIs
 * in a notice and on the dashboard; Escape cancels a run part way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

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
    await page.getByLabel('Analyse').selectOption({ label: '10 min' });
    const bar = page.getByRole('progressbar', { name: 'Analysis progress' });
    await bar.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(() => (window.__celltwin?.sim?.().time ?? 0) > 60, null, { timeout: 60_000 });
    const midway = Number(await bar.getAttribute('aria-valuenow'));
    expect(midway).toBeGreaterThanOrEqual(10);
    expect(midway).toBeLessThan(100);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Simulating 10 min: \d+ %/);
    await saveScreenshot(page, 'analysis-progress.png');
    await page.waitForFunction(() => window.__celltwin?.sim?.().analysis === null && window.__celltwin?.sim?.().phase === 'paused', null, { timeout: 180_000 });
    const status = await page.evaluate(() => window.__celltwin!.sim!());
    expect(status.time).toBeCloseTo(600, 1);
    await expect.poll(() => page.getByText(/Analysed 10 min of production in [\d.]+ s/).count()).toBe(1);
    const notice = await page.locator('.notice', { hasText: 'Analysed 10 min' }).innerText();
    expect(notice).toMatch(/\d+ UPH, cell cycle [\d.]+ s, \d+ parts finished/);
    expect(await bar.count()).toBe(0);
    await saveScreenshot(page, 'analysis-done.png');
  });

  it('cancels with Escape part way and leaves the run paused where it was', async () => {
    const page = app.page;
    await page.getByLabel('Analyse').selectOption({ label: '8 h shift' });
    await page.getByRole('progressbar', { name: 'Analysis progress' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(() => (window.__celltwin?.sim?.().time ?? 0) > 650, null, { timeout: 60_000 });
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
