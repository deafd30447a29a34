/**
 * Teaching targets: one at the UR10e's tool pose (reachable), one clicked on the far end of the
 * conveyor (out of the robot's reach, flagged), which moves when the conveyor moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('targets', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('teaches a target at the robot tool pose, and the robot reaches it', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    const before = (await page.evaluate(() => window.__celltwin?.cell?.().targets.length)) ?? 0;
    await page.getByRole('button', { name: 'Teach target here' }).click();
    const target = await page.evaluate(() => window.__celltwin?.cell?.().targets.at(-1));
    expect(target?.id).toBe(`P${before + 1}`);
    expect(target?.parent).toBe('world');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: `Target ${target?.id} name` }).waitFor();
    await page.getByText('reached by robot-1').first().waitFor();
  });

  it('adds a target on a clicked surface of the conveyor, flags it out of reach, and moves it with the conveyor', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Add target on a surface' }).click();
    const [x, y] = await page.evaluate(() => window.__celltwin!.project!([-2.9, 0.9, 0.8]));
    const count = (await page.evaluate(() => window.__celltwin?.cell?.().targets.length)) ?? 0;
    await page.mouse.click(x, y);
    await page.waitForFunction((n) => window.__celltwin?.cell?.().targets.length === n + 1, count);
    const target = await page.evaluate(() => window.__celltwin?.cell?.().targets.at(-1));
    expect(target?.parent).toEqual({ item: 'conveyor-1' });
    expect(target?.pose.xyz[2]).toBeCloseTo(0.8, 2); // the belt top
    await page.getByText('out of reach').waitFor();
    const name = `target:${target?.id}`;
    const before = await page.evaluate((n) => window.__celltwin?.pointOf?.(n, [0, 0, 0]), name);
    await page.locator('.outline button', { hasText: 'Infeed conveyor' }).click();
    const fieldX = page.getByLabel('X', { exact: true });
    await fieldX.fill('-1000');
    await fieldX.press('Enter');
    const after = await page.evaluate((n) => window.__celltwin?.pointOf?.(n, [0, 0, 0]), name);
    expect((after?.[0] ?? 0) - (before?.[0] ?? 0)).toBeCloseTo(0.6, 3);
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'targets.png');
    expect(app.errors.page).toEqual([]);
  });
});
