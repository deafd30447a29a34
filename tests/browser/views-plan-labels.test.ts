/**
 * The Plan view draws each robot (base symbol, name, reach circle), and the 3D view's target
 * labels never cover each other, even when many targets sit close together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('plan robots and target labels', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('draws the UR10e in the Plan view as a base symbol with its name and a 1300 mm reach circle', async () => {
    const page = app.page;
    await page.keyboard.press('p');
    const plan = page.getByRole('img', { name: 'Plan of Pick and place demo' });
    await plan.waitFor();
    const robot = plan.locator('g[data-item-id="robot-1"]');
    expect(await robot.locator('circle.plan-robot-base').count()).toBe(1);
    expect(await robot.locator('text').textContent()).toBe('UR10e picker');
    expect(await plan.locator('circle.plan-reach[data-reach-of="robot-1"]').getAttribute('r')).toBe('1300');
    expect(await plan.locator('text.plan-reach-label').textContent()).toBe('reach 1300 mm');
    await saveScreenshot(page, 'views-plan-robots.png');
    // Drawn over the table it stands on: a click on its symbol selects the robot, not the table.
    const base = (await robot.locator('circle.plan-robot-base').boundingBox())!;
    await page.mouse.click(base.x + base.width / 2, base.y + base.height / 2);
    await expect.poll(() => page.evaluate(() => window.__celltwin?.selection?.())).toEqual(['robot-1']);
    await page.keyboard.press('p');
    await plan.waitFor({ state: 'detached' });
  });

  it('thins out eight labels taught 20 mm apart so that none overlap', async () => {
    const page = app.page;
    await page.locator('.statusbar').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__celltwin?.selection?.())).toEqual([]);
    // Eight targets in a row on the pallet top, 20 mm apart: their labels would pile up.
    await page.getByRole('button', { name: 'Add target on a surface' }).waitFor();
    const pallet = await page.evaluate(() => window.__celltwin?.cell?.().items.find((i) => i.id === 'pallet-1')?.pose.xyz);
    if (!pallet) throw new Error('no pallet');
    for (let i = 0; i < 8; i++) {
      await page.getByRole('button', { name: 'Add target on a surface' }).click();
      const [x, y] = await page.evaluate((p) => window.__celltwin!.project!(p), [pallet[0] - 0.07 + i * 0.02, pallet[1], 0.144] as [number, number, number]);
      await page.mouse.click(x, y);
    }
    await expect.poll(() => page.evaluate(() => window.__celltwin?.cell?.().targets.length)).toBe(10);
    await page.waitForFunction(() => document.querySelectorAll('.target-labels .target-label').length >= 1);
    const boxes = await page.locator('.target-labels .target-label').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.left >= b.right || b.left >= a.right || a.top >= b.bottom || b.top >= a.bottom, `${a.name} covers ${b.name}`).toBe(true);
      }
    }
    expect(boxes.length).toBeLessThan(10); // some had to give way
    await saveScreenshot(page, 'views-target-labels.png');
    expect(app.errors.page).toEqual([]);
    expect(app.errors.console).toEqual([]);
  });
});
