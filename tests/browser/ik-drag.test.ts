/**
 * Dragging the tool of the UR10e by its IK handle: the arm follows (the flange ends where the
 * handle went, along the handle's X axis), the drag is one undo step, and the manipulability and
 * reach envelope show for the student.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

type V3 = [number, number, number];

describe('dragging a robot tool by inverse kinematics', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('moves the flange along the dragged axis and the joints follow, as one undo step', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.getByLabel('Drag the tool (IK)').check();
    await page.locator('.viewport').hover();
    await page.keyboard.press('f');
    await page.waitForFunction(() => window.__celltwin?.pointOf?.('ik-handle:robot-1', [0, 0, 0]) != null);
    const axis = (local: V3) => page.evaluate((l) => window.__celltwin?.pointOf?.('ik-handle:robot-1', l) as V3, local);
    const origin = await axis([0, 0, 0]);
    const xTip = await axis([0.1, 0, 0]);
    const [ox, oy] = await page.evaluate((p) => window.__celltwin!.project!(p), origin);
    const [ax, ay] = await page.evaluate((p) => window.__celltwin!.project!(p), xTip);
    const len = Math.hypot(ax - ox, ay - oy);
    const [ux, uy] = [(ax - ox) / len, (ay - oy) / len];
    const jointsBefore = await page.evaluate(() => window.__celltwin?.cell?.().items.find((i) => i.id === 'robot-1'));

    const grab = 35;
    await page.mouse.move(ox + ux * grab, oy + uy * grab);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(ox + ux * (grab + 6 * i), oy + uy * (grab + 6 * i));
    await page.mouse.up();

    const robot = await page.evaluate(() => window.__celltwin?.cell?.().items.find((i) => i.id === 'robot-1'));
    expect(robot?.type === 'robot' && robot.joints).not.toEqual(jointsBefore?.type === 'robot' && jointsBefore.joints);
    const moved = await axis([0, 0, 0]);
    const delta = moved.map((v, i) => v - (origin[i] ?? 0));
    const dir = xTip.map((v, i) => (v - (origin[i] ?? 0)) / 0.1);
    const along = delta.reduce((s, d, i) => s + d * (dir[i] ?? 0), 0);
    const across = Math.hypot(...delta.map((d, i) => d - along * (dir[i] ?? 0)));
    expect(along).toBeGreaterThan(0.01);
    expect(across).toBeLessThan(0.002);
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo Move UR10e picker tool (Ctrl+Z)');
    expect(await page.getByText(/Manipulability \d/).textContent()).toMatch(/× typical/);
  });

  it('shows the reach envelope computed in a worker', async () => {
    await app.page.getByLabel('Show reach envelope').check();
    await app.page.waitForFunction(() => window.__celltwin?.pointOf?.('reach-cloud:robot-1', [0, 0, 0]) != null, null, { timeout: 30_000 });
    await saveScreenshot(app.page, 'ik-drag-reach.png');
    expect(app.errors.page).toEqual([]);
  });
});
