/**
 * Manipulability in the kinematics view: the demo UR10e a quarter of a degree from its wrist
 * singularity. The panel's w, σ_min, condition number and joint rates for a 10 mm/s straight
 * move equal the unit computation in Node (kinematics/manipulability.ts on the same URDF), the
 * rates over the joints' speed limits are flagged; the ellipsoid and the heat map draw pixels of
 * their colours, and the heat map reports its progress row by row while it computes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { Jacobian } from '../../src/kinematics/jacobian';
import { jacobianRows, manipulabilityReport } from '../../src/kinematics/manipulability';
import { gridCellCentre, horizontalReach, PlaneManipulabilityMapper, UNREACHABLE } from '../../src/kinematics/manipulability-map';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { activeJoints, flangeLink } from '../../src/model';
import { openApp, REPO_ROOT, saveScreenshot, type AppSession, openCellFile } from './harness';

const Q5 = (0.25 * Math.PI) / 180;
const CANVAS_ONLY = 'body * { visibility: hidden !important; } body canvas { visibility: visible !important; }';

async function canvasPixels(page: Page) {
  const png = await page.locator('canvas').first().screenshot({ animations: 'disabled', style: CANVAS_ONLY });
  return PNG.sync.read(png);
}

/** Pixels that changed between two shots and satisfy `test` in the new one. */
function changed(before: PNG, after: PNG, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < after.data.length; i += 4) {
    const r = after.data[i]!, g = after.data[i + 1]!, b = after.data[i + 2]!;
    const d = Math.abs(r - before.data[i]!) + Math.abs(g - before.data[i + 1]!) + Math.abs(b - before.data[i + 2]!);
    if (d > 30 && test(r, g, b)) n++;
  }
  return n;
}

const frames = (page: Page) => page.evaluate(() => window.__celltwin?.frames ?? 0);

/** Sum of the channel differences at one pixel of two shots. */
function pixelChange(before: PNG, after: PNG, x: number, y: number): number {
  const i = 4 * (Math.round(y) * after.width + Math.round(x));
  return [0, 1, 2].reduce((s, c) => s + Math.abs(after.data[i + c]! - before.data[i + c]!), 0);
}

/** Waits until the scene has rendered since `start`, then until it stops (the view renders on demand). */
async function settled(page: Page, start: number) {
  await page.waitForFunction((n) => (window.__celltwin?.frames ?? 0) > n, start, { polling: 'raf' });
  let last = -1;
  for (let now = await frames(page); now !== last; now = await frames(page)) {
    last = now;
    await page.waitForTimeout(400);
  }
}

describe('manipulability in the kinematics view', () => {
  let app: AppSession;
  const cellText = readFileSync(path.join(REPO_ROOT, 'assets/cells/default.cell.json'), 'utf8');
  const cell = JSON.parse(cellText) as { items: Array<{ id: string; name: string; joints?: number[]; source?: { type: 'bundled'; id: string } }> };
  const robotItem = cell.items.find((i) => i.name === 'UR10e picker')!;
  robotItem.joints![4] = Q5;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 900 } });
    await openCellFile(app.page, { name: 'near-wrist-singularity.cell.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cell)) });
    await app.page.waitForFunction((q5) => window.__celltwin?.cell?.().items.some((i) => (i as { joints?: number[] }).joints?.[4] === q5), Q5);
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows w, σ_min, the condition number and the joint rates of the unit computation, flagging rates over the speed limits', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    await page.locator('details.kinematics > summary').click();
    const readout = page.getByLabel('Manipulability', { exact: true });
    await readout.waitFor();

    const robot = parseUrdf(readFileSync(path.join(REPO_ROOT, 'urdf/ur10e.urdf'), 'utf8'), 'ur10e.urdf').robot;
    const jac = new Jacobian(robot, robot.root, flangeLink(robotItem.source!, robot));
    jac.compute(robotItem.joints!);
    const expected = manipulabilityReport(jacobianRows(jac), 0.01);
    const shown = await readout.locator('strong[data-value]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(shown).toHaveLength(3);
    expect(shown[0]! / expected.yoshikawa).toBeCloseTo(1, 9);
    expect(shown[1]! / expected.sigmaMin).toBeCloseTo(1, 9);
    expect(shown[2]! / expected.conditionNumber).toBeCloseTo(1, 9);
    expect(expected.conditionNumber).toBeGreaterThan(1000); // a quarter degree from the singularity
    expect(await readout.textContent()).toContain('Near a singularity');

    const rates = page.getByLabel('Joint rates for 10 mm/s').locator('.rate');
    const shownRates = await rates.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rate'))));
    expect(shownRates).toHaveLength(6);
    shownRates.forEach((r, i) => expect(r).toBeCloseTo(expected.jointRates[i]!, 9));
    // Over the UR10e's limits (120 °/s for J1–J2, 180 °/s for J3–J6): flagged, and only those.
    const limits = activeJoints(robot).map((j) => j.limits?.velocity ?? 0);
    const over = await rates.evaluateAll((els) => els.map((e) => e.classList.contains('over-limit')));
    expect(over).toEqual(expected.jointRates.map((r, i) => Math.abs(r) > limits[i]!));
    expect(over.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const j4 = await rates.nth(3).textContent();
    expect(j4).toMatch(/^J4 \d+\.\d °\/s/);
    expect(Number(j4!.match(/J4 ([\d.]+)/)![1])).toBeCloseTo(Math.abs((expected.jointRates[3]! * 180) / Math.PI), 1);
  }, 120_000);

  it('draws the ellipsoid at the tool and the heat map, with progress while the worker computes', async () => {
    const page = app.page;
    let start = await frames(page);
    await page.getByRole('button', { name: 'Frame', exact: true }).click();
    await settled(page, start);
    const plain = await canvasPixels(page);

    start = await frames(page);
    await page.getByText('Show the manipulability ellipsoid at the tool').click();
    await settled(page, start);
    const withEllipsoid = await canvasPixels(page);
    // Orange (#ff8c1a at 40 % over the scene): red well above blue.
    const orange = changed(plain, withEllipsoid, (r, g, b) => r > g && g > b && r - b > 60);
    expect(orange).toBeGreaterThan(300);

    // Record every progress text the panel shows while the map computes (a MutationObserver
    // sees each render, however short).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[aria-label="Heat map progress"]');
        if (p?.textContent && seen[seen.length - 1] !== p.textContent) seen.push(p.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByText('Show the manipulability heat map of a horizontal plane').click();
    const legend = page.getByLabel('Heat map legend');
    await legend.waitFor({ timeout: 120_000 });
    const progress = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
    // The panel re-rendered between rows: the page was not blocked while the worker solved IK.
    expect(new Set(progress.map((t) => t.match(/(\d+)\/48 rows/)?.[1])).size).toBeGreaterThanOrEqual(3);
    expect(await legend.textContent()).toMatch(/\d+ % reachable/);
    await settled(page, 0);
    const withMap = await canvasPixels(page);

    // The same map in Node: its largest w and reachable share are the legend's, and it is drawn
    // the right way round — a reachable cell deep inside the map changes the picture where it
    // projects, its mirror image across the robot's x axis (unreachable all around) does not.
    const robot = parseUrdf(readFileSync(path.join(REPO_ROOT, 'urdf/ur10e.urdf'), 'utf8'), 'ur10e.urdf').robot;
    const tip = flangeLink(robotItem.source!, robot);
    const tool = new ForwardKinematics(robot).compute(robotItem.joints!).relativePose(robot.root, tip);
    const grid = { height: tool[14]!, centre: [0, 0] as [number, number], halfSize: horizontalReach(robot, robot.root, tip), cells: 48 };
    const map = new PlaneManipulabilityMapper(robot, robot.root, tip, grid, tool, robotItem.joints!).map();
    const maxW = Math.max(...map);
    const reachableShare = map.filter((w) => w !== UNREACHABLE).length / map.length;
    const legendText = (await legend.locator('figcaption').textContent()) ?? '';
    expect(Number(legendText.match(/w ([\d.e-]+)$/)?.[1]) / maxW).toBeCloseTo(1, 3);
    expect(legendText).toContain(`${Math.round(100 * reachableShare)} % reachable`);
    const at = (c: number, r: number) => map[r * 48 + c]!;
    const around = (c: number, r: number, test: (w: number) => boolean) => [-1, 0, 1].every((dc) => [-1, 0, 1].every((dr) => test(at(c + dc, r + dr))));
    const canvasBox = (await page.locator('canvas').first().boundingBox())!;
    const toCanvas = async (c: number, r: number) => {
      const [x, y] = gridCellCentre(grid, c, r);
      const [px, py] = await page.evaluate((p) => window.__celltwin!.project!(p), [x, y, grid.height + 0.75] as [number, number, number]);
      return [px - canvasBox.x, py - canvasBox.y] as const;
    };
    let checked = 0;
    for (let r = 2; r < 46 && checked < 3; r++) {
      for (let c = 2; c < 46 && checked < 3; c++) {
        const mirror = 47 - r;
        if (!around(c, r, (w) => w > 0.3 * maxW) || !around(c, mirror, (w) => w === UNREACHABLE)) continue;
        const [x, y] = await toCanvas(c, r);
        const [mx, my] = await toCanvas(c, mirror);
        const inside = (u: number, v: number) => u > 5 && v > 5 && u < withMap.width - 5 && v < withMap.height - 5;
        if (!inside(x, y) || !inside(mx, my)) continue;
        expect(pixelChange(withEllipsoid, withMap, x, y), `reachable cell (${c}, ${r}) at pixel ${x.toFixed(0)}, ${y.toFixed(0)}`).toBeGreaterThan(30);
        expect(pixelChange(withEllipsoid, withMap, mx, my), `unreachable cell (${c}, ${mirror}) at pixel ${mx.toFixed(0)}, ${my.toFixed(0)}`).toBeLessThanOrEqual(30);
        checked++;
      }
    }
    expect(checked).toBe(3);
    const share = changed(withEllipsoid, withMap, () => true) / (withMap.width * withMap.height);
    expect(share).toBeGreaterThan(0.02);
    // The ramp's blue, green and purple end: colours the cell does not otherwise show there.
    expect(changed(withEllipsoid, withMap, (r, g, b) => g > r + 30 || b > r + 30)).toBeGreaterThan(500);
    // For the picture: the joint frames off, the singularity readout and the legend in view.
    start = await frames(page);
    await page.getByText('Show joint frames').click();
    await settled(page, start);
    await page.getByLabel('Manipulability', { exact: true }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'manipulability.png');
    expect(app.errors.page).toEqual([]);
  }, 240_000);
});
