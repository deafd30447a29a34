/**
 * Collisions in the page: a UR5e that swings into a fence and back, over and over. Analysed for
 * 30 s in the page, the Collisions card counts what `celltwin run` counts for the same file, its
 * tooltip names the program step the robot was on, and the list under the charts shows the latest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { swingingCell } from '../unit/support/sim-fixtures';
import { openApp, openCellFile, REPO_ROOT, saveScreenshot, type AppSession } from './harness';

const scratch = mkdtempSync(path.join(tmpdir(), 'celltwin-collisions-'));

/** The swinging arm as a cell file of 30 s. */
function swingingCellFile(): string {
  const cell = swingingCell();
  cell.name = 'Swing into the fence';
  cell.simulation.duration = 30;
  const file = path.join(scratch, 'swing.cell.json');
  writeFileSync(file, JSON.stringify(cell, null, 2));
  return file;
}

describe('collisions in the page', () => {
  let app: AppSession;
  let file: string;

  beforeAll(async () => {
    file = swingingCellFile();
    app = await openApp({ query: '?fresh', viewport: { width: 1280, height: 800 } });
    await openCellFile(app.page, file);
    await app.page.waitForFunction(() => window.__celltwin?.cell?.().name === 'Swing into the fence');
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('counts on the Collisions card what celltwin run counts, lists the latest with their steps, and opens a step in the program editor', async () => {
    const out: string[] = [];
    expect(await main(['run', file, '--json'], { out: (t) => out.push(t), err: () => undefined, cwd: REPO_ROOT })).toBe(0);
    const cli = JSON.parse(out.join('\n')) as { collisionCount: number; collisions: Array<{ a: string; b: string; aStep?: string }> };
    expect(cli.collisionCount).toBeGreaterThan(3);

    const page = app.page;
    await page.getByLabel('Analyse').selectOption({ label: 'cell run, 30 s' });
    await page.waitForFunction(() => window.__celltwin?.sim?.().analysis === null && (window.__celltwin?.sim?.().time ?? 0) >= 29.99, null, { timeout: 180_000 });
    const card = page.locator('[data-kpi="Collisions"]');
    await expect.poll(() => card.locator('.kpi-value').innerText()).toBe(cli.collisionCount.toLocaleString('en-US'));
    expect(await page.evaluate(() => window.__celltwin!.sim!().collisionCount)).toBe(cli.collisionCount);
    const title = (await card.getAttribute('title')) ?? '';
    expect(title).toMatch(/^Collisions: robot links touching/);
    expect(title).toMatch(/ ↔ fence-1 \(robot-1 on programs\[0\]\.steps\[[01]\]\)/);
    // The count in the run controls brings the list into view (from another tab too).
    await page.getByRole('tab', { name: 'A vs B' }).click();
    await page.getByRole('button', { name: `${cli.collisionCount} collisions` }).click();
    const list = page.getByRole('region', { name: 'Collisions' });
    await expect.poll(() => list.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const panel = el.closest('.dash-body')!.getBoundingClientRect();
      return r.top >= panel.top - 1 && r.top < panel.bottom;
    })).toBe(true);
    // Under the charts, the latest 20 with names and steps, newest first: the CLI's last one on top.
    expect(await list.locator('h3').textContent()).toBe(`Collisions ${cli.collisionCount} in all, the latest 20 shown`);
    const rows = list.locator('tbody tr');
    expect(await rows.count()).toBe(20);
    const top = await rows.first().locator('td').allInnerTexts();
    expect(top[1]).toMatch(/^UR5e · /);
    expect(top[3]).toMatch(/^UR5e: step [12] · Joint move \(constant speed\) · 50 %$/);
    const step = rows.first().locator('td').nth(3).getByRole('button');
    expect(await step.getAttribute('title')).toMatch(/^programs\[0\]\.steps\[[01]\]: open it in the program editor$/);
    // The step opens in the program editor.
    const index = Number(/step (\d)/.exec(top[3]!)![1]) - 1;
    await step.click();
    const program = page.getByRole('list', { name: 'Program of UR5e' });
    await expect.poll(() => program.locator('li.step.open').count()).toBe(1);
    expect(await program.locator('li.step').nth(index).getAttribute('class')).toContain('open');
    await page.getByRole('button', { name: 'Whole window' }).click();
    // The README shows this shot (docs/collisions.png): without the notices over it.
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
    await list.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'collisions-card.png');
    expect(app.errors.page).toEqual([]);
  }, 240_000);
});
