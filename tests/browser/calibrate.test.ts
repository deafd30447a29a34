/**
 * "Calibrate from measured times" in a robot's inspector: paste two measured loop times of the
 * demo's UR10e (slower than the model's 5.27 s no-wait loop), fit — the table shows each row's
 * error before and after — apply as one undo step, see the robot marked calibrated, and undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('calibrate dialog', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 860 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('fits the acceleration to measured loop times, applies it as one undo step, and undoes', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.getByText('Assumed: no published cycle').waitFor();
    await page.getByRole('button', { name: 'Calibrate from measured times' }).click();
    await page.getByRole('textbox', { name: 'Measured times CSV' }).fill('cycle,seconds\nA,6.1\nB,6.2\n');
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    const rows = page.locator('table.calibrate-rows tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    // Before: the model is faster than measured (negative error); after: within a percent.
    const [before, after] = (await rows.first().locator('td').nth(2).textContent())!.split('→');
    expect(Number.parseFloat(before!)).toBeLessThan(-10);
    expect(Math.abs(Number.parseFloat(after!))).toBeLessThan(1);
    await page.getByRole('button', { name: /^Apply to / }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'calibrate-dialog.png');

    await page.getByRole('button', { name: /^Apply to / }).click();
    await page.getByText(/^Calibrated: speed × 1\.000, acceleration × 0\.\d{3}\.$/).waitFor();
    const motion = await page.evaluate(() => (window.__celltwin?.cell?.().items.find((i) => i.type === 'robot') as { motion?: { speedScale: number; accelerationScale: number } } | undefined)?.motion);
    expect(motion?.speedScale).toBe(1);
    expect(motion!.accelerationScale).toBeGreaterThan(0.2);
    expect(motion!.accelerationScale).toBeLessThan(0.9);

    await page.locator('.calibrate legend').click();
    await page.keyboard.press('Control+z');
    await page.getByText('Assumed: no published cycle').waitFor();
    const undone = await page.evaluate(() => window.__celltwin?.cell?.().items.find((i) => i.type === 'robot'));
    expect(undone).not.toHaveProperty('motion');
  }, 90_000);

  it('marks the calibrated robot in the dashboard\'s cycle table after a run', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.getByRole('button', { name: /^Apply to / }).click();
    await page.getByText(/^Calibrated: speed × 1\.000/).waitFor();
    await page.getByLabel('Simulation speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.sim?.().kpis?.robots[0]?.cycleTime?.count ?? 0) >= 1, null, { timeout: 240_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(await page.evaluate(() => window.__celltwin?.sim?.().kpis?.robots[0]?.motionSource)).toBe('calibrated');
    await expect.poll(() => page.locator('.cycle-table .motion-source').first().textContent()).toBe('calibrated');
    await page.locator('.cycle-table').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'calibrate-dashboard.png');
  }, 300_000);
});
