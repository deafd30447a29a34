/**
 * Programs running in the full simulation (physics, conveyors, the vacuum cup): the cycle time of
 * a pick-and-place loop against the motion layer's own numbers, seeded random arrivals, and
 * snapshot → restore → continue with the activity log.
 */
import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { mat4Create, mat4FromXyzRpy, mat4InvertRigid, mat4MultiplyRigid, mat4TranslateLocal, type Mat4 } from '../../src/kinematics/mat4';
import type { Cell, ConveyorItem, ProgramStep, RobotItem } from '../../src/model/cell';
import { findLibraryEntry, type GripperLibraryEntry, type RobotLibraryEntry } from '../../src/model/robot-library';
import { robotMotionLimits } from '../../src/motion/limits';
import { MoveJ } from '../../src/motion/move-j';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { cloneCell, readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();
const PICK_PLACE = 'tests/fixtures/sim-program-pick-place.cell.json';
const TENDING = 'tests/fixtures/sim-program-machine-tending.cell.json';

/** The pick-and-place fixture with joint moves only (moveL → moveJ) and a part every `interval` s. */
function moveJOnly(interval: number): Cell {
  const cell = cloneCell(readCellFile(PICK_PLACE));
  cell.programs[0]!.steps = cell.programs[0]!.steps.map((s): ProgramStep => (s.type === 'moveL' ? { type: 'moveJ', target: s.target, ...(s.approach !== undefined ? { approach: s.approach } : {}) } : s));
  const infeed = cell.items.find((i): i is ConveyorItem => i.id === 'infeed')!;
  infeed.source = { ...infeed.source!, interval };
  return cell;
}

/**
 * The loop's move durations, computed here from the motion layer: each target's TCP pose in the
 * robot's base frame, back to the flange through the tool's TCP offset from the library, joint
 * values by IK seeded with the previous ones, and MoveJ with the library limits under the stated
 * payload model (accelerations × (1 − 0.5 · load / 5 kg rated): the 0.35 kg cup, plus the 0.5 kg
 * part on the three moves between pick and place). Three rounds of the loop, so the seeds are
 * those of the steady state.
 */
async function moveDurations(cell: Cell): Promise<number[]> {
  const robot = cell.items[0] as RobotItem;
  const description = (await loadSimulationRobots(cell)).robots.get(robot.id)!;
  const bare = robotMotionLimits(description, findLibraryEntry('ur5e') as RobotLibraryEntry);
  const withLoad = (kg: number) => ({ ...bare, acceleration: bare.acceleration.map((a) => a * (1 - (0.5 * kg) / 5)), jerk: bare.jerk.map((j) => j * (1 - (0.5 * kg) / 5)) });
  const empty = withLoad(0.35), loaded = withLoad(0.35 + 0.5);
  const cup = findLibraryEntry('vacuum_gripper') as GripperLibraryEntry;
  const tcpInverse = mat4InvertRigid(mat4Create(), mat4FromXyzRpy(mat4Create(), cup.tcp.xyz, cup.tcp.rpy));
  const baseInverse = mat4InvertRigid(mat4Create(), mat4FromXyzRpy(mat4Create(), robot.pose.xyz, robot.pose.rpy));
  const ik = new InverseKinematics(description, 'base_link', 'tool0');
  const flangeTarget = (id: string, approach: number): Mat4 => {
    const target = cell.targets.find((t) => t.id === id)!;
    const item = cell.items.find((i) => target.parent !== 'world' && i.id === target.parent.item)!;
    const world = mat4MultiplyRigid(mat4Create(), mat4FromXyzRpy(mat4Create(), item.pose.xyz, item.pose.rpy), mat4FromXyzRpy(mat4Create(), target.pose.xyz, target.pose.rpy));
    mat4TranslateLocal(world, 0, 0, -approach);
    return mat4MultiplyRigid(mat4Create(), mat4MultiplyRigid(mat4Create(), baseInverse, world), tcpInverse);
  };
  const moves = cell.programs[0]!.steps.flatMap((s) => (s.type === 'moveJ' ? [{ target: s.target!, approach: s.approach ?? 0, speed: s.speed ?? 1 }] : []));
  let q: number[] = [...robot.joints!];
  let durations: number[] = [];
  for (let round = 0; round < 3; round++) {
    durations = moves.map((m, k) => {
      const limits = k >= 2 && k <= 4 ? loaded : empty;
      const next = ik.solve(flangeTarget(m.target, m.approach), q);
      expect(next.converged).toBe(true);
      const d = new MoveJ(q, next.q, limits, { speed: m.speed }).duration;
      q = next.q;
      return d;
    });
  }
  return durations;
}

describe('a single-robot pick-and-place loop', () => {
  it('with no waiting, lasts the sum of its MoveJ durations (motion layer) plus the gripper times, to 1 ms', async () => {
    const cell = moveJOnly(2.5);
    const sim = await build(cell);
    sim.runUntil(30);
    const log = sim.activityLog();
    const cycles = log.cycleCompletions.map((c) => c.time);
    expect(cycles.length).toBeGreaterThanOrEqual(5);

    const durations = await moveDurations(cell);
    const expected = durations.reduce((a, b) => a + b, 0) + 2 * 0.15; // vacuum build-up + release
    // After the first loop (which waits for the first part), no loop waits: parts queue at the stop.
    const steady = log.intervals.filter((i) => i.resource === 'robot-1' && i.start >= cycles[0]! && i.end <= cycles[cycles.length - 1]!);
    expect(steady.filter((i) => i.state.startsWith('waiting'))).toEqual([]);
    for (let k = 1; k < cycles.length; k++) expect(cycles[k]! - cycles[k - 1]!).toBeCloseTo(expected, 3);
    // The log's own breakdown agrees: six moves and two gripper actions per loop.
    const window = cycles[cycles.length - 1]! - cycles[0]!;
    const gripper = steady.filter((i) => i.state === 'gripper').reduce((s, i) => s + i.end - i.start, 0);
    expect(gripper / (window / expected)).toBeCloseTo(0.3, 6);
    expect(log.partsFinished.length).toBeGreaterThanOrEqual(cycles.length - 1);
  }, 60_000);
});

describe('a random part source', () => {
  const exponential = (seed: number) => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    const infeed = cell.items.find((i): i is ConveyorItem => i.id === 'infeed')!;
    infeed.source = { ...infeed.source!, interval: 3, distribution: 'exponential' };
    cell.simulation.seed = seed;
    return cell;
  };
  const arrivals = async (seed: number) => {
    const sim = await build(exponential(seed));
    sim.runUntil(25);
    const events = sim.drainEvents();
    return { created: events.filter((e) => e.type === 'part-created').map((e) => e.time), events, log: sim.activityLog() };
  };

  it('gives different arrival times for different seeds and identical logs for the same seed', async () => {
    const one = await arrivals(1);
    const two = await arrivals(2);
    const again = await arrivals(1);
    expect(one.created.length).toBeGreaterThanOrEqual(3);
    expect(one.created.slice(1)).not.toEqual(two.created.slice(1));
    expect(again.events).toEqual(one.events);
    expect(again.log).toEqual(one.log);
    expect(one.log).not.toEqual(two.log);
  }, 60_000);
});

describe('snapshot → restore → continue with programs and equipment', () => {
  for (const { file, at } of [
    { file: TENDING, at: 13.37 },
    { file: PICK_PLACE, at: 7.71 },
  ]) {
    it(`equals the uninterrupted run, activity log included: ${file.split('/').pop()} at ${at} s`, async () => {
      const cell = readCellFile(file);
      const straight = await build(cell);
      straight.runUntil(26);
      const first = await build(cell);
      first.runUntil(at);
      const snapshot = structuredClone(first.snapshot());
      const second = await build(cell);
      second.restore(snapshot);
      second.runUntil(26);
      expect(second.activityLog()).toEqual(straight.activityLog());
      expect(second.drainEvents()).toEqual(straight.drainEvents());
      expect(second.stateHash()).toBe(straight.stateHash());
      expect(straight.activityLog().cycleCompletions.length).toBeGreaterThanOrEqual(2);
    }, 60_000);
  }
});
