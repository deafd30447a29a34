/**
 * Collisions name the program step each robot was on: looked up in the activity log after the
 * run (the same for both engines), carried by the CLI's report, the KPIs and the page's worker,
 * whose count goes on across a worker recovery instead of starting again or counting twice.
 */
import { describe, expect, it } from 'vitest';
import { SimHost } from '../../src/bridge/sim-host';
import type { Checkpoint, FromSim } from '../../src/bridge/sim-protocol';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { runCell } from '../../src/experiments/run-cell';
import type { Cell } from '../../src/model';
import type { ActivityLog } from '../../src/sim/activity';
import { collisionStepsText, collisionsWithSteps } from '../../src/sim/kpi/collision-steps';
import { swingingCell } from './support/sim-fixtures';

const log: ActivityLog = {
  duration: 10,
  intervals: [
    { resource: 'robot-1', kind: 'robot', state: 'moving-empty', start: 0, end: 2, step: 'programs[0].steps[0]' },
    { resource: 'robot-2', kind: 'robot', state: 'moving-loaded', start: 0, end: 4, step: 'programs[1].steps[2]' },
    { resource: 'robot-1', kind: 'robot', state: 'gripper', start: 2, end: 2.5, step: 'programs[0].steps[1]' },
    { resource: 'conveyor-1', kind: 'conveyor', state: 'running', start: 0, end: 10 },
    // 2.5 s to 3 s: robot 1 idle with no step (its program ended).
    { resource: 'robot-1', kind: 'robot', state: 'idle', start: 2.5, end: 3 },
    { resource: 'robot-1', kind: 'robot', state: 'moving-empty', start: 3, end: 10, step: 'programs[0].steps[0]' },
  ],
  cycleCompletions: [],
  partsFinished: [],
};

describe('the program steps of collisions', () => {
  it('names the step whose interval holds the collision time, the next step from its first instant', () => {
    const found = collisionsWithSteps(log, [
      { time: 1.999, a: 'robot-1/forearm_link', b: 'fence-1' },
      { time: 2, a: 'robot-1/tool/base_link', b: 'conveyor-1/part-3' },
      { time: 3.5, a: 'robot-1/wrist_1_link', b: 'robot-2/wrist_3_link' },
    ]);
    expect(found).toEqual([
      { time: 1.999, a: 'robot-1/forearm_link', b: 'fence-1', aStep: 'programs[0].steps[0]' },
      { time: 2, a: 'robot-1/tool/base_link', b: 'conveyor-1/part-3', aStep: 'programs[0].steps[1]' },
      { time: 3.5, a: 'robot-1/wrist_1_link', b: 'robot-2/wrist_3_link', aStep: 'programs[0].steps[0]', bStep: 'programs[1].steps[2]' },
    ]);
    expect(collisionStepsText(found[2]!)).toBe(' (robot-1 on programs[0].steps[0], robot-2 on programs[1].steps[2])');
  });

  it('leaves the step out where the log has none, rather than guessing', () => {
    const found = collisionsWithSteps(log, [
      { time: 2.7, a: 'robot-1/forearm_link', b: 'fence-1' },
      { time: 5, a: 'robot-3/forearm_link', b: 'robot-2/base_link' },
    ]);
    expect(found).toEqual([
      { time: 2.7, a: 'robot-1/forearm_link', b: 'fence-1' },
      { time: 5, a: 'robot-3/forearm_link', b: 'robot-2/base_link' },
    ]);
    expect(collisionStepsText(found[0]!)).toBe('');
  });
});

/** A page worker's host on a fake clock, loaded with `cell` (from `restore` when given). */
async function host(cell: Cell, restore: Checkpoint | null = null) {
  const robots = await loadSimulationRobots(cell);
  const posts: FromSim[] = [];
  const queue: Array<() => void> = [];
  let clock = 0;
  const h = new SimHost({ post: (m) => posts.push(m), now: () => (clock += 2), schedule: (fn) => queue.push(fn) });
  await h.handle({ type: 'load', cell, robots: [...(robots.robots ?? [])], tools: [...(robots.tools ?? [])], frames: null, restore });
  const runUntil = async (until: number) => {
    await h.handle({ type: 'run-until', until });
    while (queue.length > 0) queue.shift()!();
    return posts.flatMap((p) => (p.type === 'kpis' ? [p.kpis] : [])).at(-1)!;
  };
  /** Plays at 100× real time (checkpoints come every 5 s of it) until `until`, then pauses. */
  const playPast = async (until: number) => {
    await h.handle({ type: 'speed', speed: 100 });
    await h.handle({ type: 'play' });
    const time = () => posts.flatMap((p) => (p.type === 'status' ? [p.time] : [])).at(-1) ?? 0;
    while (queue.length > 0 && time() < until) queue.shift()!();
    await h.handle({ type: 'pause' });
  };
  return { posts, runUntil, playPast };
}

describe('collisions in a run', () => {
  it('come with their step in the CLI run, and the KPIs count them all', async () => {
    const cell = swingingCell();
    const run = await runCell(cell, await loadSimulationRobots(cell), { until: 30, warmupCycles: 2 });
    expect(run.facts.collisionCount).toBeGreaterThan(3);
    expect(run.kpis.collisionCount).toBe(run.facts.collisionCount);
    // Every collision happens on the swing out or the swing back, and the log says which.
    for (const c of run.kpis.collisions) expect(['programs[0].steps[0]', 'programs[0].steps[1]']).toContain(c.aStep);
    expect(run.facts.collisions[0]).toEqual({ ...run.kpis.collisions[0], time: expect.closeTo(run.kpis.collisions[0]!.time, 6) });
  });

  it('are counted by the page worker as by the CLI, and a restored worker counts on from its checkpoint', async () => {
    const cell = swingingCell();
    const cli = await runCell(cell, await loadSimulationRobots(cell), { until: 30, warmupCycles: 2 });
    const whole = await host(cell);
    const kpis = await whole.runUntil(30);
    expect(kpis.collisionCount).toBe(cli.facts.collisionCount);
    expect(kpis.collisions.map((c) => [c.a, c.b, c.aStep])).toEqual(cli.kpis.collisions.map((c) => [c.a, c.b, c.aStep]));

    // A worker that crashed after 12 s starts again from its last checkpoint (about 10 s) and its tally.
    const first = await host(cell);
    await first.playPast(12);
    const checkpoint = first.posts.flatMap((p) => (p.type === 'checkpoint' ? [p.checkpoint] : [])).at(-1)!;
    expect(checkpoint.snapshot.time).toBeGreaterThan(9);
    expect(checkpoint.collisions.count).toBe(cli.kpis.collisions.filter((c) => c.time <= checkpoint.snapshot.time).length);
    const restored = await host(cell, checkpoint);
    expect((await restored.runUntil(30)).collisionCount).toBe(cli.facts.collisionCount);
  });
});
