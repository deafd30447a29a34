/**
 * Camera tour, Present mode and linked cell files (issue 16, items 2–3):
 * - a cell with two camera stops, served as a file: the embed flies between them (the camera
 *   sits on each stop in turn, the canvas pixels change) with each stop's caption over the scene;
 * - the full app opens the same file from `?cell=URL`, Present hides the editor and shows the
 *   tour with captions and KPIs, Escape brings the editor back; a missing file gives a notice
 *   naming the URL and the default cell stays;
 * - "Add camera stop" saves the current view with the caption typed for it, as one undo step;
 * - "Record tour as WebM" downloads one loop as a WebM file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, ISOLATION_HEADERS, launchBrowser, REPO_ROOT, saveScreenshot, serveStatic, waitForFirstFrame, type StaticServer } from './harness';
import type { Browser } from 'playwright-core';

type V3 = [number, number, number];
const STOPS = [
  { position: [-4.6, 4.2, 3] as V3, target: [-0.8, 0.4, 0.5] as V3, duration: 10, caption: 'Infeed conveyor: parts arrive here' },
  { position: [3.4, -4.4, 3.4] as V3, target: [0, -0.3, 0.5] as V3, duration: 10, caption: 'The robot stacks them on the pallet' },
];
const defaultCell = JSON.parse(readFileSync(path.join(REPO_ROOT, 'assets/cells/default.cell.json'), 'utf8')) as { name: string };
const tourCell = { ...defaultCell, name: 'Tour demo', presentation: { stops: STOPS } };

/** Serves `tour.cell.json` beside the app (same origin), as a vendor would put it on their site. */
async function newPage(browser: Browser, viewport = { width: 960, height: 600 }, cell: object = tourCell): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  context.setDefaultTimeout(90_000);
  await context.route('**/tour.cell.json', (route) => route.fulfill({ status: 200, headers: { ...ISOLATION_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(cell) }));
  return context.newPage();
}

/** The camera in cell coordinates (three's (x, y, z) is the cell's (x, −z, y)). */
const cameraOf = (page: Page) =>
  page.evaluate(() => {
    const p = window.__celltwin!.three!().camera.position;
    return [p.x, -p.z, p.y] as V3;
  });
const distance = (a: V3, b: V3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Share of pixels that differ by more than 24 (sum over RGB) between two canvas shots. */
function changedShare(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  let changed = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    const d = Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!);
    if (d > 24) changed += 1;
  }
  return changed / (x.width * x.height);
}

/** Waits until the caption over the scene reads `text`, then until the camera is on `stop`. */
async function onStop(page: Page, stop: (typeof STOPS)[number]): Promise<void> {
  await page.locator('.tour-caption', { hasText: stop.caption }).waitFor();
  await expect.poll(async () => distance(await cameraOf(page), stop.position), { timeout: 30_000, interval: 100 }).toBeLessThan(1e-6);
}

describe('camera tour and Present mode', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the embed of a cell file with two stops flies between them with their captions', async () => {
    const page = await newPage(browser, { width: 800, height: 500 });
    const errors = collectErrors(page);
    await page.goto(`${server.url}?embed&autoplay=0&cell=tour.cell.json`);
    await waitForFirstFrame(page, 90_000, errors);
    expect(await page.evaluate(() => window.__celltwin!.cell!().name)).toBe('Tour demo');
    // Each stop's view is held still for the pixel shot: the tour is stopped on the stop (the
    // camera stays) and played again from the start; the run is paused (autoplay=0), so what
    // changes on the canvas between the two shots is the camera's doing.
    const tourButton = page.getByRole('button', { name: 'Tour' });
    const shots: Buffer[] = [];
    for (const stop of STOPS) {
      // Stop the tour while it holds on the stop; on a slow machine the hold may end first, then
      // the tour plays on and the next loop gives another chance.
      for (let attempt = 1; ; attempt++) {
        await onStop(page, stop);
        await tourButton.dispatchEvent('click');
        expect(await tourButton.getAttribute('aria-pressed')).toBe('false');
        if (distance(await cameraOf(page), stop.position) < 1e-6) break;
        expect(attempt, `the tour left stop "${stop.caption}" before it could be stopped, ${attempt} times`).toBeLessThan(3);
        await tourButton.dispatchEvent('click');
      }
      shots.push(await page.locator('canvas').screenshot());
      await tourButton.dispatchEvent('click'); // plays again from the first stop
      if (stop === STOPS[0]) {
        await page.mouse.move(400, 100);
        await page.locator('.tour-caption', { hasText: stop.caption }).waitFor();
        await saveScreenshot(page, 'embed-tour-caption.png');
      }
    }
    expect(changedShare(shots[0]!, shots[1]!)).toBeGreaterThan(0.2);
    expect(errors.page).toEqual([]);
    expect(errors.console).toEqual([]);

    // tour=0: the camera stays at the page's default view, no caption.
    await page.goto(`${server.url}?embed&autoplay=0&tour=0&cell=tour.cell.json`);
    await waitForFirstFrame(page, 90_000, errors);
    expect(distance(await cameraOf(page), [4.2, -4.6, 3.4])).toBeLessThan(1e-6);
    expect(await page.locator('.tour-caption').count()).toBe(0);
    await page.context().close();
  }, 300_000);

  it('the app opens ?cell=URL, presents it without the editor, and Escape brings the editor back', async () => {
    const page = await newPage(browser, { width: 1280, height: 720 });
    const errors = collectErrors(page);
    await page.goto(`${server.url}?fresh&cell=tour.cell.json`);
    await waitForFirstFrame(page, 90_000, errors);
    expect(await page.evaluate(() => window.__celltwin!.cell!().name)).toBe('Tour demo');
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(true);

    await page.locator('[data-command="present"]').click();
    for (const selector of ['.topbar', '.panel-guard.left', '.panel-guard.right', '.statusbar', '.view-toolbar']) {
      await expect.poll(() => page.locator(selector).first().isVisible(), { message: selector }).toBe(false);
    }
    const canvas = await page.locator('canvas').first().boundingBox();
    expect(canvas!.width).toBe(1280);
    expect(canvas!.height).toBe(720 - 36);
    await page.getByLabel('Key figures').getByText('Throughput').waitFor();
    await onStop(page, STOPS[0]!);
    await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'running');
    // Until the strip has a cycle time to show (the screenshot goes into the README).
    await page.waitForFunction(() => (window.__celltwin?.sim?.().kpis?.cellCycleTime ?? null) !== null, null, { timeout: 180_000 });
    await onStop(page, STOPS[1]!);
    const shot = await page.screenshot();
    await saveScreenshot(page, 'present.png', shot); // docs/present.png in the README is this shot

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(true);
    expect(await page.locator('.panel-guard.left').isVisible()).toBe(true);
    expect(await page.locator('.tour-caption').count()).toBe(0);
    // The pause goes to the simulation worker and its status comes back a message later.
    await expect.poll(() => page.evaluate(() => window.__celltwin!.sim!().phase)).toBe('paused');
    expect(errors.page).toEqual([]);
    expect(errors.console).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('a linked cell that cannot be fetched gives a notice naming the URL, and the default cell stays', async () => {
    const page = await newPage(browser);
    const errors = collectErrors(page);
    await page.goto(`${server.url}?fresh&cell=missing/nowhere.cell.json`);
    await waitForFirstFrame(page, 90_000, errors);
    await page.locator('.notice.error', { hasText: 'The linked cell could not be opened: missing/nowhere.cell.json' }).waitFor();
    expect(await page.locator('.notice.error').innerText()).toContain('404');
    expect(await page.evaluate(() => window.__celltwin!.cell!().name)).toBe(defaultCell.name);
    expect(errors.page).toEqual([]);
    await page.context().close();
  }, 200_000);

  it('"Add camera stop" saves the view with the caption typed for it, as one undo step', async () => {
    const page = await newPage(browser);
    const errors = collectErrors(page);
    await page.goto(`${server.url}?fresh`);
    await waitForFirstFrame(page, 90_000, errors);
    await page.getByRole('button', { name: /^Stops…/ }).click();
    await page.getByRole('region', { name: 'Camera stops' }).getByRole('button', { name: 'Add camera stop' }).click();
    const caption = page.getByLabel('Caption of stop 1');
    await expect.poll(() => caption.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Overview of the cell');
    await page.keyboard.press('Enter');
    await saveScreenshot(page, 'camera-stops-panel.png');
    const stops = await page.evaluate(() => window.__celltwin!.cell!().presentation?.stops ?? []);
    expect(stops).toHaveLength(1);
    expect(stops[0]!.caption).toBe('Overview of the cell');
    expect(distance(stops[0]!.position, [4.2, -4.6, 3.4])).toBeLessThan(1e-5);
    expect(distance(stops[0]!.target, [0, 0, 0.5])).toBeLessThan(1e-5);
    expect(stops[0]!.duration).toBe(6);
    await page.keyboard.press('Control+z'); // the caption
    await page.keyboard.press('Control+z'); // the stop
    expect(await page.evaluate(() => window.__celltwin!.cell!().presentation)).toBeUndefined();
    expect(errors.page).toEqual([]);
    await page.context().close();
  }, 200_000);

  it('"Record tour as WebM" records one loop with progress and downloads <cell name>-tour.webm', async () => {
    const page = await newPage(browser, { width: 640, height: 400 });
    const errors = collectErrors(page);
    await page.goto(`${server.url}?fresh&cell=tour.cell.json`);
    await waitForFirstFrame(page, 90_000, errors);
    await page.locator('[data-command="present"]').click();
    const download = page.waitForEvent('download', { timeout: 120_000 }).catch(() => null);
    await page.getByRole('button', { name: 'Record tour as WebM' }).click();
    await page.getByRole('progressbar', { name: 'Recording the tour' }).waitFor();
    const outcome = page.locator('.notice', { hasText: /Saved tour-demo-tour\.webm|The tour could not be recorded/ });
    await outcome.waitFor({ timeout: 120_000 });
    if ((await outcome.innerText()).includes('could not be recorded')) {
      // The encoder got no frames (a starved software renderer): said so, and no empty file saved.
      expect(await outcome.innerText()).toContain('no video data');
      console.warn('present.test: this machine recorded no video frames; the WebM file check did not run');
    } else {
      const file = (await download)!;
      expect(file.suggestedFilename()).toBe('tour-demo-tour.webm');
      const bytes = readFileSync((await file.path())!);
      expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML: a Matroska/WebM file
      expect(bytes.length).toBeGreaterThan(1_000); // frames, not just the header
    }
    expect(errors.page).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('"Record tour as WebM" says so where the browser has no MediaRecorder', async () => {
    const page = await newPage(browser, { width: 640, height: 400 });
    await page.addInitScript('delete window.MediaRecorder;');
    const errors = collectErrors(page);
    await page.goto(`${server.url}?fresh&cell=tour.cell.json`);
    await waitForFirstFrame(page, 90_000, errors);
    await page.locator('[data-command="present"]').click();
    await page.getByRole('button', { name: 'Record tour as WebM' }).click();
    const notice = page.locator('.notice.error', { hasText: 'This browser cannot record WebM video' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('It has no MediaRecorder.');
    expect(await page.getByRole('progressbar', { name: 'Recording the tour' }).count()).toBe(0);
    expect(errors.page).toEqual([]);
    await page.context().close();
  }, 200_000);
});
