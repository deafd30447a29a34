/**
 * The kinematics view in a robot's inspector: the demo UR10e's chain and DH table, the FK
 * product, its labelled IK branches drawn as ghosts; a click on a branch jumps the robot there
 * as one undo step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('kinematics view', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 900 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the DH table, the FK product and the IK branches as ghosts; a branch click is one undo step', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.locator('details.kinematics > summary').click();
    const dh = page.getByRole('table', { name: 'DH table (standard)' });
    await dh.waitFor();
    expect(await dh.locator('tbody tr').count()).toBe(6);
    // UR10e standard DH: d1 = 180.7 mm, a2 = 612.7 mm (UR's published figures).
    expect(await dh.locator('tbody tr').first().locator('td').nth(4).textContent()).toBe('180.70');
    expect(Math.abs(Number(await dh.locator('tbody tr').nth(1).locator('td').nth(2).textContent()))).toBe(612.7);
    expect(await page.getByLabel('FK product').locator('figure').count()).toBe(9); // base, A1…A6, tool, result
    const branches = page.getByRole('list', { name: 'IK branches' }).locator('li');
    expect(await branches.count()).toBeGreaterThanOrEqual(2);
    await page.getByText('Show branches as ghosts').click();
    await page.locator('.kin-ghost-label').first().waitFor();
    await page.getByRole('button', { name: 'Frame', exact: true }).click(); // frame the selected robot
    await page.waitForTimeout(1500);
    await saveScreenshot(page, 'kinematics.png');

    const before = await page.evaluate(() => (window.__celltwin?.cell?.().items.find((i) => i.type === 'robot') as { joints?: number[] } | undefined)?.joints);
    const jump = page.getByRole('list', { name: 'IK branches' }).locator('button:not([disabled])').first();
    const label = await jump.textContent();
    await jump.click();
    await expect.poll(() => page.evaluate(() => (window.__celltwin?.cell?.().items.find((i) => i.type === 'robot') as { joints?: number[] } | undefined)?.joints)).not.toEqual(before);
    await page.getByRole('list', { name: 'IK branches' }).getByText('current').waitFor();
    expect(await page.getByRole('list', { name: 'IK branches' }).locator('li', { hasText: label! }).textContent()).toContain('current');
    await page.locator('details.kinematics > summary').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window.__celltwin?.cell?.().items.find((i) => i.type === 'robot') as { joints?: number[] } | undefined)?.joints)).toEqual(before);
  }, 180_000);
});
