/**
 * Renders the scenario templates' thumbnails (`assets/cells/templates/<name>.png`, 320 × 200)
 * from the real app: for each template in `assets/cells/templates/index.json`, opens a fresh
 * app, opens the template through the "Open" button's file chooser (as a planner would), waits
 * for the first frame and for every robot of the template to finish loading, frames the whole
 * cell with F (mouse over the view), screenshots the 3D canvas alone and scales it down.
 *
 * Not a test (vitest does not pick it up): run it by hand after changing a template,
 *
 *     npx vite build && npx tsx tests/browser/make-thumbnails.ts [name …]
 *
 * It builds nothing itself; it serves `dist/` with the browser tests' harness. With names
 * (`machine-tending`), only those templates are rendered. With THUMB_RAW=1 it also saves a
 * full-page screenshot beside each thumbnail (`<name>.raw.png`, not to be committed) to check
 * the layout at full size.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { REPO_ROOT, collectErrors, launchBrowser, serveStatic, waitForFirstFrame, type PageErrors } from './harness';

const TEMPLATES_DIR = path.join(REPO_ROOT, 'assets', 'cells', 'templates');
/** Thumbnail size in pixels (16:10). */
const WIDTH = 320;
const HEIGHT = 200;
/** The browser window: the canvas comes out a few times the thumbnail's size, then is averaged down. */
const VIEWPORT = { width: 1280, height: 800 };
/** Pixels the view is dragged down before framing: the camera climbs from the app's default ~30° to ~50°. */
const ORBIT_UP_PX = 60;
/** Wheel notches towards the cell after framing it (each takes the camera 5 % closer). */
const ZOOM_IN_STEPS = 10;
/** Hides everything but the canvas while the shot is taken (labels, toolbars, notices). */
const CANVAS_ONLY_STYLE = 'body * { visibility: hidden !important; } body canvas { visibility: visible !important; }';

interface IndexEntry {
  file: string;
  title: string;
}

/** Crops `png` to width:height (centred) and scales it to width × height by area averaging. */
function thumbnail(png: Buffer, width: number, height: number): Buffer {
  const src = PNG.sync.read(png);
  let cw = src.width;
  let ch = (cw * height) / width;
  if (ch > src.height) {
    ch = src.height;
    cw = (ch * width) / height;
  }
  const x0 = (src.width - cw) / 2;
  const y0 = (src.height - ch) / 2;
  const out = new PNG({ width, height });
  const sum = [0, 0, 0, 0];
  for (let y = 0; y < height; y++) {
    const sy0 = y0 + (y * ch) / height;
    const sy1 = y0 + ((y + 1) * ch) / height;
    for (let x = 0; x < width; x++) {
      const sx0 = x0 + (x * cw) / width;
      const sx1 = x0 + ((x + 1) * cw) / width;
      sum.fill(0);
      let weight = 0;
      for (let sy = Math.floor(sy0); sy < Math.ceil(sy1); sy++) {
        const wy = Math.min(sy + 1, sy1) - Math.max(sy, sy0);
        for (let sx = Math.floor(sx0); sx < Math.ceil(sx1); sx++) {
          const w = wy * (Math.min(sx + 1, sx1) - Math.max(sx, sx0));
          const i = (sy * src.width + sx) * 4;
          for (let k = 0; k < 4; k++) sum[k]! += src.data[i + k]! * w;
          weight += w;
        }
      }
      const o = (y * width + x) * 4;
      for (let k = 0; k < 4; k++) out.data[o + k] = Math.round(sum[k]! / weight);
    }
  }
  return PNG.sync.write(out);
}

/** Waits until the app shows the cell called `name` and every robot in it has finished loading. */
async function waitForCell(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => window.__celltwin?.cell?.().name === n, name, { timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const probe = window.__celltwin;
      const cell = probe?.cell?.();
      const loads = probe?.robotLoads?.() ?? {};
      return cell !== undefined && cell.items.filter((i) => i.type === 'robot').every((r) => loads[r.id]?.done === true);
    },
    undefined,
    { timeout: 120_000 },
  );
}

/**
 * Waits until the canvas has drawn at least one frame since `since` and then stays still for
 * 20 animation frames (it renders on demand: a camera that eased into place draws no more).
 */
async function waitForStillCanvas(page: Page, since: number): Promise<void> {
  await page.evaluate(() => delete (window as unknown as { __thumbStill?: unknown }).__thumbStill);
  await page.waitForFunction(
    (start) => {
      const w = window as unknown as { __thumbStill?: { frames: number; ticks: number } | undefined };
      const frames = window.__celltwin?.frames ?? 0;
      if (frames <= start) return false;
      const s = (w.__thumbStill ??= { frames, ticks: 0 });
      if (s.frames !== frames) Object.assign(s, { frames, ticks: 0 });
      else s.ticks++;
      return s.ticks >= 20;
    },
    since,
    { timeout: 30_000, polling: 'raf' },
  );
}

/** Opens template `file` in the app loaded in `page` and writes its thumbnail to `out`. */
async function render(page: Page, errors: PageErrors, file: string, out: string): Promise<void> {
  const cellName = (JSON.parse(await readFile(file, 'utf8')) as { name: string }).name;
  await waitForFirstFrame(page, 60_000, errors);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open', exact: true }).click()]);
  await chooser.setFiles(file);
  await waitForCell(page, cellName);
  const box = await page.locator('.viewport').boundingBox();
  if (!box) throw new Error('the view has no size');
  // Look down into the cell over its fences: drag the view down (the camera orbits up), from a
  // corner of the view where the floor is, so the drag grabs no item.
  let before = await page.evaluate(() => window.__celltwin?.frames ?? 0);
  await page.mouse.move(box.x + 12, box.y + box.height - 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 12, box.y + box.height - 60 + ORBIT_UP_PX, { steps: 8 });
  await page.mouse.up();
  await waitForStillCanvas(page, before);
  before = await page.evaluate(() => window.__celltwin?.frames ?? 0);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('f');
  await waitForStillCanvas(page, before);
  // F frames the cell's bounding sphere with room to spare; a thumbnail wants it to fill the view.
  // The wheel over a corner of the view: target labels near the middle would take the event.
  before = await page.evaluate(() => window.__celltwin?.frames ?? 0);
  await page.mouse.move(box.x + 12, box.y + box.height - 12);
  for (let i = 0; i < ZOOM_IN_STEPS; i++) await page.mouse.wheel(0, -100);
  await waitForStillCanvas(page, before);
  const shot = await page.locator('.viewport canvas').first().screenshot({ animations: 'disabled', style: CANVAS_ONLY_STYLE });
  await writeFile(out, thumbnail(shot, WIDTH, HEIGHT));
  if (process.env.THUMB_RAW) await writeFile(out.replace(/\.png$/, '.raw.png'), await page.screenshot());
  if (errors.page.length > 0) throw new Error(`page errors: ${errors.page.join('; ')}`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const templates = JSON.parse(await readFile(path.join(TEMPLATES_DIR, 'index.json'), 'utf8')) as IndexEntry[];
  const unknown = only.filter((n) => !templates.some((t) => t.file === `${n}.cell.json`));
  if (unknown.length > 0) throw new Error(`not in index.json: ${unknown.join(', ')}`);
  const server = await serveStatic();
  const browser = await launchBrowser();
  try {
    for (const entry of templates) {
      const name = entry.file.replace(/\.cell\.json$/, '');
      if (only.length > 0 && !only.includes(name)) continue;
      // A fresh page per template, so the camera starts from the app's default view every time.
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`${server.url}?fresh`, { waitUntil: 'load' });
        const out = path.join(TEMPLATES_DIR, `${name}.png`);
        await render(page, errors, path.join(TEMPLATES_DIR, entry.file), out);
        console.log(`${path.relative(REPO_ROOT, out)}: ${entry.title}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
