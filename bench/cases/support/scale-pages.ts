/**
 * The two pages of the frame-time row (cases/scene-50-robots-200-parts-chromium.ts), also used by
 * bench/profile-frames.ts: the built app on a share link of the 50-robot / 200-part cell, stepped
 * once so the parts are in the scene, and the bare three.js page with the same scene.
 */
import type { Browser, Page } from 'playwright-core';
import type { StaticServer } from '../../../tests/browser/harness';
import { installAppView } from './frame-view';
import { openBundlePage } from './page-bundle';
import { scaleCell, scaleSceneSpec, SCALE } from './scale-cell';
import type { ScenePageApi } from './scene-page-entry';

/** The browser viewport of both pages (the app's canvas is what its panels leave of it). */
export const VIEWPORT = { width: 800, height: 500 };
/** Camera orbit: 16 m out, 9 m up, 0.004 rad (0.23°) per frame — slow enough to read as a pan. */
export const ORBIT = { radius: 16, height: 9, step: 0.004 } as const;
const SCENE_ENTRY = new URL('./scene-page-entry.ts', import.meta.url).pathname;

/**
 * A page in a fresh context. tsx compiles the bench with esbuild's keepNames, which wraps named
 * inner functions (those of frame-view.ts's timeFrames) in `__name(…)`; page.evaluate sends that
 * text as is, so the page gets a do-nothing `__name`.
 */
export async function benchContextPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  return context.newPage();
}

/** Opens the app on the share link, waits for the robots, steps the run once, installs the view. */
export async function openScaleApp(browser: Browser, server: StaticServer, fragment: string): Promise<{ page: Page; size: { width: number; height: number } }> {
  const page = await benchContextPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#${fragment}`, { waitUntil: 'load' });
  const robots = SCALE.robots;
  await page.waitForFunction(
    (n) => {
      const loads = Object.values(window.__celltwin?.robotLoads?.() ?? {});
      return window.__celltwin?.firstFrameRendered === true && loads.length === n && loads.every((s) => s.done && s.error === null);
    },
    robots,
    { timeout: 120_000 },
  );
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'paused' && (window.__celltwin?.sim?.().step ?? 0) > 0, undefined, { timeout: 120_000 });
  const size = await page.evaluate(installAppView);
  if (errors.length > 0) throw new Error(`the app reported errors: ${errors.join('; ')}`);
  return { page, size };
}

/** Opens the bare three.js page with the same scene on a canvas of `size`. */
export async function openScaleReference(browser: Browser, size: { width: number; height: number }): Promise<{ page: Page; meshes: number }> {
  const page = await benchContextPage(browser);
  await openBundlePage(page, SCENE_ENTRY, 'celltwinScene');
  const spec = scaleSceneSpec(scaleCell());
  const built = await page.evaluate(
    ([s, w, h]) => (globalThis as unknown as { celltwinScene: ScenePageApi }).celltwinScene.load(s, w, h),
    [spec, size.width, size.height] as const,
  );
  return { page, meshes: built.meshes };
}

/** Visible meshes under the app's scene, and how many of them are simulated parts. */
export async function appSceneCounts(page: Page): Promise<{ meshes: number; parts: number }> {
  return page.evaluate(() => {
    const { scene } = window.__celltwin!.three!();
    let meshes = 0;
    scene.traverseVisible((o) => {
      if ((o as { isMesh?: boolean }).isMesh) meshes++;
    });
    const parts = scene.getObjectByName('sim-parts')?.children.filter((c) => c.visible).length ?? 0;
    return { meshes, parts };
  });
}
