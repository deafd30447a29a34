/**
 * Collisions while editing, as a planner meets them: jog the demo UR10e's shoulder down into the
 * riser it stands on and over the work table; the colliding link turns red in the 3D view and
 * the inspector names the pair; jogging back clears both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession } from './harness';

/** The colour of the first mesh of link `link` of the robot in the scene (hex), or null. */
async function linkColour(app: AppSession, link: string): Promise<string | null> {
  return app.page.evaluate((name) => {
    const root = window.__celltwin?.three?.().scene;
    let colour: string | null = null;
    root?.traverse((o) => {
      if (colour !== null || o.name !== name || !(o as { isURDFLink?: boolean }).isURDFLink) return;
      o.traverse((m) => {
        const material = (m as { material?: { color?: { getHexString(): string } } }).material;
        if (colour === null && material?.color) colour = material.color.getHexString();
      });
    });
    return colour;
  }, link);
}

describe('collisions while editing', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1280, height: 800 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('jogging J2 into the riser turns the upper arm red and the inspector names the pair', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    const before = await linkColour(app, 'upper_arm_link');
    expect(before).not.toBe('e53935');
    expect(await page.locator('.edit-collisions').count()).toBe(0);
    // 0.6 rad = 34.4°: the upper arm points 34° below horizontal, into the 750 mm riser.
    await page.getByLabel('shoulder_lift_joint (°)').fill('34.4');
    const warning = page.getByRole('alert', { name: 'Collisions at this pose' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('upper_arm_link × Robot pedestal');
    await page.waitForFunction(() => true);
    expect(await linkColour(app, 'upper_arm_link')).toBe('e53935');
    expect(await linkColour(app, 'forearm_link')).not.toBe('e53935');
    await saveScreenshot(page, 'edit-collisions.png');
  });

  it('jogging over the work table names the forearm and the table; back home clears it', async () => {
    const page = app.page;
    await page.getByLabel('shoulder_lift_joint (°)').fill('-28.6'); // −0.5 rad
    const warning = page.getByRole('alert', { name: 'Collisions at this pose' });
    await page.waitForFunction(() => document.querySelector('.edit-collisions')?.textContent?.includes('forearm_link × Work table'));
    expect(await warning.textContent()).not.toContain('Robot pedestal');
    expect(await linkColour(app, 'forearm_link')).toBe('e53935');
    await page.getByLabel('shoulder_lift_joint (°)').fill('-108.9'); // the demo's own pose, −1.9 rad
    await page.waitForFunction(() => document.querySelector('.edit-collisions') === null);
    expect(await linkColour(app, 'forearm_link')).not.toBe('e53935');
    expect(app.errors.page).toEqual([]);
  });
});
