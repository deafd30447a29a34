/**
 * The move handles: dragging the X arrow of the selected pallet moves it along the cell's X axis
 * in 10 mm steps, as one undo step; Ctrl+Z puts it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('the transform gizmo', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1100, height: 720 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  const palletPose = () => app.page.evaluate(() => window.__celltwin?.cell?.().items.find((i) => i.id === 'pallet-1')?.pose);

  it('moves the selected pallet along X by dragging the red arrow, snapped to 10 mm, as one undo step', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'Outfeed pallet' }).click();
    await page.keyboard.press('f');
    const start = await palletPose();
    // Screen direction of the cell's +X axis at the pallet origin, from the app's projection.
    const [ox, oy, ax, ay] = await page.evaluate(() => {
      const project = window.__celltwin?.project;
      if (!project) throw new Error('no projection hook');
      const [x0, y0] = project([0, -1.3, 0]);
      const [x1, y1] = project([1, -1.3, 0]);
      return [x0, y0, x1, y1];
    });
    const len = Math.hypot(ax - ox, ay - oy);
    const ux = (ax - ox) / len;
    const uy = (ay - oy) / len;
    const grab = 45; // px from the gizmo centre: on the arrow's shaft
    await page.mouse.move(ox + ux * grab, oy + uy * grab);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(ox + ux * (grab + 12 * i), oy + uy * (grab + 12 * i));
    await page.mouse.up();
    const moved = await palletPose();
    expect(moved?.xyz[0]).toBeGreaterThan((start?.xyz[0] ?? 0) + 0.05);
    expect(moved?.xyz[1]).toBeCloseTo(start?.xyz[1] ?? 0, 9);
    expect(moved?.xyz[2]).toBeCloseTo(0, 9);
    expect(Math.abs(((moved?.xyz[0] ?? 0) * 100) % 1)).toBeLessThan(1e-6); // a whole number of 10 mm steps
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Move Outfeed pallet (Ctrl+Z)');
    await saveScreenshot(page, 'gizmo-moved-pallet.png');

    await page.keyboard.press('Control+z');
    expect((await palletPose())?.xyz).toEqual(start?.xyz);
    expect(app.errors.page).toEqual([]);
  });
});
