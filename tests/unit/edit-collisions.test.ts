/**
 * Collisions while editing, on the demo cell (UR10e on a 750 mm pedestal beside a work table):
 * the same link and fixture shapes the simulation builds, tested at jogged joint values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import type { Cell, RobotItem } from '../../src/model';
import type { SimulationRobots } from '../../src/sim/cell-model';
import { collidingLinks, editCollisions, EditScene } from '../../src/tools/edit-collisions';
import { cloneCell, readCellFile } from './support/sim-fixtures';

let cell: Cell;
let robots: SimulationRobots;
let home: number[];

beforeAll(async () => {
  cell = cloneCell(readCellFile('assets/cells/default.cell.json'));
  robots = await loadSimulationRobots(cell);
  home = [...(cell.items[0] as RobotItem).joints!];
});

/** The home pose with the shoulder lift joint (J2) at `q1` rad. */
const shoulder = (q1: number): number[] => home.map((v, i) => (i === 1 ? q1 : v));

describe('collisions while editing', () => {
  it('finds none in the demo cell as it is laid out', () => {
    expect(editCollisions(cell, robots)).toEqual([]);
  });

  it('names the upper arm and the pedestal when J2 swings the arm down into the riser', () => {
    // J2 = 0.6 rad points the upper arm 34° below horizontal, into the 600 × 600 × 750 mm riser it stands on.
    const pairs = editCollisions(cell, robots, { robot: 'robot-1', q: shoulder(0.6) });
    expect(pairs).toEqual([{ robot: 'robot-1', link: 'upper_arm_link', other: 'table-2', otherItem: 'table-2' }]);
    expect([...collidingLinks(pairs, 'robot-1')]).toEqual(['upper_arm_link']);
  });

  it('names the forearm and the work table when the arm reaches down over the table', () => {
    const pairs = editCollisions(cell, robots, { robot: 'robot-1', q: shoulder(-0.5) });
    expect(pairs.map((p) => `${p.link} × ${p.other}`)).toContain('forearm_link × table-1');
    expect(pairs.every((p) => p.otherItem === 'table-1')).toBe(true);
  });

  it('reports two robots standing in each other, link against link', () => {
    const twin: RobotItem = { ...structuredClone(cell.items[0] as RobotItem), id: 'robot-2', pose: { xyz: [0.25, 0, 0.75], rpy: [0, 0, 0] } };
    const two: Cell = { ...cell, items: [...cell.items, twin] };
    const scene = new EditScene(two, { ...robots, robots: new Map([...robots.robots, ['robot-2', robots.robots.get('robot-1')!]]) });
    const pairs = scene.collisions(() => undefined);
    expect(pairs.some((p) => p.robot === 'robot-1' && p.otherItem === 'robot-2' && p.other.startsWith('robot-2/'))).toBe(true);
    // Moving the twin 3 m away clears them.
    const apart: Cell = { ...two, items: two.items.map((i) => (i.id === 'robot-2' ? { ...i, pose: { xyz: [3, 2, 0], rpy: [0, 0, 0] } } : i)) };
    expect(new EditScene(apart, { ...robots, robots: new Map([...robots.robots, ['robot-2', robots.robots.get('robot-1')!]]) }).collisions(() => undefined)).toEqual([]);
  });
});

describe('collisions at the end of program moves', () => {
  it('flags the move whose target sits inside the work table, and only that one', async () => {
    const { programEndPoseCollisions } = await import('../../src/tools/edit-collisions-program');
    const flagged: Cell = {
      ...cell,
      // 300 mm into the 750 mm work table top (table-1 at x = 1.2 m), tool pointing down.
      targets: [...cell.targets, { id: 'inside', name: 'Inside the table', parent: 'world', pose: { xyz: [0.75, 0, 0.45], rpy: [Math.PI, 0, 0] } }],
      programs: [{ id: 'p', robot: 'robot-1', steps: [{ type: 'moveJ', target: 'pick', approach: 0.15 }, { type: 'moveJ', target: 'inside' }, { type: 'wait', seconds: 1 }] }],
    };
    const perStep = programEndPoseCollisions(flagged, 'robot-1', robots);
    expect(perStep).toHaveLength(3);
    expect(perStep[0]).toEqual([]);
    expect(perStep[1]!.some((p) => p.otherItem === 'table-1')).toBe(true);
    expect(perStep[2]).toEqual([]);
  });
});
