/**
 * Editing a cell as a planner would: add equipment from the library, type a position in mm,
 * undo and redo from the keyboard, jog a robot joint, save the cell to a file and open it again
 * after a reload, with the autosave bringing the last cell back.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession, openCellFile, clickTopBarCommand } from './harness';

const cell = (page: Page) => page.evaluate(() => window.__celltwin?.cell?.());

describe('editing a cell in the browser', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds a conveyor from the library at a free spot and selects it', async () => {
    const before = (await cell(app.page))?.items.length ?? 0;
    await app.page.getByRole('button', { name: /^Conveyor/ }).click();
    const after = await cell(app.page);
    expect(after?.items.length).toBe(before + 1);
    const added = after?.items.at(-1);
    expect(added?.type).toBe('conveyor');
    expect(await app.page.getByLabel('Item name').inputValue()).toBe('Conveyor');
  });

  it('moves the selected item to X = 2500 mm typed in the inspector, stored as 2.5 m', async () => {
    const x = app.page.getByLabel('X', { exact: true });
    await x.fill('2500');
    await x.press('Enter');
    expect((await cell(app.page))?.items.at(-1)?.pose.xyz[0]).toBeCloseTo(2.5, 9);
  });

  it('undoes the move with Ctrl+Z and redoes it with Ctrl+Shift+Z', async () => {
    await app.page.locator('.viewport').click({ position: { x: 5, y: 300 } }); // focus leaves the field
    const moved = (await cell(app.page))?.items.at(-1);
    await app.page.keyboard.press('Control+z');
    const undone = (await cell(app.page))?.items.find((i) => i.id === moved?.id);
    expect(undone?.pose.xyz[0]).not.toBeCloseTo(2.5, 3);
    await app.page.keyboard.press('Control+Shift+z');
    expect((await cell(app.page))?.items.find((i) => i.id === moved?.id)?.pose.xyz[0]).toBeCloseTo(2.5, 9);
  });

  it('jogs the UR10e shoulder with its slider and shows the new tool position', async () => {
    await app.page.locator('.outline button', { hasText: 'UR10e picker' }).click();
    const readout = app.page.getByLabel('Tool pose');
    const before = await readout.textContent();
    const slider = app.page.getByRole('slider', { name: /shoulder_pan_joint/ });
    await slider.focus();
    for (let i = 0; i < 10; i++) await app.page.keyboard.press('ArrowRight');
    const robot = (await cell(app.page))?.items.find((i) => i.id === 'robot-1');
    expect(robot?.type === 'robot' && robot.joints?.[0]).toBeCloseTo((5 * Math.PI) / 180, 6);
    expect(await readout.textContent()).not.toEqual(before);
    await saveScreenshot(app.page, 'jogged-robot.png');
  });

  it('saves the cell as a .cell.json download that opens again with the same items', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), clickTopBarCommand(app.page, 'Save')]);
    expect(download.suggestedFilename()).toBe('pick-and-place-demo.cell.json');
    const saved = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(saved.items).toEqual((await cell(app.page))?.items);

    await clickTopBarCommand(app.page, 'New');
    await app.page.getByRole('button', { name: /Empty cell/ }).click();
    expect((await cell(app.page))?.items).toEqual([]);
    await openCellFile(app.page, (await download.path()) as string);
    await app.page.waitForFunction((n) => window.__celltwin?.cell?.().items.length === n, saved.items.length);
    expect((await cell(app.page))?.items).toEqual(saved.items);
  });

  it('brings the last cell back from the autosave after a reload', async () => {
    const items = (await cell(app.page))?.items;
    // The autosave is debounced: wait until its newest generation holds these very items.
    // Polled from Node: an async predicate in waitForFunction counts its promise as truthy at once.
    const newestHolds = (expected: string) => app.page.evaluate(async (expected) => {
      const generations = (await window.__celltwin?.autosave?.())?.generations ?? [];
      if (generations.length === 0) return false;
      const newest = Math.max(...generations.map((g) => g.id));
      const record = await new Promise<unknown>((resolve) => {
        const open = indexedDB.open('celltwin');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get(`celltwin:autosave:${newest}`);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => resolve(null);
        };
      });
      return JSON.stringify((record as { cell?: { items?: unknown } } | null)?.cell?.items) === expected;
    }, expected);
    await expect.poll(() => newestHolds(JSON.stringify(items)), { interval: 100, timeout: 30_000 }).toBe(true);
    await app.page.goto(app.server.url); // without ?fresh, which would skip the autosave
    await app.page.waitForFunction(() => window.__celltwin?.firstFrameRendered === true);
    expect((await cell(app.page))?.items).toEqual(items);
    expect(app.errors.page).toEqual([]);
  });
});
