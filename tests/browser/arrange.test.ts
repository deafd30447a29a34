/**
 * Manipulating several items in the browser: box-select two conveyors with a mouse drag (a
 * Shift+drag window, then a B crossing), align them from the inspector and undo it, group them
 * so that a click on one selects both, and move the pair with the handles as one undo step.
 * All in the orthographic top view, where the app's projection hook says where things are.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

type XYZ = [number, number, number];
const cell = (page: Page) => page.evaluate(() => window.__celltwin!.cell!());
const selection = async (page: Page) => [...(await page.evaluate(() => window.__celltwin!.selection!()))].sort();
const poseOf = async (page: Page, id: string) => (await cell(page)).items.find((i) => i.id === id)?.pose;
const screen = (page: Page, xyz: XYZ) => page.evaluate((p) => window.__celltwin!.project!(p), xyz);

/** A mouse drag from one cell point to another on the floor, in steps, with `before` run mid-way. */
async function drag(page: Page, from: XYZ, to: XYZ, midway?: () => Promise<void>): Promise<void> {
  const [x0, y0] = await screen(page, from);
  const [x1, y1] = await screen(page, to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 8, y0 + ((y1 - y0) * i) / 8);
  await midway?.();
  await page.mouse.up();
}

describe('arranging several items', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds a second conveyor at (−1100, −2000) mm and switches to the top view', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Conveyor/ }).first().click();
    const added = (await cell(page)).items.at(-1);
    expect(added?.id).toBe('conveyor-2');
    for (const [axis, value] of [['X', '-1100'], ['Y', '-2000']] as const) {
      const field = page.getByLabel(axis, { exact: true });
      await field.fill(value);
      await field.press('Enter');
    }
    expect((await poseOf(page, 'conveyor-2'))?.xyz).toEqual([-1.1, -2, 0]);
    const frames = await page.evaluate(() => window.__celltwin!.frames);
    await page.getByRole('button', { name: 'Top', exact: true }).click();
    await page.waitForFunction((n) => window.__celltwin!.frames > n + 1, frames); // the top camera has drawn
    await page.keyboard.press('Escape');
    expect(await selection(page)).toEqual([]);
  });

  it('box-selects both conveyors with a Shift+drag left → right over empty floor (items wholly inside)', async () => {
    const page = app.page;
    // Conveyor 1 spans x −3.1..−0.1 m, conveyor 2 −2.1..−0.1 m; the box ends at x = 0, short of
    // the table, the robot and the pallet, which straddle x = 0. It starts at the bottom left
    // (the view's toolbar covers the top left) and goes up and right: still a window.
    await page.keyboard.down('Shift');
    await drag(page, [-3.3, -2.5, 0], [0, 1.4, 0], async () => {
      const band = page.getByTestId('box-select');
      await band.waitFor({ state: 'visible' });
      expect(await band.getAttribute('class')).toBe('box-select window');
      await saveScreenshot(page, 'arrange-rubber-band.png');
    });
    await page.keyboard.up('Shift');
    expect(await selection(page)).toEqual(['conveyor-1', 'conveyor-2']);
    expect(await page.getByTestId('box-select').count()).toBe(0);
    await saveScreenshot(page, 'arrange-multi-selection.png');
  });

  it('aligns their left edges with the inspector button, and Ctrl+Z puts conveyor 2 back', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Align left' }).click();
    expect((await poseOf(page, 'conveyor-2'))?.xyz[0]).toBeCloseTo(-2.1, 9); // its min x now −3.1, conveyor 1's
    expect((await poseOf(page, 'conveyor-1'))?.xyz[0]).toBeCloseTo(-1.6, 9);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Align left (Ctrl+Z)');
    await page.keyboard.press('Control+z');
    expect((await poseOf(page, 'conveyor-2'))?.xyz).toEqual([-1.1, -2, 0]);
    expect(await selection(page)).toEqual(['conveyor-1', 'conveyor-2']);
  });

  it('with B, a drag right → left takes the items it touches: a thin strip across both conveyors', async () => {
    const page = app.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('b');
    await expect.poll(() => page.getByRole('button', { name: 'Box', exact: true }).getAttribute('aria-pressed')).toBe('true');
    // x −1.9 → −2.0 crosses both belts and nothing else; as a window it would take nothing.
    await drag(page, [-1.9, 1.3, 0], [-2.0, -2.4, 0], async () => {
      expect(await page.getByTestId('box-select').getAttribute('class')).toBe('box-select crossing');
      await saveScreenshot(page, 'arrange-crossing.png');
    });
    expect(await selection(page)).toEqual(['conveyor-1', 'conveyor-2']);
    expect(await page.getByRole('button', { name: 'Box', exact: true }).getAttribute('aria-pressed')).toBe('false');
  });

  it('groups them with Ctrl+G: a click on one conveyor selects both, Alt+click just the one', async () => {
    const page = app.page;
    await page.keyboard.press('Control+g');
    expect((await cell(page)).items.filter((i) => i.group === 'group-1').map((i) => i.id)).toEqual(['conveyor-1', 'conveyor-2']);
    await page.keyboard.press('Escape');
    const [cx, cy] = await screen(page, [-1.6, -2, 0.8]); // on conveyor 2's belt
    await page.mouse.click(cx, cy);
    expect(await selection(page)).toEqual(['conveyor-1', 'conveyor-2']);
    await expect.poll(() => page.locator('.outline .group-tag').count()).toBe(2);
    await saveScreenshot(page, 'arrange-group-selected.png');
    await page.locator('.outline').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'arrange-outline-groups.png', await page.locator('.outline').screenshot());
    await page.keyboard.down('Alt');
    await page.mouse.click(cx, cy);
    await page.keyboard.up('Alt');
    expect(await selection(page)).toEqual(['conveyor-2']);
  });

  it('moves the grouped pair with the X handle by the same snapped offset, as one undo step', async () => {
    const page = app.page;
    const [cx, cy] = await screen(page, [-1.6, -2, 0.8]);
    await page.mouse.click(cx, cy); // the whole group again
    const before = await cell(page);
    // The handles sit on the centre of the box around both footprints: x −1.6 m, y −0.55 m.
    const [ox, oy] = await screen(page, [-1.6, -0.55, 0]);
    const [ax] = await screen(page, [-0.6, -0.55, 0]);
    const grab = 45; // px along +X from the centre: on the arrow's shaft
    await page.mouse.move(ox + grab, oy);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(ox + grab + ((ax - ox) * i) / 10, oy);
    await page.mouse.up();
    const after = await cell(page);
    const dx = (id: string) => (after.items.find((i) => i.id === id)?.pose.xyz[0] ?? 0) - (before.items.find((i) => i.id === id)?.pose.xyz[0] ?? 0);
    expect(dx('conveyor-1')).toBeGreaterThan(0.5);
    expect(dx('conveyor-2')).toBeCloseTo(dx('conveyor-1'), 9);
    expect(Math.abs(Math.round(dx('conveyor-1') * 100) - dx('conveyor-1') * 100)).toBeLessThan(1e-6); // whole 10 mm steps
    expect(after.items.find((i) => i.id === 'conveyor-2')?.pose.xyz[1]).toBeCloseTo(-2, 9);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Move 2 items (Ctrl+Z)');
    await saveScreenshot(page, 'arrange-moved-pair.png');
    await page.keyboard.press('Control+z');
    expect((await cell(page)).items).toEqual(before.items);
  });

  it('turns the pair about the middle of their footprints with the ring (E), by whole 15° steps, as one undo step', async () => {
    const page = app.page;
    await page.keyboard.press('e');
    const before = await cell(page);
    const centre: XYZ = [-1.6, -0.55, 0]; // the middle of the box around both footprints
    const [ox, oy] = await screen(page, centre);
    const r = 70; // px: on the Z ring at this zoom
    await page.mouse.move(ox + r, oy);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(ox + r * Math.cos((i * Math.PI) / 30), oy + r * Math.sin((i * Math.PI) / 30));
    await page.mouse.up();
    await saveScreenshot(page, 'arrange-turned-pair.png');
    const after = await cell(page);
    const yaw = (id: string) => after.items.find((i) => i.id === id)?.pose.rpy[2] ?? 0;
    const steps = yaw('conveyor-1') / (Math.PI / 12);
    expect(Math.abs(steps)).toBeGreaterThanOrEqual(1);
    expect(steps).toBeCloseTo(Math.round(steps), 6);
    expect(yaw('conveyor-2')).toBeCloseTo(yaw('conveyor-1'), 9);
    // Each item swung round the centre: same distance from it as before.
    for (const id of ['conveyor-1', 'conveyor-2']) {
      const distance = (items: typeof after.items) => {
        const [x, y] = items.find((i) => i.id === id)?.pose.xyz ?? [0, 0];
        return Math.hypot(x - centre[0], y - centre[1]);
      };
      expect(distance(after.items)).toBeCloseTo(distance(before.items), 6);
    }
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Rotate 2 items (Ctrl+Z)');
    await page.keyboard.press('Control+z');
    expect((await cell(page)).items).toEqual(before.items);
    await page.keyboard.press('w');
  });

  it('in the 3D view, after Ctrl+Shift+G, a window around the projected box of the infeed conveyor takes it alone', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Shift+g');
    expect((await cell(page)).items.some((i) => i.group !== undefined)).toBe(false);
    await page.keyboard.press('Escape');
    const frames = await page.evaluate(() => window.__celltwin!.frames);
    await page.getByRole('button', { name: '3D', exact: true }).click();
    await page.waitForFunction((n) => window.__celltwin!.frames > n + 1, frames);
    await page.locator('.outline button', { hasText: 'Infeed conveyor' }).click();
    await page.keyboard.press('f'); // frame it, clear of the toolbars
    await page.keyboard.press('Escape');
    // Conveyor 1: x −3.1..−0.1, y 0.65..1.15, z 0..0.8 m. Its eight corners on screen, and a box 8 px around them.
    const corners: XYZ[] = [];
    for (const x of [-3.1, -0.1]) for (const y of [0.65, 1.15]) for (const z of [0, 0.8]) corners.push([x, y, z]);
    const points = await Promise.all(corners.map((c) => screen(page, c)));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [left, top, right, bottom] = [Math.min(...xs) - 8, Math.min(...ys) - 8, Math.max(...xs) + 8, Math.max(...ys) + 8];
    await saveScreenshot(page, 'arrange-3d-before.png');
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [left, top])).toBe('CANVAS');
    await page.keyboard.down('Shift');
    await page.mouse.move(left, top);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(left + ((right - left) * i) / 8, top + ((bottom - top) * i) / 8);
    await saveScreenshot(page, 'arrange-3d-window.png');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect(await selection(page)).toEqual(['conveyor-1']);
    expect(app.errors.page).toEqual([]);
  });
});
