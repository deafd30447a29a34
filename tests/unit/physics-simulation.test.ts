import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Create, mat4FromXyzRpy, mat4MultiplyRigid, type Mat4 } from '../../src/kinematics/mat4';
import type { RobotDescription } from '../../src/model/robot-description';
import type { SimEvent } from '../../src/sim/events';
import { cloneCell, position, readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();

const SWEEP = 'tests/fixtures/sim-sweep.cell.json';
const CONVEYOR = 'tests/fixtures/sim-conveyor.cell.json';
const PICK_PLACE = 'tests/fixtures/sim-pick-place.cell.json';
const DEFAULT_CELL = 'assets/cells/default.cell.json';

const ofType = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('determinism', () => {
  for (const file of [DEFAULT_CELL, PICK_PLACE, CONVEYOR, SWEEP]) {
    it(`two runs of ${file} hash the same after 1,200 steps`, async () => {
      const cell = readCellFile(file);
      const a = await build(cell);
      const b = await build(cell);
      const hashes: string[][] = [[], []];
      for (let k = 0; k < 4; k++) {
        a.step(300);
        b.step(300);
        hashes[0]!.push(a.stateHash());
        hashes[1]!.push(b.stateHash());
      }
      expect(hashes[0]).toEqual(hashes[1]);
      expect(a.drainEvents()).toEqual(b.drainEvents());
      expect(new Set(hashes[0]).size).toBeGreaterThan(1); // time alone changes the hash
    });
  }

  it('a different seed changes a run with a random part source, and nothing else does', async () => {
    const cell = readCellFile(CONVEYOR);
    const a = await build(cell);
    const b = await build(cell, { seed: 43 });
    a.runUntil(6);
    b.runUntil(6);
    expect(a.stateHash()).not.toBe(b.stateHash());
    const created = (events: SimEvent[]) => ofType(events, 'part-created').map((e) => e.time);
    expect(created(a.drainEvents())).not.toEqual(created(b.drainEvents()));
  });

  it('counts time in whole steps: 60 s at 1/240 s is 14,400 steps exactly', async () => {
    const cell = cloneCell(readCellFile(CONVEYOR));
    cell.items = [];
    cell.parts = [];
    const sim = await build(cell);
    expect(sim.runUntil(60)).toBe(14_400);
    expect(sim.time).toBe(60);
  });
});

describe('a kinematic arm', () => {
  it('pushes a box off a table when it sweeps into it, and reports the contact', async () => {
    const sim = await build(readCellFile(SWEEP));
    const before = position(sim, 'box-1');
    sim.setJointTargets('robot-1', [-1.5, 0, 0, 0, 0, 0], { speed: 0.25 });
    sim.runUntil(3);
    const after = position(sim, 'box-1');
    expect(Math.hypot(after[0] - before[0], after[1] - before[1])).toBeGreaterThan(0.1);
    const hits = ofType(sim.drainEvents(), 'collision').filter((e) => e.b === 'box-1');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.a).toMatch(/^robot-1\//);
  });

  it('keeps its links where forward kinematics puts them (tool frame 0.13 m beyond the flange)', async () => {
    const sim = await build(readCellFile(PICK_PLACE));
    const tcp = sim.tcpPose('robot-1');
    // The fixture's start pose puts the cup lip 0.15 m over the box on table A.
    expect(tcp[0]).toBeCloseTo(0.55, 5);
    expect(tcp[1]).toBeCloseTo(-0.35, 5);
    expect(tcp[2]).toBeCloseTo(0.95, 5);
  });

  it('refuses joint targets outside the limits, naming the joint', async () => {
    const sim = await build(readCellFile(SWEEP));
    expect(() => sim.setJointTargets('robot-1', [0, 0, 4, 0, 0, 0])).toThrow(/elbow_joint = 4 is outside its limits/);
    expect(() => sim.setJointTargets('robot-1', [0, 0, 0])).toThrow(/expected 6 joint values/);
    expect(() => sim.setJointTargets('robot-9', [0, 0, 0, 0, 0, 0])).toThrow(/no robot "robot-9"/);
  });
});

describe('conveyors', () => {
  it('carry a part at belt speed: position against time within 1% (0.25 m/s straight, 0.2 m/s at 0.5 rad)', async () => {
    const sim = await build(readCellFile(CONVEYOR));
    sim.runUntil(0.5); // the parts drop 1 mm onto the belts and start moving
    const t0 = sim.time;
    const a0 = position(sim, 'box-1');
    const b0 = position(sim, 'box-2');
    const dir2 = [Math.cos(0.5), Math.sin(0.5)];
    // box-2 starts mid-belt on the 2 m conveyor-2, so it is still on it at 4 s.
    for (const t of [1, 2, 3, 4]) {
      sim.runUntil(t);
      const expected1 = 0.25 * (t - t0);
      const a = position(sim, 'box-1');
      expect(Math.abs(a[0] - a0[0] - expected1)).toBeLessThan(0.01 * expected1);
      expect(Math.abs(a[1] - a0[1])).toBeLessThan(1e-3);
      const b = position(sim, 'box-2');
      const along = (b[0] - b0[0]) * dir2[0]! + (b[1] - b0[1]) * dir2[1]!;
      expect(Math.abs(along - 0.2 * (t - t0))).toBeLessThan(0.01 * 0.2 * (t - t0));
    }
  });

  it("fire the sensor when a part's leading face reaches the light curtain (2.5 m along the belt)", async () => {
    const cell = cloneCell(readCellFile(CONVEYOR));
    cell.items = cell.items.filter((i) => i.id === 'conveyor-1');
    if (cell.items[0]?.type === 'conveyor') delete cell.items[0].source;
    cell.parts = cell.parts!.filter((p) => p.id === 'box-1');
    const sim = await build(cell);
    sim.runUntil(1);
    const x1 = position(sim, 'box-1')[0];
    // Curtain: 2 mm thick, centred 2.5 m from the infeed end (x = −1.5): near face at x = 0.999.
    const expected = 1 + (0.999 - 0.06 - x1) / 0.25;
    sim.runUntil(expected + 0.2);
    expect(sim.sensorOccupied('conveyor-1')).toBe(true); // 0.12 m long: 0.48 s in the curtain
    sim.runUntil(expected + 0.6);
    expect(sim.sensorOccupied('conveyor-1')).toBe(false);
    const seen = ofType(sim.drainEvents(), 'sensor');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.sensor).toBe('conveyor-1');
    expect(seen[0]!.part).toBe('box-1');
    expect(seen[0]!.time).toBeGreaterThanOrEqual(expected - 1e-4);
    expect(seen[0]!.time).toBeLessThanOrEqual(expected + sim.dt + 1e-4);
  });

  it('get parts from their source at the seeded intervals, and the parts leave the belt at its end', async () => {
    const sim = await build(readCellFile(CONVEYOR));
    sim.runUntil(20);
    const events = sim.drainEvents();
    const created = ofType(events, 'part-created');
    expect(created[0]).toMatchObject({ time: 1, part: 'conveyor-1/part-1', source: 'conveyor-1' });
    for (let i = 1; i < created.length; i++) {
      const gap = created[i]!.time - created[i - 1]!.time;
      expect(gap).toBeGreaterThanOrEqual(1.5 - sim.dt);
      expect(gap).toBeLessThanOrEqual(2.5 + sim.dt);
    }
    expect(sim.partCounts()).toMatchObject({ made: created.length, total: created.length + 2 });
    // Parts made in the first 8 s have passed the belt's end (x = 1.5) and lie on the floor.
    const first = position(sim, 'conveyor-1/part-1');
    expect(first[0]).toBeGreaterThan(1.5);
    expect(first[2]).toBeLessThan(0.1);
  });
});

/** Largest extent along +y (m, world) of a robot's collision shapes: URDF primitives and FK only. */
function reachAlongY(arm: RobotDescription, tool: RobotDescription, base: Mat4, q: number[]): { y: number; link: string } {
  const armFk = new ForwardKinematics(arm).compute(q);
  const toolFk = new ForwardKinematics(tool).compute([]);
  const flange = mat4MultiplyRigid(mat4Create(), base, armFk.worldOf('tool0'));
  let best = { y: -Infinity, link: '' };
  const consider = (robot: RobotDescription, world: (link: string) => Mat4, prefix: string) => {
    for (const link of robot.links) {
      for (const c of link.collisions) {
        const m = mat4MultiplyRigid(mat4Create(), world(link.name), mat4FromXyzRpy(mat4Create(), c.origin.xyz, c.origin.rpy));
        const g = c.geometry;
        // Support function along +y: centre + each axis' half extent times |axis · y|.
        let y = m[13]!;
        if (g.type === 'box') y += g.size.reduce((s, size, i) => s + (size / 2) * Math.abs(m[4 * i + 1]!), 0);
        else if (g.type === 'cylinder') y += (g.length / 2) * Math.abs(m[9]!) + g.radius * Math.sqrt(Math.max(0, 1 - m[9]! ** 2));
        else if (g.type === 'sphere') y += g.radius;
        if (y > best.y) best = { y, link: `${prefix}${link.name}` };
      }
    }
  };
  consider(arm, (l) => mat4MultiplyRigid(mat4Create(), base, armFk.worldOf(l)), 'robot-1/');
  consider(tool, (l) => mat4MultiplyRigid(mat4Create(), flange, toolFk.worldOf(l)), 'robot-1/tool/');
  return best;
}

describe('collisions', () => {
  it('report a robot driven through a fence at the time its joint speed and geometry give', async () => {
    const cell = readCellFile(SWEEP);
    const sim = await build(cell);
    const { robots, tools } = await loadSimulationRobots(cell);
    const base = mat4FromXyzRpy(mat4Create(), [0, 0, 0.75], [0, 0, 0]);
    // Joint 1 turns at a quarter of its 180°/s limit; the fence's near face is at y = 0.6 − 0.025.
    const omega = Math.PI * 0.25;
    const face = 0.575;
    const reach = (theta: number) => reachAlongY(robots.get('robot-1')!, tools!.get('vacuum_gripper')!, base, [theta, 0, 0, 0, 0, 0]);
    let lo = 0;
    let hi = 1.2;
    expect(reach(lo).y).toBeLessThan(face);
    expect(reach(hi).y).toBeGreaterThan(face);
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (reach(mid).y < face) lo = mid;
      else hi = mid;
    }
    const expected = hi / omega;

    sim.setJointTargets('robot-1', [1.2, 0, 0, 0, 0, 0], { speed: 0.25 });
    sim.runUntil(expected + 0.1);
    const first = ofType(sim.drainEvents(), 'collision')[0];
    expect(first).toBeDefined();
    expect(first!.b).toBe('fence-1');
    expect(first!.a).toBe(reach(hi).link);
    // Contacts are checked at the end of each step: the first step end at or after the touch.
    expect(first!.time).toBeGreaterThanOrEqual(expected - 1e-4);
    expect(first!.time).toBeLessThanOrEqual(expected + sim.dt + 1e-4);
  });

  it('report one robot swinging into another, naming a link of each', async () => {
    const cell = cloneCell(readCellFile(SWEEP));
    cell.items = cell.items.filter((i) => i.id === 'robot-1' || i.id === 'pedestal');
    cell.parts = [];
    const robot1 = cell.items[0]!;
    if (robot1.type === 'robot') robot1.joints = [Math.PI / 2, 0, 0, 0, 0, 0]; // pointing away, along +y
    cell.items.push(
      { id: 'robot-2', name: 'Second UR5e', type: 'robot', pose: { xyz: [0.85, 0.15, 0.75], rpy: [0, 0, Math.PI] }, source: { type: 'bundled', id: 'ur5e' }, tool: null, joints: [0, -Math.PI / 2, 0, 0, 0, 0] },
      { id: 'pedestal-2', name: 'Pedestal 2', type: 'table', pose: { xyz: [0.85, 0.15, 0], rpy: [0, 0, 0] }, size: [0.3, 0.3, 0.75] },
    );
    const sim = await build(cell);
    sim.step(2);
    expect(sim.drainEvents()).toEqual([]); // apart at the start: nothing to report
    sim.setJointTargets('robot-1', [-Math.PI / 2, 0, 0, 0, 0, 0], { speed: 0.25 });
    sim.runUntil(5);
    const hits = ofType(sim.drainEvents(), 'collision');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.a).toMatch(/^robot-1\//);
      expect(h.b).toMatch(/^robot-2\//);
    }
  });

  it('ignore adjacent links, the base on its pedestal, and the cup on the part it picks', async () => {
    const sim = await build(readCellFile(PICK_PLACE));
    sim.runUntil(3); // a whole pick-and-place cycle, the cup pressing on the box to pick it
    expect(ofType(sim.drainEvents(), 'collision')).toEqual([]);
  });

  it('report a base standing in a fence (a layout error), but not the base on what it stands on', async () => {
    const cell = cloneCell(readCellFile(SWEEP));
    cell.items.push({ id: 'fence-2', name: 'Fence through the pedestal', type: 'fence', pose: { xyz: [0, 0, 0], rpy: [0, 0, Math.PI / 2] }, length: 1, height: 2 });
    const sim = await build(cell);
    sim.step(2);
    const hits = ofType(sim.drainEvents(), 'collision');
    expect(hits.some((e) => e.a === 'robot-1/base_link' && e.b === 'fence-2')).toBe(true);
    expect(hits.some((e) => e.b === 'pedestal')).toBe(false);
  });

  it('report the end of a contact once the bodies are apart', async () => {
    const sim = await build(readCellFile(SWEEP));
    sim.setJointTargets('robot-1', [1.2, 0, 0, 0, 0, 0], { speed: 0.25 });
    sim.runUntil(2);
    sim.setJointTargets('robot-1', [0, 0, 0, 0, 0, 0], { speed: 0.25 });
    sim.runUntil(4);
    const events = sim.drainEvents();
    const started = ofType(events, 'collision').map((e) => `${e.a}|${e.b}`).sort();
    const ended = ofType(events, 'collision-end').map((e) => `${e.a}|${e.b}`).sort();
    expect(started.length).toBeGreaterThan(0);
    expect(ended).toEqual(started);
  });
});
