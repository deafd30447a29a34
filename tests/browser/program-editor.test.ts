/**
 * The program editor as a planner uses it: open the robot's program from its inspector, clear it,
 * build a two-step program from scratch (one target clicked in the 3D view, one taught at the
 * tool), read the estimates, see a bad value refused with the file's located message, undo, and
 * run it: the robot loops and the running step is highlighted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('program editor', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 860 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens the robot program from its inspector, with an estimate per step and the loop sum', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.getByRole('button', { name: 'Edit program (9 steps)' }).click();
    const list = page.getByRole('list', { name: 'Program of UR10e picker' });
    await expect.poll(() => list.locator('li.step').count()).toBe(9);
    // Every move gets an estimate in seconds once the motion layer has planned the loop.
    await page.waitForFunction(() => document.querySelector('.program-total')?.textContent?.startsWith('Loop ≈'));
    const times = await list.locator('.step-time').allTextContents();
    expect(times.filter((t) => /^\d+\.\d\d s/.test(t))).toHaveLength(9);
    const total = await page.locator('.program-total').textContent();
    const sum = times.reduce((a, t) => a + Number.parseFloat(t), 0);
    expect(Number.parseFloat(total!.replace(/^Loop ≈ /, ''))).toBeCloseTo(sum, 1);
    await list.locator('li.step').nth(2).locator('.step-row').click();
    await saveScreenshot(page, 'program-editor.png');
  });

  it('builds a two-step program from scratch, refuses a bad speed with the located message, and undoes', async () => {
    const page = app.page;
    const list = page.getByRole('list', { name: 'Program of UR10e picker' });
    for (let n = 9; n > 0; n--) {
      await list.locator('li.step').first().locator('.step-row').click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => list.locator('li.step').count()).toBe(n - 1);
    }
    await page.getByText('UR10e picker has no program').waitFor();

    await page.getByRole('combobox', { name: 'Step type to add' }).selectOption('moveJ');
    await page.getByRole('button', { name: 'Add step' }).click();
    // The new step is open: pick its target by clicking the infeed target's label in the 3D view.
    await page.getByRole('button', { name: 'Pick target of step 1 in the scene' }).click();
    await page.locator('.target-label.pickable', { hasText: 'Case at the infeed stop' }).first().click();
    await page.waitForFunction(() => (window.__celltwin?.cell?.().programs[0]?.steps[0] as { target?: string } | undefined)?.target === 'pick');
    await page.locator('#step-0-approach').fill('100');
    await page.locator('#step-0-approach').press('Enter');
    // The second step: teach a target where the tool is now, and a joint move to it (one undo step).
    const targets = (await page.evaluate(() => window.__celltwin?.cell?.().targets.length)) ?? 0;
    await page.getByRole('button', { name: 'Teach here' }).click();
    await page.waitForFunction(() => window.__celltwin?.cell?.().programs[0]?.steps.length === 2);
    const cell = await page.evaluate(() => window.__celltwin?.cell?.());
    const taught = cell?.targets[targets];
    expect(taught?.id).toBe(`P${targets + 1}`);
    expect(cell?.programs[0]?.steps).toEqual([
      { type: 'moveJ', target: 'pick', approach: 0.1 },
      { type: 'moveJ', target: taught?.id },
    ]);
    await page.locator('li.step').nth(1).locator('.step-row').click();

    // A speed of 150 % is refused, with the message the file would get, and never reaches the cell.
    await page.locator('#step-1-speed').fill('150');
    await page.getByText('programs[0].steps[1].speed').waitFor();
    expect(await page.locator('.step-problems').first().textContent()).toContain('expected a number in (0, 1]');
    await page.locator('#step-1-speed').press('Escape');
    await page.locator('#step-1-speed').fill('50');
    await page.locator('#step-1-speed').press('Enter');
    await page.waitForFunction(() => (window.__celltwin?.cell?.().programs[0]?.steps[1] as { speed?: number } | undefined)?.speed === 0.5);
    // Each edit is one undo step (the shortcut, once the field has let go of the keyboard).
    await page.locator('#step-1-speed').blur();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window.__celltwin?.cell?.().programs[0]?.steps[1] as { speed?: number } | undefined)?.speed === undefined);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => (window.__celltwin?.cell?.().programs[0]?.steps[1] as { speed?: number } | undefined)?.speed === 0.5);
    await page.waitForFunction(() => document.querySelectorAll('.steps .step-time').length === 2 && /^Loop ≈ \d/.test(document.querySelector('.program-total')?.textContent ?? ''));
  });

  it('runs the two-step program: the robot loops and the running step is highlighted', async () => {
    const page = app.page;
    await page.getByRole('button', { name: '▶ Run', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.sim?.().programs.find((p) => p.robot === 'robot-1')?.cycles ?? 0) >= 2, undefined, { timeout: 90_000 });
    await page.locator('li.step.running').first().waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await page.locator('li.step.running').first().waitFor();
    await saveScreenshot(page, 'program-editor-running.png');
    expect(app.errors.page).toEqual([]);
  });
});
