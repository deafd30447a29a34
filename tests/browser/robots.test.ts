/**
 * Robots in the page: the default cell's bundled UR10e loads with its tool; a zip of a real ROS
 * package from tests/corpus dropped onto the page becomes a robot with its STL meshes; a bad
 * URDF or cell file dropped on the page gets a message and leaves the cell as it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, REPO_ROOT, saveScreenshot, type AppSession } from './harness';

const CORPUS = path.join(REPO_ROOT, 'tests', 'corpus');

/** Every file under `dir`, keyed by its path relative to `root`. */
function filesUnder(root: string, dir: string, out: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) filesUnder(root, full, out);
    else out[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full);
  }
  return out;
}

/** Drops one file with `bytes` onto the page, as a user dragging it from the desktop would. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, b64 }) => {
      const binary = atob(b64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name));
      const target = document.querySelector('.app');
      target?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, b64: Buffer.from(bytes).toString('base64') },
  );
}

const itemIds = (page: Page) => page.evaluate(() => window.__celltwin?.cell?.().items.map((i) => i.id) ?? []);
const loads = (page: Page) => page.evaluate(() => window.__celltwin?.robotLoads?.() ?? {});

describe('robots in the app', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1100, height: 700 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the bundled UR10e of the default cell, with its vacuum gripper, without warnings', async () => {
    await app.page.waitForFunction(() => window.__celltwin?.robotLoads?.()['robot-1']?.done === true);
    const status = (await loads(app.page))['robot-1'];
    expect(status?.error).toBeNull();
    expect(status?.warnings).toEqual([]);
  });

  it('adds the ABB IRB 120 from a dropped zip of its ROS package, all 14 STL meshes loaded', async () => {
    const files = filesUnder(CORPUS, path.join(CORPUS, 'abb_irb120_support'));
    const zip = zipSync(files);
    const before = await itemIds(app.page);
    await dropFile(app.page, 'abb_irb120_support.zip', zip);
    await app.page.waitForFunction((n) => (window.__celltwin?.cell?.().items.length ?? 0) > n, before.length, { timeout: 60_000 });
    const added = (await itemIds(app.page)).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    const id = added[0] as string;
    await app.page.waitForFunction((id) => window.__celltwin?.robotLoads?.()[id]?.done === true, id, { timeout: 60_000 });
    const status = (await loads(app.page))[id];
    expect(status?.error).toBeNull();
    expect(status?.warnings).toEqual([]);
    expect(status?.total).toBe(14);
    const robot = await app.page.evaluate((id) => window.__celltwin?.cell?.().items.find((i) => i.id === id), id);
    expect(robot?.type === 'robot' && robot.source.type === 'embedded' && Object.keys(robot.source.meshes ?? {}).length).toBe(14);
    await app.page.locator('.outline button', { hasText: 'abb_irb120_3_58' }).click();
    await saveScreenshot(app.page, 'robot-dropped-zip.png');
  });

  it('refuses a URDF whose joint names a missing link, naming the file and line, and keeps the cell', async () => {
    const before = await itemIds(app.page);
    const urdf = '<?xml version="1.0"?>\n<robot name="r">\n  <link name="a"/>\n  <joint name="j" type="fixed">\n    <parent link="a"/>\n    <child link="ghost"/>\n  </joint>\n</robot>\n';
    await dropFile(app.page, 'broken.urdf', new TextEncoder().encode(urdf));
    const alert = app.page.getByRole('alert').filter({ hasText: 'broken.urdf' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/broken\.urdf:\d+: .*ghost/);
    expect(await itemIds(app.page)).toEqual(before);
  });

  it('refuses a cell file with a bad pose, naming the path, and keeps the cell', async () => {
    const before = await itemIds(app.page);
    const bad = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/bad-pose.cell.json'));
    await dropFile(app.page, 'bad-pose.cell.json', bad);
    const alert = app.page.getByRole('alert').filter({ hasText: 'bad-pose.cell.json' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('items[3].pose.xyz: expected 3 numbers');
    expect(await itemIds(app.page)).toEqual(before);
    expect(app.errors.page).toEqual([]);
  });
});
