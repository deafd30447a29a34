/**
 * Exports from the top bar: a PNG of the view, the layout as binary glTF, the plan as SVG, each
 * downloaded under the cell's name and each a real file of its kind.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePng, openApp, type AppSession } from './harness';

describe('exports', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh' });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function exportFile(label: string): Promise<{ name: string; bytes: Buffer }> {
    await app.page.locator('summary', { hasText: 'Export' }).click();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: label }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile((await download.path()) as string) };
  }

  it('downloads a screenshot PNG of the 3D view that is not blank', async () => {
    const { name, bytes } = await exportFile('Screenshot (PNG)');
    expect(name).toBe('pick-and-place-demo.png');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(measurePng(bytes).distinctColours).toBeGreaterThan(16);
  });

  it('downloads the layout as binary glTF holding every item and the robot links', async () => {
    const { name, bytes } = await exportFile('Layout 3D (glTF .glb)');
    expect(name).toBe('pick-and-place-demo.glb');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('glTF');
    // The JSON chunk follows the 12-byte header and an 8-byte chunk header.
    const jsonLength = bytes.readUInt32LE(12);
    const gltf = JSON.parse(bytes.subarray(20, 20 + jsonLength).toString('utf8')) as { nodes: Array<{ name?: string }> };
    const names = gltf.nodes.map((n) => n.name);
    for (const id of ['robot-1', 'table-2', 'conveyor-1', 'table-1', 'pallet-1']) expect(names).toContain(id);
    expect(names).toContain('wrist_3_link');
    expect(names).not.toContain('selection-outline');
  });

  it('downloads the plan as SVG with the floor dimensions', async () => {
    const { name, bytes } = await exportFile('Plan with dimensions (SVG)');
    expect(name).toBe('pick-and-place-demo-plan.svg');
    const svg = bytes.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>8000 mm<');
    expect(app.errors.page).toEqual([]);
  });
});
