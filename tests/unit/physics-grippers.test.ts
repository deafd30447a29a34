import { describe, expect, it } from 'vitest';
import { activeJoints } from '../../src/model/robot-description';
import type { SimEvent } from '../../src/sim/events';
import { LinearJointMove } from '../../src/sim/joint-motion';
import { mat4FromPose } from '../../src/sim/pose';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { cloneCell, position, readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();
const PICK_PLACE = 'tests/fixtures/sim-pick-place.cell.json';

/** The fixture's program poses (UR5e on a 0.75 m pedestal, cup pointing down). */
const program = readCellFile(PICK_PLACE).programs[0]!.steps;
const q = (i: number) => (program[i] as { q: number[] }).q;
const Q = { aboveA: q(2), atA: q(0), aboveB: q(3), atB: q(4) };

const brief = (events: SimEvent[]) => events.filter((e) => e.type !== 'collision' && e.type !== 'collision-end').map((e) => `${e.type}:${'part' in e ? e.part : ''}`);

describe('a vacuum gripper', () => {
  it('picks a box on table A and places it on table B (the cell program)', async () => {
    const sim = await build(readCellFile(PICK_PLACE));
    const start = position(sim, 'box-1');
    expect(start[0]).toBeCloseTo(0.55, 3);
    expect(start[1]).toBeCloseTo(-0.35, 3);

    // Step 1, the approach at 30 % speed, ends when the slowest joint has covered its distance.
    const ur5e = (await loadSimulationRobots(readCellFile(PICK_PLACE))).robots.get('robot-1')!;
    const speeds = activeJoints(ur5e).map((j) => j.limits!.velocity);
    const approach = LinearJointMove.plan(Q.aboveA, Q.atA, speeds, 0.3).duration;

    sim.runUntil(1);
    expect(sim.held('robot-1')).toBe('box-1');
    expect(position(sim, 'box-1')[2]).toBeGreaterThan(0.8); // lifted off table A (top at 0.7)
    sim.runUntil(3);
    const events = sim.drainEvents();
    expect(brief(events)).toEqual(['pick:box-1', 'release:box-1']);
    const pick = events.find((e) => e.type === 'pick')!;
    expect(pick.time).toBeCloseTo(approach, 9);

    const end = position(sim, 'box-1');
    expect(end[0]).toBeCloseTo(0.55, 2);
    expect(end[1]).toBeCloseTo(0.35, 2);
    expect(end[2]).toBeCloseTo(0.75, 2); // resting on table B, 0.7 m + half of 0.1 m
    expect(sim.held('robot-1')).toBeNull();
    expect(sim.partCounts()).toEqual({ total: 1, made: 0, active: 1, held: 0, removed: 0 });
  });

  it('does the same through the API: joint targets, grip(), release()', async () => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    cell.programs = [];
    const sim = await build(cell);
    const go = (q: number[], speed = 1) => sim.runUntil(sim.time + sim.setJointTargets('robot-1', q, { speed }) + sim.dt);
    expect(sim.grip('robot-1')).toBeNull(); // 0.15 m above the box: out of reach
    go(Q.atA, 0.3);
    expect(sim.grip('robot-1')).toBe('box-1');
    go(Q.aboveA);
    go(Q.aboveB);
    go(Q.atB, 0.3);
    expect(sim.release('robot-1')).toBe('box-1');
    expect(sim.release('robot-1')).toBeNull();
    go(Q.aboveB);
    sim.runUntil(sim.time + 0.5);
    const end = position(sim, 'box-1');
    expect(end[0]).toBeCloseTo(0.55, 2);
    expect(end[1]).toBeCloseTo(0.35, 2);
    expect(end[2]).toBeCloseTo(0.75, 2);
    expect(brief(sim.drainEvents())).toEqual(['pick-missed:', 'pick:box-1', 'release:box-1']);
  });

  it('holds the part rigidly: its pose in the tool frame stays the same while the arm moves', async () => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    cell.programs = [];
    const sim = await build(cell);
    sim.runUntil(sim.setJointTargets('robot-1', Q.atA, { speed: 0.3 }) + sim.dt);
    sim.grip('robot-1');
    const gap = () => position(sim, 'box-1')[2] - sim.tcpPose('robot-1')[2]!;
    const before = gap();
    sim.setJointTargets('robot-1', Q.aboveB);
    for (let i = 0; i < 5; i++) {
      sim.step(40);
      expect(gap()).toBeCloseTo(before, 5);
    }
  });
});

describe('a parallel gripper', () => {
  it('closes its fingers on a 50 mm box at its tool frame, carries it, and opens to drop it', async () => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    cell.programs = [];
    cell.parts = [];
    const robot = cell.items.find((i) => i.id === 'robot-1')!;
    if (robot.type !== 'robot') throw new Error('fixture changed');
    robot.tool = { type: 'bundled', id: 'parallel_gripper' };
    const probe = await build(cell);
    const tcp = probe.tcpPose('robot-1');
    // A 50 × 50 × 60 mm box centred on the tool frame and turned with it (the tool points down,
    // so its x axis is horizontal): the jaws (tool y) close across the box's 50 mm.
    const m = mat4FromPose(new Float64Array(16), tcp);
    const yaw = Math.atan2(m[1]!, m[0]!);
    cell.parts = [{ id: 'block', shape: { type: 'box', size: [0.05, 0.05, 0.06] }, mass: 0.2, pose: { xyz: [tcp[0]!, tcp[1]!, tcp[2]!], rpy: [0, 0, yaw] } }];
    const sim = await build(cell);
    sim.step(1);
    expect(sim.grip('robot-1')).toBe('block');
    sim.runUntil(0.5);
    const joints = sim.jointLayout()[0]!;
    expect(joints.joints.at(-1)).toBe('tool/finger_joint');
    const frame = new Float32Array(sim.frameLength());
    sim.writeFrame(frame);
    expect(frame[frame.length - 1]).toBeCloseTo(0.025, 5); // each finger 25 mm from the centre
    const heldAt = position(sim, 'block');
    expect(heldAt[2]).toBeCloseTo(tcp[2]!, 2); // held in the air, not fallen

    sim.release('robot-1');
    sim.runUntil(2);
    expect(position(sim, 'block')[2]).toBeCloseTo(0.73, 2); // fell onto table A (top 0.7 m)
    frame.fill(0);
    sim.writeFrame(frame);
    expect(frame[frame.length - 1]).toBeCloseTo(0.04, 5); // open again
  });

  it('misses a part wider than its stroke', async () => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    cell.programs = [];
    const robot = cell.items.find((i) => i.id === 'robot-1')!;
    if (robot.type === 'robot') robot.tool = { type: 'bundled', id: 'parallel_gripper' };
    cell.parts = [];
    const probe = await build(cell);
    const tcp = probe.tcpPose('robot-1');
    cell.parts = [{ id: 'wide', shape: { type: 'box', size: [0.05, 0.12, 0.06] }, mass: 0.2, pose: { xyz: [tcp[0]!, tcp[1]!, tcp[2]!], rpy: [0, 0, 0] } }];
    const sim = await build(cell);
    sim.step(1);
    expect(sim.grip('robot-1')).toBeNull();
    expect(sim.drainEvents().map((e) => e.type)).toContain('pick-missed');
  });
});
