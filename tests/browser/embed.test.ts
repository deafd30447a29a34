/**
 * Embed for vendors: the Embed dialog of a template cell gives an <iframe> snippet; its URL opens
 * the embed view (src/ui/embed) — the scene drawn (pixel check), the cell running by itself, a KPI strip, no
 * editor panel and none of the editor's code loaded — showing the same cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasIsNotBlank, collectErrors, openApp, saveScreenshot, waitForFirstFrame, type AppSession, clickTopBarCommand } from './harness';

describe('embed', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1400, height: 860 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives a snippet whose URL shows the template running, with a KPI strip and no editor', async () => {
    const page = app.page;
    await clickTopBarCommand(page, 'New');
    await page.getByRole('dialog', { name: 'New cell' }).locator('.template', { hasText: /Palletiz/ }).click();
    await page.getByRole('dialog', { name: 'New cell' }).waitFor({ state: 'detached' });
    const cell = await page.evaluate(() => window.__celltwin!.cell!());
    expect(cell.name).toMatch(/^Palletizing/);

    await page.locator('[data-command="embed"]').click();
    const dialog = page.getByRole('dialog', { name: 'Embed this cell' });
    // A template has no camera stops: the tour choice is there but off and greyed.
    const tour = dialog.getByRole('checkbox', { name: /Play the camera tour \(no stops yet\)/ });
    expect(await tour.isDisabled()).toBe(true);
    expect(await tour.isChecked()).toBe(false);
    const snippet = await dialog.getByRole('textbox', { name: 'Embed snippet' }).inputValue();
    const src = /<iframe src="([^"]+)"/.exec(snippet)![1]!.replaceAll('&amp;', '&');
    expect(src).toMatch(/\?embed#cell=/);
    expect(snippet).toContain(`title="${cell.name} — CellTwin"`);

    // The snippet's own URL, in a fresh page of the same browser.
    const embed = await app.browser.newPage({ viewport: { width: 800, height: 500 } });
    embed.setDefaultTimeout(90_000);
    const errors = collectErrors(embed);
    const scripts: string[] = [];
    embed.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await embed.goto(src);
    await waitForFirstFrame(embed, 90_000, errors);
    const shown = await embed.evaluate(() => window.__celltwin!.cell!());
    expect(shown.name).toBe(cell.name);
    expect(shown.items.map((i) => i.id)).toEqual(cell.items.map((i) => i.id));
    // Runs by itself: simulated time moves and parts come out.
    await embed.waitForFunction(() => (window.__celltwin?.sim?.().time ?? 0) > 5, null, { timeout: 120_000 });
    expect(await embed.evaluate(() => window.__celltwin!.sim!().phase)).toBe('running');
    await embed.getByLabel('Key figures').getByText('Throughput').waitFor();
    // No editor: none of its panels on the page, and the editor chunk never requested.
    for (const selector of ['.topbar', 'aside.panel', '[aria-label="Inspector"]', '.library', '.dashboard']) expect(await embed.locator(selector).count(), selector).toBe(0);
    expect(scripts.filter((s) => /\/App-[\w-]+\.js$/.test(s))).toEqual([]);
    expect(await embed.getByRole('link', { name: 'Open in CellTwin' }).getAttribute('href')).toBe(src.replace('?embed', ''));
    // Paused for the pixel check: a screenshot of a canvas redrawing at full rate waits on a loaded machine.
    await embed.getByRole('button', { name: 'Pause' }).click();
    await embed.waitForFunction(() => window.__celltwin?.sim?.().phase === 'paused');
    const stats = await canvasIsNotBlank(embed);
    expect(stats.distinctColours).toBeGreaterThan(50);
    await embed.mouse.move(400, 200);
    await embed.waitForTimeout(1500);
    await saveScreenshot(embed, 'embed.png');
    expect(errors.page).toEqual([]);
    expect(errors.console).toEqual([]);
    await embed.close();
  }, 300_000);
});
