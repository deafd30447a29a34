import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { labelledBranches } from '../../src/kinematics/ik-branches';
import type { RobotItem } from '../../src/model';
import { lessonById, lessonCell, lessonEntries } from '../../src/ui/lessons/lesson-catalog';
import { judgeLesson, targetInBase, toolToTarget } from '../../src/ui/lessons/lesson-judge';
import { loadBundledRobot } from './support/kinematics-fixtures';

const robotOf = (id: string) => {
  const entry = lessonById(id)!;
  const cell = lessonCell(entry);
  const item = cell.items.find((i): i is RobotItem => i.id === entry.lesson.robot && i.type === 'robot')!;
  return { entry, cell, item };
};

describe('the bundled lessons', () => {
  it('are the three lesson files, in teaching order, each with a valid cell holding its robot', () => {
    expect(lessonEntries().map((e) => e.id)).toEqual(['wrist-singularity', 'eight-branches', 'read-the-dh-table']);
    for (const e of lessonEntries()) expect(lessonCell(e).items.some((i) => i.id === e.lesson.robot && i.type === 'robot')).toBe(true);
    expect(lessonById('nine-branches')).toBeUndefined();
  });

  it('are not done in the cell they open with', () => {
    const robots: Record<string, string> = { 'wrist-singularity': 'kuka_kr6_r900_sixx.urdf', 'eight-branches': 'ur5e.urdf', 'read-the-dh-table': 'abb_irb120.urdf' };
    for (const e of lessonEntries()) {
      const { cell, item } = robotOf(e.id);
      const status = judgeLesson(e, cell, item, loadBundledRobot(robots[e.id]!).robot, []);
      expect(status.passed, e.id).toBe(false);
      expect(status.message, e.id).toMatch(/^Not yet: /);
    }
  });

  it('"Tool to target" moves the UR5e from its start pose onto one of the eight solutions for the target', () => {
    const { entry, cell, item } = robotOf('eight-branches');
    const { robot } = loadBundledRobot('ur5e.urdf');
    const q = toolToTarget(entry, cell, item, robot)!;
    const ik = new InverseKinematics(robot, 'base_link', 'tool0');
    const target = targetInBase(cell, item, 'target-1')!;
    // The target is 600 mm lower in the base frame: the robot stands on a 600 mm pedestal.
    expect(target[14]).toBeCloseTo(0.9 - 0.6, 12);
    const solutions = labelledBranches(ik, target, q);
    expect(solutions.some((b) => b.q.every((v, i) => Math.abs(v - q[i]!) < 1e-6))).toBe(true);
    const status = judgeLesson(entry, cell, { ...item, joints: q }, robot, []);
    expect(status.onTarget).toBe(true);
    expect(status.visited).toHaveLength(1);
    expect(status.missing).toHaveLength(7);
  });
});
