/**
 * The built app (dist/, built by `npm run test:browser` before vitest runs) opened in headless
 * Chromium from a sub-folder: it renders the default cell, is cross-origin isolated, and throws
 * nothing. Look at tests/artifacts/default-cell.png after a run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasIsNotBlank, openApp, readTestHook, saveScreenshot, type AppSession } from './harness';

describe('the built app in Chromium', () => {
  let app: AppSession;

  beforeAll(async () => {
    // `?fresh`: the default cell, whatever an earlier session autosaved.
    app = await openApp({ query: '?fresh' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('renders a first frame of the default cell and the canvas is not blank', async () => {
    const hook = await readTestHook(app.page);
    expect(hook?.firstFrameRendered).toBe(true);
    expect(hook?.frames).toBeGreaterThanOrEqual(1);

    const stats = await canvasIsNotBlank(app.page);
    await saveScreenshot(app.page, 'default-cell-canvas.png', stats.png);
    expect(stats.distinctColours).toBeGreaterThanOrEqual(16);
  });

  it('shows the default cell name in the top bar', async () => {
    const bar = app.page.locator('header').first();
    await bar.waitFor({ state: 'visible' });
    // The name may be text or the value of an editable field: read both.
    const shown = await bar.evaluate((el) =>
      [el.textContent ?? '', ...Array.from(el.querySelectorAll('input'), (input) => input.value)].join('\n'),
    );
    expect(shown).toContain('Pick and place demo');
  });

  it('is cross-origin isolated, so SharedArrayBuffer is available', async () => {
    expect(await app.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(await app.page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  });

  it('loads every file from the sub-folder (relative base) and throws no page error', async () => {
    await saveScreenshot(app.page, 'default-cell.png');
    expect(app.server.notFound).toEqual([]);
    expect(app.errors.requests).toEqual([]);
    expect(app.errors.page).toEqual([]);
    expect(app.errors.console).toEqual([]);
  });
});
