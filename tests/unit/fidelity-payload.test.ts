/**
 * Fidelity: the payload model (src/motion/payload.ts) — accelerations × max(0.4, 1 − 0.5 · load /
 * rated payload), speeds unchanged — and what it does to moves: an acceleration-bound move takes
 * 2·√(d/a), so its time grows as 1/√factor; a 5 kg part is slower than a 1 kg part. The load is
 * the tool's mass always, plus the cell's part mass between a pick and a place.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model/cell';
import { findLibraryEntry, type RobotLibraryEntry } from '../../src/model/robot-library';
import { cellPartMass, toolMass } from '../../src/motion/carried-load';
import { limitsForLoad, robotMotionModel, tcpLimitsForLoad } from '../../src/motion/motion-data';
import { MoveJ } from '../../src/motion/move-j';
import { PAYLOAD_FLOOR, PAYLOAD_SLOPE, payloadFactor } from '../../src/motion/payload';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { programTiming } from '../../src/sim/program/plan-timing';
import { libraryRobot } from './support/motion-fixtures';
import { readCellFile } from './support/sim-fixtures';

describe('the payload model', () => {
  it('keeps the bare accelerations with no load and halves them at the rated payload, down to a floor of 0.4', () => {
    expect(PAYLOAD_SLOPE).toBe(0.5);
    expect(PAYLOAD_FLOOR).toBe(0.4);
    expect(payloadFactor(0, 3)).toBe(1);
    expect(payloadFactor(1, 3)).toBeCloseTo(1 - 0.5 / 3, 15);
    expect(payloadFactor(1.5, 3)).toBeCloseTo(0.75, 15);
    expect(payloadFactor(3, 3)).toBeCloseTo(0.5, 15);
    expect(payloadFactor(6, 3)).toBe(0.4);
    // An arm whose rated payload is unknown (an embedded URDF) is not slowed.
    expect(payloadFactor(5, null)).toBe(1);
  });

  it('scales accelerations and jerks, not speeds', () => {
    const { limits, entry } = libraryRobot('ur5e');
    const loaded = limitsForLoad(limits, robotMotionModel(entry), 2.5);
    loaded.velocity.forEach((v, i) => expect(v).toBe(limits.velocity[i]));
    loaded.acceleration.forEach((a, i) => expect(a).toBeCloseTo(limits.acceleration[i]! * 0.75, 12));
    loaded.jerk.forEach((j, i) => expect(j).toBeCloseTo(limits.jerk[i]! * 0.75, 9));
  });

  it('makes a short, acceleration-bound UR5e move with a 5 kg part slower than with 1 kg by √(f₁/f₅)', () => {
    const { limits, entry } = libraryRobot('ur5e');
    const model = robotMotionModel(entry);
    const from = [0, -1.2, 1, 0, 1, 0], to = [0.1, -1.2, 1, 0, 1, 0];
    const t1 = new MoveJ(from, to, limitsForLoad(limits, model, 1)).duration;
    const t5 = new MoveJ(from, to, limitsForLoad(limits, model, 5)).duration;
    // Triangle profile: T = 2·√(d / a) with a = 7.85 rad/s² × factor.
    expect(t1).toBeCloseTo(2 * Math.sqrt(0.1 / (7.85 * 0.9)), 12);
    expect(t5).toBeCloseTo(2 * Math.sqrt(0.1 / (7.85 * 0.5)), 12);
    expect(t5 / t1).toBeCloseTo(Math.sqrt(0.9 / 0.5), 12);
  });

  it('caps MoveL at the vendor TCP limits, scaled by the load, and defaults to the vendor acceleration', () => {
    const irb = robotMotionModel(findLibraryEntry('abb_irb120') as RobotLibraryEntry);
    // Bare arm: a step asking for 10 m/s and 50 m/s² gets ABB's 6.2 m/s and 28 m/s².
    expect(tcpLimitsForLoad(irb, 0, { speed: 10, acceleration: 50 })).toEqual({ speed: 6.2, acceleration: 28 });
    // With 1.5 kg (half the rated 3 kg): 28 × 0.75 m/s²; unnamed speed: 1 m/s.
    expect(tcpLimitsForLoad(irb, 1.5, {})).toEqual({ speed: 1, acceleration: 21 });
    // A robot without vendor TCP figures: 4 m/s² default, scaled by the load; a named one is kept.
    const kr6 = robotMotionModel(findLibraryEntry('kuka_kr6_r900_sixx') as RobotLibraryEntry);
    expect(tcpLimitsForLoad(kr6, 3, {}).acceleration).toBeCloseTo(4 * 0.75, 12);
    expect(tcpLimitsForLoad(kr6, 3, { acceleration: 10 }).acceleration).toBe(10);
  });

  it('reads the carried masses from the cell: the tool from the library, the heaviest part kind', () => {
    expect(toolMass('parallel_gripper')).toBe(0.9);
    expect(toolMass('vacuum_gripper')).toBe(0.35);
    expect(toolMass(null)).toBe(0);
    const cell: Cell = readCellFile('tests/fixtures/plan-no-wait.cell.json');
    expect(cellPartMass(cell)).toBe(0.5);
    const heavier: Cell = { ...cell, parts: [{ id: 'block', shape: { type: 'box', size: [0.1, 0.1, 0.1] }, mass: 5, pose: { xyz: [1, 1, 0.05], rpy: [0, 0, 0] } }] };
    expect(cellPartMass(heavier)).toBe(5);
  });

  it('makes a loop carrying 5 kg parts slower than one carrying 1 kg: only the moves between pick and place change', async () => {
    const cell: Cell = readCellFile('tests/fixtures/plan-no-wait.cell.json');
    const withPart = (mass: number): Cell => ({
      ...cell,
      items: cell.items.map((i) => (i.type === 'conveyor' && i.source ? { ...i, source: { ...i.source, part: { ...i.source.part, mass } } } : i)),
    });
    const loaded = await loadSimulationRobots(cell);
    const robots = { arm: loaded.robots.get('robot-1')!, tool: loaded.tools!.get('vacuum_gripper')! };
    const light = programTiming(withPart(1), 'robot-1', robots)!;
    const heavy = programTiming(withPart(5), 'robot-1', robots)!;
    expect(heavy.load).toEqual({ empty: 0.35, loaded: 5.35 });
    expect(heavy.cycle).toBeGreaterThan(light.cycle + 0.05);
    heavy.steps.forEach((s, k) => {
      const moving = s.type === 'moveJ' || s.type === 'moveL';
      if (moving && s.loaded) expect(s.seconds!).toBeGreaterThan(light.steps[k]!.seconds!);
      else expect(s.seconds).toBeCloseTo(light.steps[k]!.seconds!, 12);
    });
  });
});
