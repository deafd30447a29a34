/**
 * Import as a newcomer finds it: "Import robot…" in the library opens a file chooser; a zip of
 * the ABB IRB 120 package whose visual meshes were left out lands near the middle of the view,
 * on the floor, drawn with its collision meshes (not grey boxes), with one summary line; it has
 * a reach and takes part in the reach-overlap check like a library robot.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasIsNotBlank, openApp, REPO_ROOT, saveScreenshot, type AppSession } from './harness';

const CORPUS = path.join(REPO_ROOT, 'tests/corpus');

/** Files under `dir` keyed by their path from `root`, leaving out paths that match `skip`. */
function filesUnder(root: string, dir: string, skip: RegExp, out: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    if (skip.test(rel)) continue;
    if (statSync(full).isDirectory()) filesUnder(root, full, skip, out);
    else out[rel] = readFileSync(full);
  }
  return out;
}

const items = (page: Page) => page.evaluate(() => window.__celltwin?.cell?.().items ?? []);

describe('importing a robot through the button', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds the IRB 120 from a zip without visual meshes, drawn with its 7 collision meshes, near the middle of the view', async () => {
    const page = app.page;
    // The package with meshes/…/visual left out: only the collision STLs travel in the zip.
    const zip = zipSync(filesUnder(CORPUS, path.join(CORPUS, 'abb_irb120_support'), /\/visual(\/|$)|\.xacro$/));
    const before = await items(page);
    await page.getByText('…or drop a .urdf, .xacro, .zip or the package folder anywhere on the page.').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import robot…' }).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: 'abb_irb120_support.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });

    await page.waitForFunction((n) => (window.__celltwin?.cell?.().items.length ?? 0) > n, before.length, { timeout: 60_000 });
    const robot = (await items(page)).find((i) => !before.some((b) => b.id === i.id));
    expect(robot?.type).toBe('robot');
    if (robot?.type !== 'robot' || robot.source.type !== 'embedded') throw new Error('expected an imported robot');
    expect(Object.keys(robot.source.meshes ?? {})).toHaveLength(7);
    // Reach to tool0: ABB's 580 mm to the wrist centre plus the 72 mm flange, within 2 %.
    expect(Math.abs((robot.source.reach ?? 0) - 0.652) / 0.652).toBeLessThan(0.02);
    expect(robot.pose.xyz[2]).toBe(0);

    await page.waitForFunction((id) => window.__celltwin?.robotLoads?.()[id]?.done === true, robot.id, { timeout: 60_000 });
    const status = await page.evaluate((id) => window.__celltwin?.robotLoads?.()[id], robot.id);
    expect(status?.error).toBeNull();
    expect(status?.warnings.filter((w) => w.includes('drawn with its collision mesh'))).toHaveLength(7);
    expect(status?.warnings.filter((w) => w.includes('grey box'))).toEqual([]);
    const standIns = await page.evaluate(() => {
      let n = 0;
      window.__celltwin?.three?.().scene.traverse((o) => {
        if (o.name === 'collision-stand-in') n++;
      });
      return n;
    });
    expect(standIns).toBe(7);

    const notice = page.locator('.notice.warning', { hasText: 'Added' });
    expect(await notice.locator('.notice-summary').textContent()).toBe(
      "7 of 14 mesh files are missing (each drawn with its link's collision mesh). Drop the robot's package folder, or a .zip of it, to bring them in.",
    );

    // Visible: its base projects inside the 3D view, in the middle half of its width.
    const [x, y] = await page.evaluate((p) => window.__celltwin!.project!(p), robot.pose.xyz);
    const box = (await page.locator('.viewport canvas').boundingBox())!;
    expect(x).toBeGreaterThan(box.x + box.width * 0.25);
    expect(x).toBeLessThan(box.x + box.width * 0.75);
    expect(y).toBeGreaterThan(box.y);
    expect(y).toBeLessThan(box.y + box.height);
    await canvasIsNotBlank(page);
    await saveScreenshot(page, 'import-button-zip.png');
    expect(app.errors.page).toEqual([]);
  });

  it('imports a whole package folder through "a folder…", with all 14 meshes found', async () => {
    const page = app.page;
    const before = await items(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'a folder…' }).click()]);
    await chooser.setFiles(path.join(CORPUS, 'abb_irb120_support'));
    await page.waitForFunction((n) => (window.__celltwin?.cell?.().items.length ?? 0) > n, before.length, { timeout: 60_000 });
    const robot = (await items(page)).find((i) => !before.some((b) => b.id === i.id));
    if (robot?.type !== 'robot' || robot.source.type !== 'embedded') throw new Error('expected an imported robot');
    expect(Object.keys(robot.source.meshes ?? {})).toHaveLength(14);
    await page.waitForFunction((id) => window.__celltwin?.robotLoads?.()[id]?.done === true, robot.id, { timeout: 60_000 });
    const status = await page.evaluate((id) => window.__celltwin?.robotLoads?.()[id], robot.id);
    expect(status?.warnings).toEqual([]);
    // Nothing missing: no warning about it (just a short confirmation that fades).
    expect(await page.locator('.notice.warning', { hasText: 'from irb120_3_58.urdf' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => items(page).then((list) => list.length)).toBe(before.length);
  });

  it('puts the imported robot in the reach-overlap check once it stands next to the UR10e', async () => {
    const page = app.page;
    const robot = (await items(page)).find((i) => i.type === 'robot' && i.source.type === 'embedded');
    const ur = (await items(page)).find((i) => i.id === 'robot-1');
    if (!robot || !ur) throw new Error('expected both robots');
    // Move it 1.5 m from the UR10e: 1.3 m + 0.65 m of reach overlap by about 0.45 m.
    await page.locator('.outline button', { hasText: robot.name }).click();
    const x = page.getByLabel('X', { exact: true });
    const y = page.getByLabel('Y', { exact: true });
    await x.fill(String(Math.round(ur.pose.xyz[0] * 1000)));
    await x.press('Enter');
    await y.fill(String(Math.round(ur.pose.xyz[1] * 1000 - 1500)));
    await y.press('Enter');
    await page.locator('.statusbar').click(); // leave the field, then clear the selection: the cell's checks show
    await page.keyboard.press('Escape');
    const line = page.getByText(new RegExp(`Reach of (UR10e picker and ${robot.name}|${robot.name} and UR10e picker) overlaps by \\d+ mm`));
    await line.waitFor();
    const mm = Number(/overlaps by (\d+) mm/.exec((await line.textContent()) ?? '')?.[1]);
    const reach = robot.type === 'robot' && robot.source.type === 'embedded' ? (robot.source.reach ?? 0) : 0;
    expect(mm).toBeCloseTo((1.3 + reach - 1.5) * 1000, -1);
  });
});
