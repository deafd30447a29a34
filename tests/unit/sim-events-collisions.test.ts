/**
 * Collision checks of the events engine (sim/events/collision-sweep.ts, robot-pair-sweep.ts)
 * against an independent computation: the fixed-step physics engine running the same cell and
 * the same commands, which reads contacts at the end of every 1/240 s step. The events engine
 * dates a contact to the first grid time from the move's start that shows it, so the two agree
 * to a step.
 */
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import type { Cell } from '../../src/model/cell';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type CellEngine } from '../../src/physics/create-engine';
import { initRapier } from '../../src/physics/rapier';
import { rapierPhysicsFactory } from '../../src/physics/rapier-world';
import { EventSimulation } from '../../src/sim/events/event-simulation';
import { REPO_ROOT } from './corpus-helpers';
import type { CollisionEvent, SimEvent } from '../../src/sim/events';
import { cloneCell, readCellFile } from './support/sim-fixtures';

const SWEEP = 'tests/fixtures/sim-sweep.cell.json';

const collisions = (events: SimEvent[]): CollisionEvent[] => events.filter((e): e is CollisionEvent => e.type === 'collision');

/** Runs `drive` on both engines over the same cell and returns each engine's collisions. */
async function onBothEngines(cell: Cell, until: number, drive: (sim: CellEngine) => void): Promise<{ events: CollisionEvent[]; physics: CollisionEvent[]; dt: number }> {
  const robots = await loadSimulationRobots(cell);
  const out: CollisionEvent[][] = [];
  let dt = 0;
  for (const engine of ['events', 'physics'] as const) {
    const sim = await createEngine(cell, robots, { engine });
    try {
      dt = sim.dt;
      drive(sim);
      sim.runUntil(until);
      out.push(collisions(sim.drainEvents()));
    } finally {
      sim.free();
    }
  }
  return { events: out[0]!, physics: out[1]!, dt };
}

/**
 * The sweep fixture's robot alone with a second UR5e 0.85 m along x (turned half round), both
 * stretched out along +y, side by side.
 */
function twoRobots(): Cell {
  const cell = cloneCell(readCellFile(SWEEP));
  cell.items = cell.items.filter((i) => i.id === 'robot-1' || i.id === 'pedestal');
  cell.parts = [];
  const robot1 = cell.items[0]!;
  if (robot1.type === 'robot') robot1.joints = [Math.PI / 2, 0, 0, 0, 0, 0]; // pointing away, along +y
  cell.items.push(
    { id: 'robot-2', name: 'Second UR5e', type: 'robot', pose: { xyz: [0.85, 0.15, 0.75], rpy: [0, 0, Math.PI] }, source: { type: 'bundled', id: 'ur5e' }, tool: null, joints: [-Math.PI / 2, 0, 0, 0, 0, 0] },
    { id: 'pedestal-2', name: 'Pedestal 2', type: 'table', pose: { xyz: [0.85, 0.15, 0], rpy: [0, 0, 0] }, size: [0.3, 0.3, 0.75] },
  );
  return cell;
}

describe('the events engine checks robot moves', () => {
  it('against fixtures: a link reaches the fence at the step the physics engine reports', async () => {
    const { events, physics, dt } = await onBothEngines(readCellFile(SWEEP), 2, (sim) => sim.setJointTargets('robot-1', [1.2, 0, 0, 0, 0, 0], { speed: 0.25 }));
    const mine = events.filter((e) => e.b === 'fence-1');
    const theirs = physics.filter((e) => e.b === 'fence-1');
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine[0]!.a).toBe(theirs[0]!.a);
    expect(Math.abs(mine[0]!.time - theirs[0]!.time)).toBeLessThanOrEqual(dt + 1e-9);
  });

  it('against a part standing on a table: the arm sweeping through it hits it when physics says', async () => {
    const { events, physics, dt } = await onBothEngines(readCellFile(SWEEP), 3, (sim) => sim.setJointTargets('robot-1', [-1.5, 0, 0, 0, 0, 0], { speed: 0.25 }));
    const mine = events.filter((e) => e.b === 'box-1');
    const theirs = physics.filter((e) => e.b === 'box-1');
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine.length).toBeGreaterThan(0);
    // The first contact: the same link, within one step of the physics engine's time.
    expect(mine[0]!.a).toBe(theirs[0]!.a);
    expect(mine[0]!.a).toMatch(/^robot-1\/(?!tool\/)/);
    expect(Math.abs(mine[0]!.time - theirs[0]!.time)).toBeLessThanOrEqual(dt + 1e-9);
  });

  it('robot against robot: two arms swinging towards each other touch when physics says, naming a link of each', async () => {
    const drive = (sim: CellEngine) => {
      sim.setJointTargets('robot-1', [-Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.setJointTargets('robot-2', [Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
    };
    const { events, physics, dt } = await onBothEngines(twoRobots(), 3, drive);
    const between = (e: CollisionEvent) => e.a.startsWith('robot-1/') && e.b.startsWith('robot-2/');
    const theirs = physics.filter(between);
    const mine = events.filter(between);
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine.length).toBeGreaterThan(0);
    expect([mine[0]!.a, mine[0]!.b]).toEqual([theirs[0]!.a, theirs[0]!.b]);
    expect(Math.abs(mine[0]!.time - theirs[0]!.time)).toBeLessThanOrEqual(dt + 1e-9);
    // Only robot-against-robot contacts here: no fixture in the way, the pedestals under the bases.
    expect(events.filter((e) => !between(e))).toEqual([]);
  });

  it('restored from a checkpoint taken mid-move, finds the robot-against-robot contacts of the run that went on', async () => {
    const cell = twoRobots();
    const robots = await loadSimulationRobots(cell);
    // Robot 1 swings towards robot 2; the checkpoint is taken during that move, and robot 2
    // starts its own swing after it: its pair check must see robot 1 moving, not standing.
    const goOn = (sim: CellEngine) => {
      sim.runUntil(0.3);
      sim.setJointTargets('robot-2', [Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.runUntil(3);
      return collisions(sim.drainEvents());
    };
    const whole = await createEngine(cell, robots, { engine: 'events' });
    const restored = await createEngine(cell, robots, { engine: 'events' });
    try {
      whole.setJointTargets('robot-1', [-Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
      whole.runUntil(0.2);
      expect(collisions(whole.drainEvents())).toEqual([]);
      const checkpoint = whole.snapshot();
      const expected = goOn(whole);
      expect(expected.filter((e) => e.a.startsWith('robot-1/') && e.b.startsWith('robot-2/')).length).toBeGreaterThan(0);
      restored.restore(checkpoint as never);
      const found = goOn(restored);
      expect(found.map((e) => [e.a, e.b])).toEqual(expected.map((e) => [e.a, e.b]));
      // The restored move is followed through its samples (every dt): the times agree to a step.
      found.forEach((e, i) => expect(Math.abs(e.time - expected[i]!.time)).toBeLessThanOrEqual(whole.dt + 1e-9));
    } finally {
      whole.free();
      restored.free();
    }
  });

  it('replays a repeated move against the same part from its first check, at the same offset', async () => {
    const cell = readCellFile(SWEEP);
    const sim = new EventSimulation(cell, await loadSimulationRobots(cell), { physics: rapierPhysicsFactory(await initRapier()) });
    try {
      const out = sim.setJointTargets('robot-1', [-1.5, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.runUntil(out);
      const back = sim.setJointTargets('robot-1', [0, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.runUntil(out + back);
      const again = sim.time;
      sim.setJointTargets('robot-1', [-1.5, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.runUntil(again + out);
      const hits = collisions(sim.drainEvents()).filter((e) => e.a === 'robot-1/forearm_link' && e.b === 'box-1');
      // Out through the box, back through it, out again: the third contact replays the first.
      expect(hits).toHaveLength(3);
      expect(hits[1]!.time).toBeGreaterThan(out);
      expect(hits[2]!.time - again).toBeCloseTo(hits[0]!.time, 9);
      expect(sim.collisionStats()!.moves.replayed).toBeGreaterThanOrEqual(1);
    } finally {
      sim.free();
    }
  });

  it('does not check two robots whose moves stay metres apart', async () => {
    const cell = twoRobots();
    for (const item of cell.items) if (item.id === 'robot-2' || item.id === 'pedestal-2') item.pose.xyz[0] = 4;
    const sim = new EventSimulation(cell, await loadSimulationRobots(cell), { physics: rapierPhysicsFactory(await initRapier()) });
    try {
      sim.setJointTargets('robot-1', [-Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.setJointTargets('robot-2', [Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
      sim.runUntil(3);
      expect(collisions(sim.drainEvents())).toEqual([]);
      expect(sim.collisionStats()!.pairs).toMatchObject({ checked: 0, skipped: 2, samples: 0 });
    } finally {
      sim.free();
    }
  });
});

describe('the events engine on the scenario templates', () => {
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'assets/cells/templates/index.json'), 'utf8')) as { file: string }[];
  for (const { file } of index) {
    it(`${file}: 300 s with links checked against fixtures, parts and the other robots, and no collision`, async () => {
      const cell = readCellFile(`assets/cells/templates/${file}`);
      const sim = await createEngine(cell, await loadSimulationRobots(cell));
      try {
        const found: CollisionEvent[] = [];
        for (let t = 60; t <= 300; t += 60) {
          sim.runUntil(t);
          found.push(...collisions(sim.drainEvents()));
        }
        expect(found).toEqual([]);
        expect(sim.activityLog().partsFinished.length).toBeGreaterThan(0);
      } finally {
        sim.free();
      }
    }, 120_000);
  }
});
