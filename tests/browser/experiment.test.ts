/**
 * The Experiment panel in the page (issue 15 item 4, and the page leg of "same numbers
 * everywhere"): a number in the inspector becomes a factor from its context menu (mouse, and the
 * keyboard's Shift+F10); the small sweep of the CLI tests (3 factors × 2 levels × 3 seeds, 12 s
 * runs) loaded into the panel runs on the page's pool of web workers with a progress bar, and
 * the results file it exports is, byte for byte, the file `celltwin sweep --workers 2` writes
 * from the local worker-thread pool for the same sweep. Then the plots: a main-effects chart per
 * factor, the UPH / floor scatter with its Pareto front, and a click on a point opens that
 * variant as the cell, one undo step away from the cell it was varied from. The form survives a
 * reload.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseCsv } from '../../src/experiments/results';
import { openApp, REPO_ROOT, saveScreenshot, waitForFirstFrame, type AppSession, openCellFile } from './harness';

const BASE = path.join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json');
const SWEEP = path.join(REPO_ROOT, 'tests/fixtures/small.sweep.json');
const BASE_NAME = 'Program test: conveyor to conveyor pick and place';

describe('an experiment in the page', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'celltwin-page-experiment-'));
  const cliOut = path.join(scratch, 'local.csv');
  let app: AppSession;
  let cliDone: Promise<string>;

  beforeAll(async () => {
    // The local pool's results file for the same sweep, computed in Node while the page opens.
    cliDone = (async () => {
      const err: string[] = [];
      const code = await main(['sweep', 'tests/fixtures/small.sweep.json', '--workers', '2', '--out', cliOut], { out: () => undefined, err: (t) => err.push(t), cwd: REPO_ROOT });
      if (code !== 0) throw new Error(`celltwin sweep failed (${code}): ${err.join('\n')}`);
      return readFileSync(cliOut, 'utf8');
    })();
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 900 } });
    await openCellFile(app.page, BASE);
    await app.page.waitForFunction((name) => window.__celltwin?.cell?.().name === name, BASE_NAME);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('adds an inspector number as a factor from its context menu, by mouse and by keyboard', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'Infeed conveyor' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByLabel('Belt speed').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Vary this in an experiment' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Experiment' }).getAttribute('aria-selected')).toBe('true');
    const factors = page.getByRole('region', { name: 'Factors' });
    await expect.poll(() => factors.locator('.factor-pointer').allTextContents()).toEqual(['/items/infeed/speed']);
    // The belt runs at 300 mm/s: the factor starts at 80 % … 120 % of it, in mm/s.
    expect(await factors.getByLabel('Factor 1 from').inputValue()).toBe('240');
    expect(await factors.getByLabel('Factor 1 to').inputValue()).toBe('360');

    // The keyboard: focus the interval, Shift+F10 opens the menu with its item focused, Enter picks it.
    await inspector.getByLabel('Interval', { exact: true }).focus();
    await page.keyboard.press('Shift+F10');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Vary this in an experiment');
    await page.keyboard.press('Enter');
    await expect.poll(() => factors.locator('.factor-pointer').allTextContents()).toEqual(['/items/infeed/speed', '/items/infeed/source/interval']);
    expect(await factors.locator('.factor-label').nth(1).inputValue()).toBe('Infeed conveyor · Interval');
    await expect.poll(() => page.getByLabel('Experiment size').innerText()).toMatch(/^9 variants × 3 seeds = 27 runs of 10 min/);
  }, 120_000);

  it('cancels a running experiment and keeps the runs already finished', async () => {
    const page = app.page;
    await page.getByLabel('Duration (s)').fill('30');
    await page.getByLabel('Duration (s)').press('Enter');
    await page.getByRole('button', { name: 'Run 27 runs' }).click();
    const bar = page.locator('[role="progressbar"][aria-label="Experiment progress"]');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Run 27 runs' }).waitFor();
    const status = await page.locator('.exp-status').innerText();
    expect(status).toMatch(/^\d+\/27 runs · cancelled$/);
    const done = Number(status.split('/')[0]);
    expect(done).toBeLessThan(27);
    expect(await page.locator('.exp-table tr.run').count()).toBe(done);
  }, 180_000);

  it('runs the small sweep on the page pool and exports the local CLI pool’s results file byte for byte', async () => {
    const page = app.page;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Load sweep…' }).click()]);
    await chooser.setFiles(SWEEP);
    const factors = page.getByRole('region', { name: 'Factors' });
    await expect.poll(() => factors.locator('.factor-pointer').allTextContents()).toEqual(['/items/infeed/speed', '/items/infeed/source/interval', '/items/infeed/source/jitter']);
    await expect.poll(() => page.getByLabel('Experiment size').innerText()).toMatch(/^8 variants × 3 seeds = 24 runs of 12 s/);

    // Record every value the progress bar shows.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { expSeen: number[] }).expSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Experiment progress"]');
        const now = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen.at(-1) !== now) seen.push(now);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.getByRole('button', { name: 'Run 24 runs' }).click();
    await page.getByRole('button', { name: 'Run 24 runs' }).waitFor({ timeout: 300_000 });
    expect(await page.locator('.exp-status').innerText()).toMatch(/^24\/24 runs in /);
    const seen = await page.evaluate(() => (window as unknown as { expSeen: number[] }).expSeen);
    expect(seen.at(-1)).toBe(24);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);

    const results = page.getByRole('region', { name: 'Results table' });
    const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('pick-and-place-belt-speed-arrival-interval-jitter.results.csv');
    const fromPage = await readFile((await download.path()) as string, 'utf8');
    const fromCli = await cliDone;
    const table = parseCsv(fromPage);
    expect(table.filter((r) => r[0] === 'run')).toHaveLength(24);
    expect(table.filter((r) => r[0] === 'summary')).toHaveLength(8);
    expect(fromPage).toBe(fromCli);
    // The table shows each variant's summary above its three runs.
    expect(await page.locator('.exp-table tr.summary').count()).toBe(8);
    expect(await page.locator('.exp-table tr.run').count()).toBe(24);
  }, 400_000);

  it('draws a main-effects chart per factor and the Pareto front, and opens a point as the cell (undo goes back)', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Whole window' }).click();
    expect(await page.locator('svg.effect-chart').count()).toBe(3);
    const points = page.locator('.pareto-point');
    expect(await points.count()).toBe(8);
    expect(await page.locator('.pareto-point.front').count()).toBeGreaterThanOrEqual(1);
    await saveScreenshot(page, 'experiment.png');

    // Open variant 8 (belt 0.3 m/s, interval 4.5 s, jitter 1 s), then undo.
    await page.locator('.pareto-point[data-variant="8"]').dispatchEvent('click');
    const infeed = () => page.evaluate(() => window.__celltwin!.cell!().items.find((i) => i.id === 'infeed') as unknown as { speed: number; source: { interval: number; jitter: number } });
    await expect.poll(async () => {
      const c = await infeed();
      return [c.speed, c.source.interval, c.source.jitter];
    }).toEqual([0.3, 4.5, 1]);
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await infeed()).source.interval).toBe(4);
    expect((await infeed()).source.jitter).toBeUndefined();
    expect(app.errors.page).toEqual([]);
  }, 120_000);

  it('keeps the experiment’s form and its last results across a reload', async () => {
    const page = app.page;
    await page.reload({ waitUntil: 'load' });
    await waitForFirstFrame(page);
    await page.getByRole('tab', { name: 'Experiment' }).click();
    const factors = page.getByRole('region', { name: 'Factors' });
    await expect.poll(() => factors.locator('.factor-pointer').allTextContents()).toEqual(['/items/infeed/speed', '/items/infeed/source/interval', '/items/infeed/source/jitter']);
    await expect.poll(() => page.getByLabel('Experiment size').innerText()).toMatch(/^8 variants × 3 seeds = 24 runs of 12 s/);
    // The 24 runs are back from IndexedDB, marked with when they were kept, plots and all.
    await expect.poll(() => page.locator('.exp-status').innerText()).toMatch(/^24\/24 runs in .* · kept from /);
    expect(await page.locator('.exp-table tr.run').count()).toBe(24);
    expect(await page.locator('.exp-table tr.summary').count()).toBe(8);
    expect(await page.locator('.pareto-point').count()).toBe(8);
    await saveScreenshot(page, 'experiment-kept.png');
    expect(app.errors.page).toEqual([]);
  }, 120_000);
});
