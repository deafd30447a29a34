/**
 * Comparing variants in the page as a planner does: run the demo cell, pin its results as A and
 * save the cell as a variant, slow the robot's transfer move to 40 %, run B, and read A, B and the
 * differences in the A vs B tab: the same rows and words as `celltwin compare` (compareKpis and
 * its text formatting), with the slower robot now the bottleneck. Then open the saved variant
 * again and find the cell as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareKpis } from '../../src/sim/kpi/compare';
import type { CellKpis } from '../../src/sim/kpi/compute';
import { formatDelta, formatValue } from '../../src/sim/kpi/text';
import { openApp, saveScreenshot, type AppSession } from './harness';

/** Runs the cell at full speed until `parts` parts are out, then pauses; returns its KPIs. */
async function runUntilParts(page: Page, parts: number): Promise<CellKpis> {
  await page.getByLabel('Simulation speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click({ timeout: 90_000 });
  await page.waitForFunction((n) => (window.__celltwin?.sim?.().kpis?.partsFinished ?? 0) >= n, parts, { timeout: 240_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).evaluate((b: HTMLButtonElement) => b.click()); // at full speed on a loaded machine the page draws few frames: a DOM click waits for none
  await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'paused', null, { timeout: 90_000 });
  // The worker sends fresh KPIs when it pauses: wait until they cover the paused clock.
  await page.waitForFunction(() => {
    const s = window.__celltwin!.sim!();
    return s.kpis !== null && Math.abs(s.kpis.simulatedSeconds - s.time) < 1e-6;
  }, null, { timeout: 90_000 });
  return page.evaluate(() => window.__celltwin!.sim!().kpis!);
}

const row = (page: Page, metric: string) => page.locator(`.compare-table tr[data-metric="${metric}"] td`).allTextContents();

describe('compare variants in the page', () => {
  let app: AppSession;
  let a: CellKpis;
  let b: CellKpis;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 900 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  }, 400_000);

  it('pins the first run as A and saves the cell as a named variant', async () => {
    const page = app.page;
    a = await runUntilParts(page, 6);
    await page.getByRole('button', { name: 'Pin as A' }).click();
    await page.getByRole('tab', { name: /A vs B/ }).click();
    await page.getByLabel('Variant name').fill('Robot at full speed');
    await page.getByRole('button', { name: 'Save variant' }).click();
    await page.locator('.variant', { hasText: 'Robot at full speed' }).waitFor();
    expect(await page.locator('.variant', { hasText: 'Robot at full speed' }).innerText()).toContain(`${a.throughputUph!.toFixed(0)} UPH`);
  }, 400_000);

  it('slows the transfer move to 40 %, runs B and shows A, B and the differences as celltwin compare does', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.getByRole('button', { name: /Edit program/ }).click();
    await page.getByRole('list', { name: 'Program of UR10e picker' }).locator('li.step').nth(5).locator('.step-row').click();
    await page.locator('#step-5-speed').fill('40');
    await page.locator('#step-5-speed').press('Enter');
    await page.waitForFunction(() => (window.__celltwin?.cell?.().programs[0]?.steps[5] as { speed?: number } | undefined)?.speed === 0.4);

    b = await runUntilParts(page, 6);
    await page.getByRole('tab', { name: /A vs B/ }).click();
    const rows = compareKpis(a, b);
    for (const metric of ['cell cycle time', 'throughput', 'robot-1: cycle time mean', 'footprint']) {
      const r = rows.find((x) => x.metric === metric)!;
      const cells = await row(page, metric);
      expect(cells.slice(1)).toEqual([formatValue(r.a, r.unit), formatValue(r.b, r.unit), formatDelta(r)]);
    }
    // The slower move makes the robot's cycle longer than the 6 s between parts: it paces the cell now.
    expect(b.cellCycleTime!).toBeGreaterThan(a.cellCycleTime! + 0.5);
    expect(await page.locator('.compare-table tr[data-metric="cell cycle time"]').getAttribute('class')).toBe('worse');
    expect(await page.locator('.compare-table tr[data-metric="throughput"]').getAttribute('class')).toBe('worse');
    expect(await row(page, 'bottleneck')).toEqual(['bottleneck', 'Infeed conveyor source', 'UR10e picker', 'changed']);
    await page.getByRole('button', { name: 'Whole window' }).click();
    await saveScreenshot(page, 'compare.png');
    await page.getByRole('button', { name: 'Restore' }).click();

    // The cards of the Results tab carry A beside B too.
    await page.getByRole('tab', { name: 'Results' }).click();
    const card = await page.locator('[data-kpi="Cell cycle time"] .kpi-baseline').innerText();
    expect(card).toBe(`A ${formatValue(a.cellCycleTime, 's')} · ${formatDelta(rows[0]!)}`);
  }, 400_000);

  it('opens the saved variant again, with the robot back at full speed', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: /A vs B/ }).click();
    await page.locator('.variant', { hasText: 'Robot at full speed' }).getByRole('button', { name: 'Open' }).click();
    // The edited cell was not saved to a file: the page asks first.
    await page.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.cell?.().programs[0]?.steps[5] as { speed?: number } | undefined)?.speed === undefined);
    expect(app.errors.page).toEqual([]);
  }, 400_000);
});
