/**
 * The simulation in the page: Run starts it in a web worker (frames through shared memory, the
 * page cross-origin isolated), the scene moves, the main thread stays free of long tasks, the
 * worker's state hash equals Node's for the same cell and step count, and a crashed worker
 * resumes from its last checkpoint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { readCell } from '../../src/model';
import { createEngine } from '../../src/physics/create-engine';
import { measurePng, openApp, REPO_ROOT, saveScreenshot, type AppSession, openCellFile } from './harness';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/sim-pick-place.cell.json');

describe('the simulation in the browser', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh', viewport: { width: 1000, height: 640 } });
    await openCellFile(app.page, FIXTURE);
    await app.page.waitForFunction(() => window.__celltwin?.cell?.().name.startsWith('Simulation test'));
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs in a worker when Run is clicked, moving the scene, with frames in shared memory', async () => {
    const page = app.page;
    const before = await page.locator('.viewport canvas').screenshot();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.sim?.().time ?? 0) > 1.5, null, { timeout: 30_000 });
    const status = await page.evaluate(() => window.__celltwin?.sim?.());
    expect(status?.phase).toBe('running');
    expect(status?.host).toBe('worker');
    expect(status?.transport).toBe('shared');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const after = await page.locator('.viewport canvas').screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    expect(measurePng(after).distinctColours).toBeGreaterThan(16);
    expect(await page.getByRole('button', { name: 'Pause', exact: true }).isVisible()).toBe(true);
    await saveScreenshot(page, 'simulation-running.png');
  });

  it('keeps the main thread free: no long task over 50 ms while the cell runs', async () => {
    // Physics is in the worker; what is left on the page is drawing one frame at a time. The
    // start of a run (worker start-up, first shader compiles) is over by now: this watches the
    // steady state for two simulated seconds.
    const page = app.page;
    const from = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
      return window.__celltwin?.sim?.().time ?? 0;
    });
    await page.waitForFunction((t) => (window.__celltwin?.sim?.().time ?? 0) > t + 2, from, { timeout: 30_000 });
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest).toBeLessThanOrEqual(50);
  });

  it('pauses with Space and gives the same state hash as Node after the same number of steps, on the same engine', async () => {
    const page = app.page;
    await page.locator('.viewport').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'paused');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'off');
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => window.__celltwin?.sim?.().step === 120);
    const browser = await page.evaluate(() => window.__celltwin!.simHash!());

    const read = readCell(readFileSync(FIXTURE, 'utf8'));
    if (!read.ok) throw new Error('fixture invalid');
    // The worker runs the cell's engine (events unless the file says physics): Node builds the same one.
    const sim = await createEngine(read.cell, await loadSimulationRobots(read.cell));
    try {
      sim.step(120);
      expect(browser.step).toBe(120);
      expect(browser.hash).toBe(sim.stateHash());
    } finally {
      sim.free();
    }
  });

  it('restarts a crashed worker from its last checkpoint, with the document untouched', async () => {
    const page = app.page;
    const cellBefore = await page.evaluate(() => JSON.stringify(window.__celltwin?.cell?.()));
    await page.getByLabel('Simulation speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => (window.__celltwin?.sim?.().time ?? 0) > 6, null, { timeout: 60_000 });
    await page.evaluate(() => window.__celltwin?.simCrash?.());
    await page.waitForFunction(() => window.__celltwin?.sim?.().recoveries === 1, null, { timeout: 30_000 });
    await page.waitForFunction(() => window.__celltwin?.sim?.().phase === 'running', null, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__celltwin?.sim?.().time ?? 0)).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => JSON.stringify(window.__celltwin?.cell?.()))).toBe(cellBefore);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(app.errors.page).toEqual([]);
  });
});
