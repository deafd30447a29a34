/**
 * Share links: "Share" puts the cell in a link; the link opens the same cell read-only in a new
 * page with "Make a copy"; a damaged link says so and opens the usual cell instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, waitForFirstFrame, type AppSession, clickTopBarCommand } from './harness';

describe('share links', () => {
  let app: AppSession;
  let link = '';

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1100, height: 700 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('puts the whole cell into a link', async () => {
    await app.page.getByRole('button', { name: 'Table', exact: false }).first().click(); // a change worth sharing
    await clickTopBarCommand(app.page, 'Share');
    const notice = app.page.locator('.notice', { hasText: 'Share link' });
    await notice.waitFor();
    link = (await notice.locator('li').nth(1).textContent()) ?? '';
    expect(link).toMatch(/#cell=[A-Za-z0-9_-]+$/);
  });

  it('opens the same cell read-only in a new page, with Make a copy', async () => {
    const page = await app.page.context().newPage();
    await page.goto(link);
    await waitForFirstFrame(page);
    const items = await page.evaluate(() => window.__celltwin?.cell?.().items);
    expect(items).toEqual(await app.page.evaluate(() => window.__celltwin?.cell?.().items));
    await page.getByText('Shared cell · read-only').waitFor();
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await page.keyboard.press('Delete');
    expect(await page.evaluate(() => window.__celltwin?.cell?.().items.length)).toBe(items?.length);
    await saveScreenshot(page, 'shared-link-read-only.png');

    await page.getByRole('button', { name: 'Make a copy' }).click();
    expect(await page.getByText('Shared cell · read-only').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.getByLabel('Cell name').inputValue()).toMatch(/\(copy\)$/);
    await page.close();
  });

  it('says a tampered link cannot be opened and shows the usual cell instead', async () => {
    const page = await app.page.context().newPage();
    const broken = link.slice(0, -40);
    await page.goto(broken.replace(/\?fresh/, '') + 'AAAA');
    await waitForFirstFrame(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/share link cannot be opened: it is truncated or was changed/);
    expect(await page.getByText('Shared cell · read-only').count()).toBe(0);
    await page.close();
  });
});
