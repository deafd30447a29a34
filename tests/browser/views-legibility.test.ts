/**
 * Legible and unclipped: the New dialog's text has a WCAG contrast of at least 4.5:1 against what
 * is behind it (computed from the browser's computed styles), and the top bar never clips at
 * 1600 px or narrower: what does not fit is in its "More" menu, reachable.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, type AppSession, clickTopBarCommand } from './harness';

/**
 * WCAG 2 contrast ratio of an element's text against the first opaque background behind it
 * (walking up the tree), from computed styles. Semi-transparent backgrounds are blended over
 * what is behind them.
 */
async function textContrast(page: Page, selector: string): Promise<{ ratio: number; color: string; background: string }> {
  return page.locator(selector).first().evaluate((el) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const layers: Array<[number, number, number, number]> = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    // Blend from the back (white canvas if nothing is opaque) to the front.
    let [r, g, b] = [255, 255, 255];
    for (const [lr, lg, lb, la] of layers.reverse()) {
      r = lr * la + r * (1 - la);
      g = lg * la + g * (1 - la);
      b = lb * la + b * (1 - la);
    }
    const fg = parse(getComputedStyle(el).color);
    const fr = fg[0] * fg[3] + r * (1 - fg[3]);
    const fgG = fg[1] * fg[3] + g * (1 - fg[3]);
    const fb = fg[2] * fg[3] + b * (1 - fg[3]);
    const lum = (R: number, G: number, B: number) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(R) + 0.7152 * ch(G) + 0.0722 * ch(B);
    };
    const l1 = lum(fr, fgG, fb);
    const l2 = lum(r, g, b);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    return { ratio, color: getComputedStyle(el).color, background: `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})` };
  });
}

describe('the New dialog', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1200, height: 760 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has a title, cards and a Cancel button with text contrast of at least 4.5:1', async () => {
    const page = app.page;
    await clickTopBarCommand(page, 'New');
    const dialog = page.getByRole('dialog', { name: 'New cell' });
    await dialog.waitFor();
    for (const selector of ['[role=dialog] h3', '[role=dialog] .modal-actions button', '[role=dialog] .template strong']) {
      const { ratio, color, background } = await textContrast(page, selector);
      expect(ratio, `${selector}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    await saveScreenshot(page, 'views-new-dialog.png');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('the top bar', () => {
  for (const width of [1600, 1280, 960]) {
    it(`never clips at ${width} px: every command is in the bar or in its "More" menu`, async () => {
      const app = await openApp({ query: '?fresh', viewport: { width, height: 700 } });
      try {
        const page = app.page;
        const bar = page.locator('.topbar');
        await expect.poll(() => bar.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
        // Each command is visible in the bar, or inside "More" once it is opened.
        const hasMore = (await page.locator('[data-command-menu] summary').count()) > 0;
        if (hasMore) await page.locator('[data-command-menu] summary').click();
        for (const name of ['Share', 'New', 'Open', 'Save']) {
          const visible = await page.locator('.topbar').getByRole('button', { name, exact: true }).isVisible();
          expect(visible, `${name} at ${width} px`).toBe(true);
        }
        const exportReachable = (await page.locator('.topbar summary', { hasText: /^Export$/ }).count()) + (await page.locator('.topbar .menu-items button', { hasText: 'Export Screenshot (PNG)' }).count());
        expect(exportReachable).toBe(1);
        // Nothing in the bar reaches past its right edge.
        const overflowing = await bar.evaluate((el) => {
          const right = el.getBoundingClientRect().right;
          return Array.from(el.querySelectorAll(':scope > *')).filter((c) => c.getBoundingClientRect().right > right + 0.5).map((c) => c.className);
        });
        expect(overflowing).toEqual([]);
        if (width >= 1280) expect(hasMore).toBe(false); // wide screens need no menu
        await saveScreenshot(page, `views-topbar-${width}.png`);
      } finally {
        await app.close();
      }
    });
  }
});
