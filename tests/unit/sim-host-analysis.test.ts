/**
 * The analysis run (Analyse 1 h in the top bar): the simulation host runs at full speed to an
 * end time in ticks that leave the worker responsive, reports its progress in every status,
 * stops exactly at the end time with final KPIs, and a pause cancels it part way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FromSim } from '../../src/bridge/sim-protocol';
import { SimHost } from '../../src/bridge/sim-host';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { readCell } from '../../src/model';

/** A host on a fake clock: each now() call advances 2 ms (a slow machine), and scheduled ticks run on demand. */
async function hostOnDefaultCell(engine: 'events' | 'physics' = 'events') {
  const read = readCell(readFileSync(join(__dirname, '../../assets/cells/default.cell.json'), 'utf8'));
  if (!read.ok) throw new Error('default cell invalid');
  read.cell.simulation.engine = engine;
  const robots = await loadSimulationRobots(read.cell);
  const posts: FromSim[] = [];
  const queue: Array<() => void> = [];
  let clock = 0;
  const host = new SimHost({ post: (m) => posts.push(m), now: () => (clock += 2), schedule: (fn) => queue.push(fn) });
  await host.handle({ type: 'load', cell: read.cell, robots: [...(robots.robots ?? [])], tools: [...(robots.tools ?? [])], frames: null, restore: null });
  const runTicks = (max: number) => {
    let n = 0;
    while (queue.length > 0 && n < max) {
      queue.shift()!();
      n++;
    }
    return n;
  };
  return { host, posts, runTicks, cell: read.cell };
}

const statuses = (posts: FromSim[]) => posts.flatMap((p) => (p.type === 'status' ? [p] : []));
const analyses = (posts: FromSim[]) => posts.flatMap((p) => (p.type === 'analysis' ? [p.run] : []));

describe('an analysis run in the simulation host', () => {
  it('runs to the end time over many ticks, reporting progress, and pauses there with the final KPIs (physics engine)', async () => {
    const { host, posts, runTicks, cell } = await hostOnDefaultCell('physics');
    await host.handle({ type: 'run-until', until: 30 });
    const ticks = runTicks(100_000);
    const all = statuses(posts);
    const last = all.at(-1)!;
    // Stopped on the end time (to one step), not running, no analysis left.
    expect(Math.abs(last.time - 30)).toBeLessThanOrEqual(cell.simulation.dt / 2);
    expect(last.running).toBe(false);
    // The page is told when the run starts and when it is over (the very last message).
    expect(analyses(posts)).toEqual([{ from: 0, until: 30 }, null]);
    expect(posts.at(-1)).toEqual({ type: 'analysis', run: null });
    // Progress came in several statuses on the way.
    const during = all.filter((s) => s.running && s.time > 0 && s.time < 30);
    // (A status every 100 ms of wall time; each tick spends its 12 ms budget and a little more.)
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toBeGreaterThanOrEqual(20);
    // The final KPIs arrived before the final status and describe the whole 30 s.
    const final = posts.flatMap((p) => (p.type === 'kpis' ? [p] : [])).at(-1)!;
    expect(posts.indexOf(final)).toBeLessThan(posts.indexOf(last));
    expect(final.time).toBeCloseTo(30, 6);
    expect(final.kpis.partsFinished).toBeGreaterThan(2);
  }, 60_000);

  it('runs an hour on the events engine to its end, in many ticks, with the KPIs of the whole hour', async () => {
    const { host, posts, runTicks, cell } = await hostOnDefaultCell('events');
    const shift = 3600;
    await host.handle({ type: 'run-until', until: shift });
    const ticks = runTicks(1_000_000);
    const all = statuses(posts);
    const last = all.at(-1)!;
    expect(Math.abs(last.time - shift)).toBeLessThanOrEqual(cell.simulation.dt / 2);
    expect(last.running).toBe(false);
    expect(analyses(posts)).toEqual([{ from: 0, until: shift }, null]);
    expect(all.filter((s) => s.running && s.time > 0 && s.time < shift).length).toBeGreaterThanOrEqual(3);
    expect(ticks).toBeGreaterThanOrEqual(20);
    const final = posts.flatMap((p) => (p.type === 'kpis' ? [p] : [])).at(-1)!;
    expect(final.time).toBeCloseTo(shift, 6);
    // Parts kept coming for the whole shift: the last one finished in its final minutes.
    expect(final.kpis.partsFinished).toBeGreaterThan(20);
    expect(final.kpis.steadyState!.end).toBeGreaterThan(shift - 600);
  }, 300_000);

  it('stops part way when paused, and the next status says no analysis is running', async () => {
    const { host, posts, runTicks } = await hostOnDefaultCell();
    await host.handle({ type: 'run-until', until: 3600 });
    runTicks(5);
    await host.handle({ type: 'pause' });
    const ran = runTicks(100);
    const last = statuses(posts).at(-1)!;
    expect(ran).toBeLessThanOrEqual(1); // the tick already queued sees the pause and ends
    expect(last.running).toBe(false);
    expect(analyses(posts)).toEqual([{ from: 0, until: 3600 }, null]);
    expect(last.time).toBeGreaterThan(0);
    expect(last.time).toBeLessThan(3600);
  }, 60_000);
});
