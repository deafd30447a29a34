/**
 * The results panel as a planner reads it: no bottleneck before the first part is out, a divider
 * that resizes the panel by dragging and by keys up to the whole window, labelled breakdown and
 * utilization bars, a Gantt over the whole run that zooms and pans and exports what it shows with
 * its legend, and the plant density roll-up with hand-computed numbers.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { openApp, saveScreenshot, type AppSession } from './harness';

describe('the results panel', () => {
  let app: AppSession;
  const panelHeight = () => app.page.locator('section.dashboard').evaluate((el) => el.getBoundingClientRect().height);

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 860 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  }, 400_000);

  it('names no bottleneck before the first part is finished', async () => {
    const page = app.page;
    // Five steps of 0.1 s: the worker sends the KPIs after each, long before a part is out.
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step', exact: true }).click({ timeout: 120_000 });
    await page.waitForFunction(() => (window.__celltwin?.sim?.().kpis?.simulatedSeconds ?? 0) >= 0.49, null, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__celltwin!.sim!().kpis!.partsFinished)).toBe(0);
    await expect.poll(() => page.locator('[data-kpi="Bottleneck"] .kpi-value').innerText()).toBe('not enough data yet');
    expect(await page.locator('[data-kpi="Cell cycle time"] .kpi-value').innerText()).toBe('—');
  }, 400_000);

  it('resizes by dragging the divider, and by keys up to the whole window and back', async () => {
    const page = app.page;
    const before = await panelHeight();
    const divider = page.getByRole('separator', { name: 'Resize the results panel' });
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 120, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(panelHeight).toBeCloseTo(before + 200, 0);
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(Math.round(before + 200));

    await divider.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(panelHeight).toBeCloseTo(before + 180, 0);
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('section.dashboard').evaluate((el) => [el.getBoundingClientRect().top, innerHeight - el.getBoundingClientRect().bottom])).toEqual([44, 26]);
    expect(await divider.getAttribute('aria-valuetext')).toBe('whole window');
    await page.keyboard.press('Escape');
    await expect.poll(panelHeight).toBeCloseTo(before + 180, 0);
  }, 400_000);

  it('labels the breakdown in seconds and %, the utilization in %, and shows the whole run in the Gantt', async () => {
    const page = app.page;
    await page.getByLabel('Simulation speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click({ timeout: 90_000 });
    await page.waitForFunction(() => (window.__celltwin?.sim?.().kpis?.partsFinished ?? 0) >= 4, null, { timeout: 240_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).evaluate((b: HTMLButtonElement) => b.click()); // at full speed on a loaded machine the page draws few frames: a DOM click waits for none
    await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'paused', null, { timeout: 90_000 });
    await page.waitForFunction(() => {
      const s = window.__celltwin!.sim!();
      return s.kpis !== null && Math.abs(s.kpis.simulatedSeconds - s.time) < 1e-6;
    }, null, { timeout: 90_000 });
    const kpis = await page.evaluate(() => window.__celltwin!.sim!().kpis!);
    const robot = kpis.robots[0]!;
    // The robot's row lists every category with seconds and share, adding up to its cycle time.
    const text = await page.locator('.bd-row', { hasText: 'UR10e picker' }).locator('.bd-text').innerText();
    const parts = [...text.matchAll(/([\d.]+) s \((\d+)%\)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(text).toContain(`motion ${robot.breakdown!.motion.toFixed(2)} s (${((robot.breakdown!.motion / robot.cycleTime!.mean) * 100).toFixed(0)}%)`);
    expect(parts.reduce((s, [sec]) => s + sec, 0)).toBeCloseTo(robot.cycleTime!.mean, 1);
    expect(await page.locator('.util-row', { hasText: 'UR10e picker' }).locator('.util-busy').innerText()).toBe(`${(robot.busyShare * 100).toFixed(0)}% busy`);
    // Conveyor and its source are two rows, both named in full in their tooltips.
    const labels = await page.locator('svg.gantt g > text > title').allTextContents();
    expect(labels).toContain('Infeed conveyor (conveyor, id conveyor-1)');
    expect(labels).toContain('Infeed conveyor source (part source, id conveyor-1/source)');
    expect(await page.locator('svg.gantt').getAttribute('aria-label')).toBe(`Timeline of each resource's state from 0.0 s to ${kpis.simulatedSeconds >= 60 ? `${Math.floor(kpis.simulatedSeconds / 60)}:${(kpis.simulatedSeconds % 60).toFixed(0).padStart(2, '0')}` : `${kpis.simulatedSeconds.toFixed(0)} s`}`);
    await saveScreenshot(page, 'dashboard.png');
  }, 400_000);

  it('zooms and pans the Gantt and exports the range shown with its legend as PNG', async () => {
    const page = app.page;
    const gantt = page.locator('svg.gantt');
    const box = (await gantt.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + 30);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100);
    await expect.poll(() => gantt.locator('text').first().textContent()).toMatch(/ of 0\.0 s – /);
    const zoomed = await gantt.locator('text').first().textContent();
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6 + 150, box.y + 30, { steps: 5 });
    await page.mouse.up();
    const panned = await gantt.locator('text').first().textContent();
    expect(panned).not.toBe(zoomed);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline PNG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-timeline-\d+-\d+s\.png$/);
    const png = PNG.sync.read(await readFile((await download.path())!));
    const shown = (await gantt.boundingBox())!;
    expect(png.width).toBe(Math.ceil(shown.width * 2));
    expect(png.height).toBe(Math.ceil(shown.height * 2));
    // The legend is drawn inside the chart, below the rows: its swatches are in the PNG.
    const legend = await gantt.locator('g[aria-label="Legend"] rect').count();
    expect(legend).toBeGreaterThanOrEqual(4);
  }, 400_000);

  it('rolls the cell up into a plant: 1,200 per shift, 20 robots, 10 copies taking over 4 each → 256, and 35 copies reach 500', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Plant density' }).click();
    await page.getByRole('button', { name: 'Add plant roll-up' }).click();
    const set = async (label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel(label, { exact: true }).press('Enter');
    };
    await set('Headcount / shift', '1200');
    await set('Robots today', '20');
    await set('Copies', '10');
    await set('Takes over (workers each)', '4');
    // 20 + 10 × 1 robots over 1,200 + 10 × (1 − 4) people: 30 / 1,170 × 10,000 = 256.4.
    await expect.poll(() => page.getByTestId('plant-density').innerText()).toBe('256');
    // (20 + n) / (1,200 − 3n) ≥ 0.05 → n ≥ 34.8: 35 copies (55 / 1,095 = 502), 34 give 491.8.
    expect(await page.getByTestId('plant-verdict').innerText()).toMatch(/^35 copies of this cell/);
    expect(await page.evaluate(() => window.__celltwin!.cell!().plant)).toEqual({ name: 'Plant', workersPerShift: 1200, shifts: 1, robots: 20, thisCell: { copies: 10, workersReplaced: 4 } });
    const gauge = page.locator('section.plant').getByRole('meter');
    expect(Number(await gauge.getAttribute('aria-valuemax'))).toBe(1000);
    await saveScreenshot(page, 'plant-density.png');
    expect(app.errors.page).toEqual([]);
  }, 400_000);
});
