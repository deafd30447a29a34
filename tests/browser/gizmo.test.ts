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

  it('drops a conveyor dragged from the library onto the floor under the pointer, snapped to 10 mm', async () => {
    const page = app.page;
    const before = (await page.evaluate(() => window.__celltwin?.cell?.().items.length)) ?? 0;
    const [px, py] = await page.evaluate(() => window.__celltwin!.project!([1.5, -2.0, 0]));
    // The same events a mouse drag makes, with one DataTransfer carried from start to drop.
    await page.evaluate(
      ([x, y]) => {
        const source = [...document.querySelectorAll('.library-item')].find((b) => b.textContent?.startsWith('Conveyor'));
        const target = document.elementFromPoint(x as number, y as number);
        if (!source || !target) throw new Error('no library button or drop target');
        const data = new DataTransfer();
        source.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
        const at = { dataTransfer: data, bubbles: true, cancelable: true, clientX: x as number, clientY: y as number };
        target.dispatchEvent(new DragEvent('dragover', at));
        target.dispatchEvent(new DragEvent('drop', at));
      },
      [px, py],
    );
    const items = (await page.evaluate(() => window.__celltwin?.cell?.().items)) ?? [];
    expect(items.length).toBe(before + 1);
    const added = items.at(-1);
    expect(added?.type).toBe('conveyor');
    expect(added?.pose.xyz[0]).toBeCloseTo(1.5, 1);
    expect(added?.pose.xyz[1]).toBeCloseTo(-2.0, 1);
    for (const v of added?.pose.xyz.slice(0, 2) ?? []) expect(Math.abs(Math.round(v * 100) - v * 100)).toBeLessThan(1e-6);
    await page.keyboard.press('Control+z');
    expect(await page.evaluate(() => window.__celltwin?.cell?.().items.length)).toBe(before);
  });

  const palletPose = () => app.page.evaluate(() => window.__celltwin?.cell?.().items.find((i) => i.id === 'pallet-1')?.pose);

  it('moves the selected pallet along X by dragging the red arrow, snapped to 10 mm, as one undo step', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'Outfeed pallet' }).click();
    await page.keyboard.press('f');
    const start = await palletPose();
    // Screen direction of the cell's +X axis at the pallet origin, from the app's projection.
    const [ox, oy, ax, ay] = await page.evaluate(([px, py]) => {
      const project = window.__celltwin?.project;
      if (!project) throw new Error('no projection hook');
      const [x0, y0] = project([px, py, 0]);
      const [x1, y1] = project([px + 1, py, 0]);
      return [x0, y0, x1, y1];
    }, [start?.xyz[0] ?? 0, start?.xyz[1] ?? 0] as [number, number]);
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
