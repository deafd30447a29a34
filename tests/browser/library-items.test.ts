/**
 * The library's new equipment in the browser: a planner clicks Light curtain, Part source, Part
 * sink, Box part and Cylinder part into an empty cell, each lands in the document with its real
 * dimensions, and the inspector edits the source belt's sensor and source, one undo step each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasIsNotBlank, openApp, saveScreenshot, type AppSession, clickTopBarCommand } from './harness';

const cell = (page: Page) => page.evaluate(() => window.__celltwin?.cell?.());
const item = async (page: Page, id: string) => (await cell(page))?.items.find((i) => i.id === id);

describe('the new library equipment in the browser', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
    await clickTopBarCommand(app.page, 'New');
    await app.page.getByRole('button', { name: /Empty cell/ }).click();
  });

  afterAll(async () => {
    await app?.close();
  });

  const entries: Array<[string, string, string]> = [
    ['Part source', 'infeed-1', 'conveyor'],
    ['Part sink', 'exit-1', 'conveyor'],
    ['Light curtain', 'curtain-1', 'lightCurtain'],
    ['Box part', 'part-1', 'part'],
    ['Cylinder part', 'part-2', 'part'],
  ];
  for (const [label, id, type] of entries) {
    it(`adds a ${label.toLowerCase()} with a click: "${id}" appears in the cell as a ${type}`, async () => {
      await app.page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
      const added = await item(app.page, id);
      expect(added?.type).toBe(type);
    });
  }

  it('stores the new items with their library dimensions, parts standing on the floor', async () => {
    const source = await item(app.page, 'infeed-1');
    expect(source?.type === 'conveyor' && source.source?.interval).toBe(6);
    expect(source?.type === 'conveyor' && source.sensor).toEqual({ position: 1.8, accumulate: true });
    expect((await item(app.page, 'exit-1'))).toMatchObject({ sink: true });
    expect(await item(app.page, 'curtain-1')).toMatchObject({ width: 0.9, height: 1.5, elevation: 0.3 });
    expect((await item(app.page, 'part-1'))?.pose.xyz[2]).toBeCloseTo(0.075, 9);
    expect((await item(app.page, 'part-2'))?.pose.xyz[2]).toBeCloseTo(0.05, 9);
  });

  it('edits the part source in the inspector: interval 4 s, then undo puts 6 s back', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'Infeed (part source)' }).click();
    const interval = page.getByLabel('Interval', { exact: true });
    await interval.fill('4');
    await interval.press('Enter');
    const edited = await item(page, 'infeed-1');
    expect(edited?.type === 'conveyor' && edited.source?.interval).toBe(4);
    await page.locator('.viewport').click({ position: { x: 5, y: 300 } }); // focus leaves the field
    await page.locator('.outline button', { hasText: 'Infeed (part source)' }).click();
    await page.keyboard.press('Control+z');
    const undone = await item(page, 'infeed-1');
    expect(undone?.type === 'conveyor' && undone.source?.interval).toBe(6);
  });

  it('switches the sensor\'s accumulation off, and a uniform spread gets a jitter of a quarter interval', async () => {
    const page = app.page;
    await page.locator('.outline button', { hasText: 'Infeed (part source)' }).click();
    await page.getByLabel('Accumulate', { exact: true }).uncheck();
    let belt = await item(page, 'infeed-1');
    expect(belt?.type === 'conveyor' && belt.sensor).toEqual({ position: 1.8 });
    await page.getByLabel('Interval distribution').selectOption('uniform');
    belt = await item(page, 'infeed-1');
    expect(belt?.type === 'conveyor' && belt.source).toMatchObject({ interval: 6, distribution: 'uniform', jitter: 1.5 });
    await page.getByLabel('Part mass', { exact: true }).fill('3.5');
    await page.getByLabel('Part mass', { exact: true }).press('Enter');
    belt = await item(page, 'infeed-1');
    expect(belt?.type === 'conveyor' && belt.source?.part.mass).toBe(3.5);
    await saveScreenshot(page, 'library-items-inspector.png');
  });

  it('runs the cell: a carton placed on the exit belt rides to its end, the source makes cartons', async () => {
    const page = app.page;
    const exit = await item(page, 'exit-1');
    await page.locator('.outline button', { hasText: 'Carton' }).click();
    // On the exit belt, 400 mm from its end: centre 800 + 75 mm above the floor.
    for (const [axis, value] of [['X', (exit!.pose.xyz[0] + 0.6) * 1000], ['Y', exit!.pose.xyz[1] * 1000], ['Z', 875]] as const) {
      const field = page.getByLabel(axis, { exact: true });
      await field.fill(String(value));
      await field.press('Enter');
    }
    expect((await item(page, 'part-1'))?.pose.xyz[2]).toBeCloseTo(0.875, 9);
    await page.locator('.viewport').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.sim?.().time ?? 0) > 2.5, null, { timeout: 60_000 });
    const status = await page.evaluate(() => window.__celltwin?.sim?.());
    const names = status?.bodies.filter((b) => b.kind === 'part').map((b) => b.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['part-1', 'part-2', 'infeed-1/part-1']));
    await saveScreenshot(page, 'library-items-running.png');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
  });

  it('shows every new item in the scene', async () => {
    const page = app.page;
    await page.locator('.viewport').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('f');
    await page.keyboard.press('Escape');
    await canvasIsNotBlank(page);
    await saveScreenshot(page, 'library-items.png');
    await page.locator('.outline button', { hasText: 'Light curtain' }).click();
    await page.keyboard.press('f');
    await saveScreenshot(page, 'library-items-curtain.png');
    expect(app.errors.page).toEqual([]);
  });
});
