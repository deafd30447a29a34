/**
 * Views and drawing tools: measuring between two points (on the floor and on an item) without
 * touching the selection, drawing a fence run as a polyline that becomes fence panels in one
 * undo step, and the 2D plan with its dimensions, zoom, pan and click-to-select.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

type XYZ = [number, number, number];
const at = (page: Page, p: XYZ) => page.evaluate((q) => window.__celltwin!.project!(q), p);
const items = async (page: Page) => (await page.evaluate(() => window.__celltwin?.cell?.().items)) ?? [];
const mmOf = (text: string | null) => Number((text ?? '').replace(/[^\d−-]/g, '').replace('−', '-'));

describe('measure, fence runs and the plan view', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('measures 3000 mm between two floor points, then from the table top, without selecting or moving anything', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'Outfeed pallet' }).click();
    const palletBefore = (await items(page)).find((i) => i.id === 'pallet-1')?.pose;
    await page.keyboard.press('m');
    const readout = page.getByRole('status', { name: 'Measurement' });
    await readout.getByText('Click a point on an item or on the floor.').waitFor();

    const [ax, ay] = await at(page, [2.5, -1.2, 0]);
    const [bx, by] = await at(page, [2.5, 1.8, 0]);
    await page.mouse.click(ax, ay);
    await readout.getByText('Click the second point.').waitFor();
    await page.mouse.click(bx, by);
    const distance = readout.getByLabel('Distance');
    await distance.waitFor();
    expect(Math.abs(mmOf(await distance.textContent()) - 3000)).toBeLessThanOrEqual(10);
    expect(Math.abs(mmOf(await readout.locator('.measure-deltas td').nth(1).textContent()) - 3000)).toBeLessThanOrEqual(10);
    expect(Math.abs(mmOf(await readout.locator('.measure-deltas td').nth(0).textContent()))).toBeLessThanOrEqual(10);
    await page.getByTestId('measure-label').waitFor();
    await saveScreenshot(page, 'views-measure-floor.png');

    // A third click starts again: on the top of the fixture table (750 mm high), then the floor beside it.
    const [tx, ty] = await at(page, [1.2, 0.1, 0.75]);
    await page.mouse.click(tx, ty);
    await readout.getByText('Click the second point.').waitFor();
    const [fx, fy] = await at(page, [2.5, 0.1, 0]);
    await page.mouse.click(fx, fy);
    // From (1.2, 0.1, 0.75) to (2.5, 0.1, 0): √(1.3² + 0.75²) = 1.5008 m.
    expect(Math.abs(mmOf(await distance.textContent()) - 1501)).toBeLessThanOrEqual(10);
    expect(Math.abs(mmOf(await readout.locator('.measure-deltas td').nth(2).textContent()) + 750)).toBeLessThanOrEqual(10);
    await saveScreenshot(page, 'views-measure-table.png');

    expect(await page.getByLabel('Item name').inputValue()).toBe('Outfeed pallet'); // still the pallet selected
    expect((await items(page)).find((i) => i.id === 'pallet-1')?.pose).toEqual(palletBefore);
    await page.keyboard.press('Escape');
    await readout.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Item name').inputValue()).toBe('Outfeed pallet'); // Escape left the tool only
  });

  it('draws a 3-point fence run (6 m + 2.5 m) in the top view: three 2 m and two 1.25 m panels, removed by one Ctrl+Z', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Top', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.project?.([0, 0, 0])[0] ?? 0) > 0);
    const before = await items(page);
    await page.getByRole('button', { name: /^Fence run \(draw\)/ }).click();
    const panel = page.getByRole('status', { name: 'Fence run' });
    await panel.getByText('Click the first corner on the floor.').waitFor();

    const corners: XYZ[] = [
      [-3, -2, 0],
      [3, -2, 0],
      [3, 0.5, 0],
    ];
    const px = await Promise.all(corners.map((c) => at(page, c)));
    await page.mouse.click(...(px[0] as [number, number]));
    await page.mouse.click(...(px[1] as [number, number]));
    // A stray corner, taken back with Backspace (which must not delete the selected pallet).
    const [sx, sy] = await at(page, [1, 1, 0]);
    await page.mouse.click(sx, sy);
    await panel.getByText(/^3 points/).waitFor();
    await page.keyboard.press('Backspace');
    await panel.getByText(/^2 points/).waitFor();
    // The live preview to the pointer, with its length.
    await page.mouse.move(...(px[2] as [number, number]));
    await page.locator('.dimension-label.pending').waitFor();
    await saveScreenshot(page, 'views-fence-run-drawing.png');
    await page.mouse.dblclick(...(px[2] as [number, number]));
    await panel.waitFor({ state: 'detached' });

    const after = await items(page);
    const fences = after.filter((i) => i.type === 'fence' && !before.some((b) => b.id === i.id));
    expect(after.length).toBe(before.length + fences.length);
    const lengths = fences.map((f) => (f.type === 'fence' ? f.length : 0));
    expect(lengths).toHaveLength(5);
    expect(lengths.reduce((s, l) => s + l, 0)).toBeCloseTo(8.5, 1);
    for (const [i, l] of lengths.entries()) expect(l).toBeCloseTo(i < 3 ? 2 : 1.25, 1);
    expect(after.some((i) => i.id === 'pallet-1')).toBe(true);
    await saveScreenshot(page, 'views-fence-run-done.png');

    await page.keyboard.press('Control+z');
    expect((await items(page)).map((i) => i.id)).toEqual(before.map((i) => i.id));
    await page.keyboard.press('Control+Shift+z'); // back again for the plan
    expect((await items(page)).filter((i) => i.type === 'fence')).toHaveLength(5);
    expect(app.errors.page).toEqual([]);
  });

  it('shows the plan (P) with the floor, footprint and robot-to-fence dimensions, live, zoomable, and selects by click', async () => {
    const page = app.page;
    await page.keyboard.press('p');
    const plan = page.getByRole('region', { name: 'Plan view' });
    await plan.waitFor();
    const texts = await plan.locator('svg text').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['8000 mm', '6000 mm']));
    // The UR10e stands at the origin; its nearest fence face is the run along y = −2 m (25 mm thick).
    const fenceDim = mmOf(await plan.locator('text.dim-fence').first().textContent());
    expect(Math.abs(fenceDim - 1975)).toBeLessThanOrEqual(15);
    // The footprint runs from the conveyor's infeed end (x = −3.1 m) to the face of the fence at
    // x = 3 m (3.025 m), and from the fence along y = −2 m (−2.025 m) to the conveyor's far side
    // (y = 1.15 m).
    const footprint = (await plan.locator('text.dim-footprint').allTextContents()).map(mmOf);
    expect(Math.abs((footprint[0] ?? 0) - 6125)).toBeLessThanOrEqual(25);
    expect(Math.abs((footprint[1] ?? 0) - 3175)).toBeLessThanOrEqual(25);
    await saveScreenshot(page, 'views-plan.png');

    const svg = plan.locator('svg');
    const box = async () => ((await svg.getAttribute('viewBox')) ?? '').split(' ').map(Number);
    const fit = await box();
    const area = await plan.locator('.plan-drawing').boundingBox();
    if (!area) throw new Error('no plan drawing');
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((w) => Number(document.querySelector('.plan-drawing svg')?.getAttribute('viewBox')?.split(' ')[2]) < w, fit[2] ?? 0);
    const zoomed = await box();
    await saveScreenshot(page, 'views-plan-zoomed.png');
    expect(zoomed[2]).toBeLessThan((fit[2] ?? 0) * 0.8);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width / 2 + 80, area.y + area.height / 2 + 30, { steps: 4 });
    await page.mouse.up();
    const panned = await box();
    expect(panned[0]).toBeLessThan(zoomed[0] ?? 0);
    expect(panned[2]).toBeCloseTo(zoomed[2] ?? 0, 6);
    await page.getByRole('button', { name: 'Fit' }).click();

    await plan.locator('[data-item-id="conveyor-1"]').click();
    expect(await page.getByLabel('Item name').inputValue()).toBe('Infeed conveyor');
    expect(await plan.locator('[data-item-id="conveyor-1"]').getAttribute('class')).toContain('selected');

    // Live: undoing the fence run takes its dimensions off the open plan.
    await page.keyboard.press('Control+z');
    await plan.locator('text.dim-fence').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await plan.locator('text.dim-fence').first().waitFor();
    await page.keyboard.press('p');
    await plan.waitFor({ state: 'detached' });
    expect(app.errors.page).toEqual([]);
  });
});
