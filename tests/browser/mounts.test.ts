/**
 * Putting robots on mounts in the browser: the default cell's UR10e goes on a pedestal from its
 * inspector (and back with Ctrl+Z), then stands on a pedestal while a second robot rides a
 * linear track, moved along it by the "Track position" field; a screenshot shows both.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

const cell = (page: Page) => page.evaluate(() => window.__celltwin!.cell!());
const itemOf = async (page: Page, id: string) => (await cell(page)).items.find((i) => i.id === id);

describe('robots on pedestals and tracks', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('puts the selected UR10e on a pedestal: its z becomes the pedestal height, and Ctrl+Z puts it back', async () => {
    const page = app.page;
    const before = await itemOf(page, 'robot-1');
    expect(before?.pose.xyz[2]).toBeCloseTo(0.75, 9); // it stands on a table-like riser in the default cell
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.getByRole('button', { name: 'Put on pedestal' }).click();
    const pedestal = await itemOf(page, 'pedestal-1');
    const robot = await itemOf(page, 'robot-1');
    expect(pedestal?.type === 'pedestal' && pedestal.size[2]).toBe(0.5);
    expect(robot?.pose.xyz).toEqual([0, 0, 0.5]);
    expect(robot?.type === 'robot' && robot.mount).toEqual({ item: 'pedestal-1' });
    await expect.poll(() => page.getByLabel('Mount').textContent()).toContain('Pedestal of UR10e picker');

    await page.keyboard.press('Control+z');
    expect((await itemOf(page, 'robot-1'))?.pose.xyz).toEqual([0, 0, 0.75]);
    expect(await itemOf(page, 'pedestal-1')).toBeUndefined();
  });

  it('shows one robot on a pedestal and one riding a track, moved 1200 mm along it', async () => {
    const page = app.page;
    // Clear the riser table from under the UR10e, then stand it on a pedestal.
    await page.locator('.outline button', { hasText: 'Robot pedestal' }).click();
    await page.keyboard.press('Delete');
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.getByRole('button', { name: 'Put on pedestal' }).click();

    // A UR5e in front of the pallet, on a track along x.
    await page.getByRole('button', { name: /^UR5e/ }).click();
    const ur5 = (await cell(page)).items.at(-1);
    expect(ur5?.type).toBe('robot');
    for (const [axis, value] of [['X', '-1000'], ['Y', '-2200']] as const) {
      const field = page.getByLabel(axis, { exact: true });
      await field.fill(value);
      await field.press('Enter');
    }
    await page.getByRole('button', { name: 'Put on track' }).click();
    const position = page.getByLabel('Track position');
    await position.fill('1200');
    await position.press('Enter');
    const rider = await itemOf(page, ur5!.id);
    expect(rider?.pose.xyz[0]).toBeCloseTo(0.2, 9);
    expect(rider?.pose.xyz[1]).toBeCloseTo(-2.2, 9);
    expect(rider?.pose.xyz[2]).toBeCloseTo(0.45, 9);
    expect(rider?.type === 'robot' && rider.mount).toEqual({ item: 'track-1', position: 1.2 });
    expect((await itemOf(page, 'robot-1'))?.pose.xyz[2]).toBe(0.5);

    await page.waitForFunction((id) => window.__celltwin?.robotLoads?.()[id]?.done === true, ur5!.id, { timeout: 60_000 });
    // The whole cell, then a close-up of each mount (framed on it, the selection cleared).
    await position.blur(); // keys go to the shortcuts, not to the field
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await saveScreenshot(page, 'mounts-pedestal-and-track.png');
    const outline = page.locator('.outline');
    for (const [name, shot] of [
      ['Pedestal of UR10e picker', 'mounts-pedestal.png'],
      ['Universal Robots UR5e', 'mounts-track.png'],
    ] as const) {
      await outline.getByRole('button', { name, exact: true }).click();
      await page.keyboard.press('f');
      await page.keyboard.press('Escape');
      await saveScreenshot(page, shot);
    }
    expect(app.errors.page).toEqual([]);
  });

  it('deleting the pedestal puts the UR10e back on the floor and says so', async () => {
    const page = app.page;
    await page.locator('.outline').getByRole('button', { name: 'Pedestal of UR10e picker', exact: true }).click();
    await page.keyboard.press('Delete');
    expect(await itemOf(page, 'pedestal-1')).toBeUndefined();
    const robot = await itemOf(page, 'robot-1');
    expect(robot?.pose.xyz).toEqual([0, 0, 0]);
    expect(robot?.type === 'robot' && robot.mount).toBeUndefined();
    await expect.poll(() => page.getByText('UR10e picker is back on the floor').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Delete pedestal-1 (robot-1 back on the floor) (Ctrl+Z)');
  });
});
