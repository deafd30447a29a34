/**
 * Analyse with replications in the page (issue 11 item 7): "Analyse → cell run, 30 s × 5" runs
 * seeds 7 … 11 of a cell with random arrivals on the page's pool of web workers, with a progress
 * bar, and shows each KPI as mean ± 95 % half-width. Its export is the text of
 * `celltwin run CELL --replications 5 --json` (computed in Node), byte for byte, and the shown mean
 * and half-width are checked against a computation written here with the tabled t quantile.
 * Escape cancels a run of 20 part way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { openApp, REPO_ROOT, saveScreenshot, type AppSession, openCellFile } from './harness';

const BAR = '[role="progressbar"][aria-label="Replication progress"]';
/** t₀.₉₇₅ with 4 degrees of freedom, from a printed table of Student's t. */
const T_975_4 = 2.776445;
/** The cell's own run length (simulation.duration), what `celltwin run` simulates by default. */
const SECONDS = 30;

/** The pick-and-place fixture with parts arriving every 4 ± 1.5 s, so each seed gives other numbers. */
function randomArrivalsCell() {
  const cell = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests/fixtures/sim-program-pick-place.cell.json'), 'utf8'));
  cell.name = 'Replications test';
  cell.simulation.duration = SECONDS;
  cell.items.find((i: { id: string }) => i.id === 'infeed').source.jitter = 1.5;
  return cell;
}

/** Starts recording every value the replication progress bar shows. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const seen: Array<{ now: number; max: number; text: string }> = [];
    (window as unknown as { replicationSeen: typeof seen }).replicationSeen = seen;
    const record = () => {
      const bar = document.querySelector(selector);
      if (!bar) return;
      const now = Number(bar.getAttribute('aria-valuenow'));
      if (seen.at(-1)?.now !== now) seen.push({ now, max: Number(bar.getAttribute('aria-valuemax')), text: bar.getAttribute('aria-valuetext') ?? '' });
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  }, BAR);
}

describe('Analyse with replications in the page', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'celltwin-page-replications-'));
  const file = path.join(scratch, 'replications.cell.json');
  writeFileSync(file, JSON.stringify(randomArrivalsCell()));
  let app: AppSession;
  let cli: string;

  beforeAll(async () => {
    // The CLI's rows for the same seeds, on its worker-thread pool, while the page opens.
    const cliRun = (async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['run', file, '--replications', '5', '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
      if (code !== 0) throw new Error(`celltwin run failed (${code}): ${err.join('\n')}`);
      return out.join('\n');
    })();
    app = await openApp({ query: '?fresh', viewport: { width: 1100, height: 700 } });
    await openCellFile(app.page, file);
    await app.page.waitForFunction(() => window.__celltwin?.cell?.().name === 'Replications test');
    cli = await cliRun;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('runs 5 seeds on web workers with a progress bar and gives the CLI rows byte for byte', async () => {
    const page = app.page;
    await recordProgress(page);
    await page.getByLabel('Analyse').selectOption({ label: 'cell run, 30 s × 5' });
    const panel = page.getByRole('region', { name: 'Replication results' });
    await panel.locator('tr[data-figure="throughputUph"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('.notice', { hasText: 'Analysed 5 × 30 s of production' }).innerText()).toMatch(/Throughput [\d.,]+ ± [\d.,]+ UPH \(mean ± 95 % half-width over seeds 7–11\)/);

    // The bar counted runs 0 … 5 of 5 and never went back.
    const seen = await page.evaluate(() => (window as unknown as { replicationSeen: Array<{ now: number; max: number; text: string }> }).replicationSeen);
    expect(seen.length).toBeGreaterThan(1);
    for (const [i, s] of seen.entries()) {
      expect(s.max).toBe(5);
      if (i > 0) expect(s.now).toBeGreaterThanOrEqual(seen[i - 1]!.now);
      expect(s.text).toMatch(/^Replications: \d of 5 runs done · /);
    }
    expect(await page.locator(BAR).count()).toBe(0);

    // The JSON the panel exports is the text the CLI printed.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('replications-test-replications.json');
    const pageJson = await readFile((await download.path()) as string, 'utf8');
    const report = JSON.parse(cli);
    expect(report.seeds).toEqual([7, 8, 9, 10, 11]);
    const fromPage = JSON.parse(pageJson);
    for (let i = 0; i < 5; i++) expect(JSON.stringify(fromPage.runs[i].kpis)).toBe(JSON.stringify(report.runs[i].kpis));
    expect(pageJson).toBe(cli);
    // Random arrivals: the seeds really differ.
    expect(new Set(report.runs.map((r: { stateHash: string }) => r.stateHash)).size).toBe(5);

    // Mean and half-width shown, against this file's own computation from the CLI's rows.
    const check = async (figure: string, scale: number) => {
      const xs: number[] = report.runs.map((r: { kpis: Record<string, number> }) => r.kpis[figure]! * scale);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
      const halfWidth = (T_975_4 * sd) / Math.sqrt(xs.length);
      const row = panel.locator(`tr[data-figure="${figure}"]`);
      expect(Number(await row.getAttribute('data-mean'))).toBeCloseTo(mean, 4);
      expect(Number(await row.getAttribute('data-half-width'))).toBeCloseTo(halfWidth, 4);
      expect(halfWidth).toBeGreaterThan(0);
      return { mean, halfWidth, text: await row.innerText() };
    };
    const uph = await check('throughputUph', 1);
    expect(uph.text).toContain(`${uph.mean.toFixed(1)} ± ${uph.halfWidth.toFixed(1)}`);
    expect(uph.text).toContain('UPH');
    const busy = await check('robot.robot-1.busy', 100);
    expect(busy.text).toContain(`${busy.mean.toFixed(1)} ± ${busy.halfWidth.toFixed(1)}`);
    expect(busy.text).toContain('%');
    await check('cellCycleTime', 1);
    await saveScreenshot(page, 'replications-done.png');
    await saveScreenshot(page, 'replications-table.png', await panel.screenshot());
    expect(app.errors.page).toEqual([]);
  });

  it('cancels a run of 20 with Escape, stopping the pool part way', async () => {
    const page = app.page;
    await page.getByLabel('Analyse').selectOption({ label: '10 min × 20' });
    await page.locator(BAR).waitFor();
    await saveScreenshot(page, 'replications-progress.png');
    await page.locator('.viewport').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Escape');
    const panel = page.getByRole('region', { name: 'Replication results' });
    await panel.getByRole('heading', { name: 'Replications cancelled' }).waitFor({ timeout: 10_000 });
    expect(await page.locator(BAR).count()).toBe(0);
    expect(await panel.innerText()).toMatch(/(\d+) of 20 runs had finished/);
    const finished = Number(/(\d+) of 20 runs had finished/.exec(await panel.innerText())?.[1]);
    expect(finished).toBeLessThan(20);
    // The Analyse menu is free again.
    expect(await page.getByLabel('Analyse').isEnabled()).toBe(true);
    expect(app.errors.page).toEqual([]);
  });
});
