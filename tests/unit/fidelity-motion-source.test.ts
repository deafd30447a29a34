/**
 * Where each robot's motion data come from, as `celltwin run` and the dashboard report it: the
 * fitted IRB 120 is vendor-fitted, robots without a published cycle are assumed, any robot with a
 * calibration override in the cell is calibrated — and the override itself is checked by the cell
 * schema with the path of a bad value, and changes the limits the planners use.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model/cell';
import { findLibraryEntry, type RobotLibraryEntry } from '../../src/model/robot-library';
import { readCell } from '../../src/model/validate';
import { cellRobotMotionSource, limitsForLoad, robotMotionModel } from '../../src/motion/motion-data';
import { libraryRobot } from './support/motion-fixtures';
import { readCellFile } from './support/sim-fixtures';

const base = readCellFile('tests/fixtures/plan-no-wait.cell.json');
const withRobot = (source: { type: 'bundled'; id: string }, motion?: { speedScale: number; accelerationScale: number }): Cell => ({
  ...base,
  items: base.items.map((i) => (i.type === 'robot' ? { ...i, source, ...(motion ? { motion } : {}) } : i)),
});

describe('motion source per robot', () => {
  it('reads vendor-fitted for the IRB 120, assumed for the UR5e, calibrated for either with an override', () => {
    expect(cellRobotMotionSource(withRobot({ type: 'bundled', id: 'abb_irb120' }), 'robot-1')).toBe('vendor-fitted');
    expect(cellRobotMotionSource(withRobot({ type: 'bundled', id: 'ur5e' }), 'robot-1')).toBe('assumed');
    expect(cellRobotMotionSource(withRobot({ type: 'bundled', id: 'ur5e' }, { speedScale: 1, accelerationScale: 0.8 }), 'robot-1')).toBe('calibrated');
    expect(cellRobotMotionSource(withRobot({ type: 'bundled', id: 'abb_irb120' }, { speedScale: 0.9, accelerationScale: 1 }), 'robot-1')).toBe('calibrated');
  });

  it('applies a calibration as factors on the speeds and accelerations', () => {
    const { limits, entry } = libraryRobot('abb_irb120');
    const model = robotMotionModel(entry, { speedScale: 0.9, accelerationScale: 0.5 });
    expect(model.source).toBe('calibrated');
    const scaled = limitsForLoad(limits, model, 0);
    scaled.velocity.forEach((v, i) => expect(v).toBeCloseTo(limits.velocity[i]! * 0.9, 12));
    scaled.acceleration.forEach((a, i) => expect(a).toBeCloseTo(limits.acceleration[i]! * 0.5, 12));
    // The TCP maxima follow: 6.2 m/s × 0.9; 28 m/s² × 0.5.
    expect(model.maxTcpSpeed! * model.speedScale).toBeCloseTo(5.58, 12);
    expect(robotMotionModel(findLibraryEntry('abb_irb120') as RobotLibraryEntry).source).toBe('vendor-fitted');
  });

  it('is checked by the cell schema: a calibration needs two positive scales', () => {
    const good = withRobot({ type: 'bundled', id: 'ur5e' }, { speedScale: 1, accelerationScale: 0.7 });
    expect(readCell(JSON.stringify(good)).ok).toBe(true);
    const doc = JSON.parse(JSON.stringify(good));
    doc.items[0].motion.accelerationScale = -1;
    const bad = readCell(JSON.stringify(doc));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toContain('items[0].motion.accelerationScale');
  });
});
