/**
 * Fidelity: the standard pick cycle (25 mm up, 300 mm across, 25 mm down and back, 1 kg) on every
 * bundled robot with a published figure comes out within ±10 % of it — as the motion layer times
 * it (src/motion/standard-cycle.ts) and programmed in a cell as a planner would (blended MoveJ,
 * timed by `celltwin plan`'s program timing). The stored fit is what `npm run fit-motion`
 * recomputes, and robots without a published cycle say so and keep the documented default.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model/cell';
import { libraryRobots, type RobotLibraryEntry } from '../../src/model/robot-library';
import { readCell } from '../../src/model/validate';
import { fitMotion } from '../../src/motion/fit';
import { DEFAULT_RAMP_TIME } from '../../src/motion/limits';
import { CYCLE_HEIGHT_FRACTION, CYCLE_REACH_FRACTION, CYCLE_ZONE, standardCyclePoints, standardCycleSeconds } from '../../src/motion/standard-cycle';
import { programTiming } from '../../src/sim/program/plan-timing';
import { loadBundledRobot } from './support/kinematics-fixtures';

const published = libraryRobots().filter((e) => e.performance.standardCycle !== null);
const unpublished = libraryRobots().filter((e) => e.performance.standardCycle === null);

describe('the standard cycle against the published figures', () => {
  it('has a published figure for the ABB IRB 120: 0.58 s with 1 kg over 25 × 300 × 25 mm', () => {
    const irb = published.find((e) => e.id === 'abb_irb120')!;
    expect(irb.performance.standardCycle).toMatchObject({ seconds: 0.58, payload: 1, path: [0.025, 0.3, 0.025] });
    expect(irb.performance).toMatchObject({ maxTcpSpeed: 6.2, maxTcpAcceleration: 28 });
  });

  for (const entry of published) {
    const { robot } = loadBundledRobot(entry.file);
    const figure = entry.performance.standardCycle!;

    it(`${entry.model}: simulated within ±10 % of the published ${figure.seconds} s at ${figure.payload} kg`, () => {
      const simulated = standardCycleSeconds(robot, entry);
      expect(Math.abs(simulated / figure.seconds - 1)).toBeLessThan(0.1);
      // The fit itself lands within 1 %; the stored figure is the simulated one.
      expect(simulated).toBeCloseTo(entry.fitted!.simulatedCycle, 3);
    });

    it(`${entry.model}: the stored fit is what npm run fit-motion recomputes`, () => {
      const fit = fitMotion(robot, entry)!;
      expect(fit.rampTime).toBeCloseTo(entry.fitted!.rampTime, 4);
      fit.jointAccelerations.forEach((a, i) => expect(entry.jointAccelerations[i]! / a).toBeCloseTo(1, 5));
      entry.jointAccelerations.forEach((a, i) => expect(a * entry.fitted!.rampTime).toBeCloseTo(entry.jointSpeeds[i]!, 3));
    });

    it(`${entry.model}: on the old default (full speed in ${DEFAULT_RAMP_TIME} s) it was far slower than published`, () => {
      expect(standardCycleSeconds(robot, entry, DEFAULT_RAMP_TIME)).toBeGreaterThan(1.5 * figure.seconds);
    });
  }

  it('robots without a published cycle say so, carry no fit, and keep the default ramp', () => {
    expect(unpublished.map((e) => e.id)).toEqual(['ur5e', 'ur10e', 'kuka_kr6_r900_sixx', 'fanuc_lrmate200id', 'yaskawa_gp7']);
    for (const e of unpublished) {
      expect(e.fitted).toBeUndefined();
      expect(e.performance.note).toMatch(/No standard cycle found/);
      // The documented defaults: full speed in 0.4 s for the collaborative UR arms, 0.25 s for the industrial ones.
      const ramp = e.maker === 'Universal Robots' ? 0.4 : DEFAULT_RAMP_TIME;
      e.jointAccelerations.forEach((a, i) => expect(e.jointSpeeds[i]! / a).toBeCloseTo(ramp, 2));
    }
  });
});

/** The standard cycle as a cell: the IRB 120 with the 0.9 kg parallel gripper and a 0.1 kg part (1 kg out, 0.9 kg back). */
function standardCell(entry: RobotLibraryEntry, joints: number[]): Cell {
  const x = CYCLE_REACH_FRACTION * entry.reach;
  const tcp = 0.135; // the parallel gripper's TCP below the flange
  const z = CYCLE_HEIGHT_FRACTION * entry.reach - tcp;
  const target = (id: string, y: number, dz: number) => ({ id, name: id, parent: 'world', pose: { xyz: [x, y, z + dz], rpy: [Math.PI, 0, 0] } });
  const zone = CYCLE_ZONE;
  const doc = {
    schemaVersion: 1,
    name: 'Standard cycle',
    units: 'SI: m, rad, s, kg',
    floor: { width: 4, depth: 4 },
    workersPerShift: 1,
    items: [{ id: 'robot', name: entry.model, type: 'robot', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, source: { type: 'bundled', id: entry.id }, tool: { type: 'bundled', id: 'parallel_gripper' }, joints }],
    targets: [target('a', -0.15, 0), target('a-up', -0.15, 0.025), target('b-up', 0.15, 0.025), target('b', 0.15, 0)],
    programs: [
      {
        id: 'cycle',
        robot: 'robot',
        steps: [
          { type: 'pick', target: 'a', gripTime: 0 },
          { type: 'moveJ', target: 'a-up', blend: zone },
          { type: 'moveJ', target: 'b-up', blend: zone },
          { type: 'moveJ', target: 'b' },
          { type: 'place', target: 'b', releaseTime: 0 },
          { type: 'moveJ', target: 'b-up', blend: zone },
          { type: 'moveJ', target: 'a-up', blend: zone },
          { type: 'moveJ', target: 'a' },
        ],
      },
    ],
    simulation: { dt: 1 / 240, seed: 1, duration: 10 },
    parts: [{ id: 'part', shape: { type: 'box', size: [0.03, 0.03, 0.03] }, mass: 0.1, pose: { xyz: [1, 1, 0.015], rpy: [0, 0, 0] } }],
  };
  const read = readCell(JSON.stringify(doc));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.cell;
}

describe('the standard cycle programmed in a cell', () => {
  for (const entry of published) {
    it(`${entry.model}: blended MoveJ with the parallel gripper, timed by celltwin plan, is within ±10 % of ${entry.performance.standardCycle!.seconds} s`, () => {
      const { robot } = loadBundledRobot(entry.file);
      const gripper = loadBundledRobot('parallel_gripper.urdf').robot;
      const start = Array.from(standardCyclePoints(robot, entry)[0]!);
      const timing = programTiming(standardCell(entry, start), 'robot', { arm: robot, tool: gripper })!;
      expect(timing.steps.every((s) => s.problem === null)).toBe(true);
      expect(timing.load).toEqual({ empty: 0.9, loaded: 1 });
      expect(timing.motionSource).toBe('vendor-fitted');
      expect(Math.abs(timing.cycle / entry.performance.standardCycle!.seconds - 1)).toBeLessThan(0.1);
    });
  }
});
