import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWristSingularity, parseLesson } from '../../src/kinematics/lesson-check';
import { parseCellFile } from '../../src/store/cell-file';
import { loadBundledRobot } from './support/kinematics-fixtures';

const LESSONS = fileURLToPath(new URL('../../assets/lessons/', import.meta.url));
const lesson = parseLesson(readFileSync(LESSONS + 'wrist-singularity.lesson.json', 'utf8'), 'wrist-singularity.lesson.json');
const parsed = parseCellFile(readFileSync(LESSONS + lesson.cell, 'utf8'), lesson.cell);
if (!parsed.ok) throw new Error(parsed.message);
const item = parsed.cell.items.find((i) => i.id === lesson.robot)!;
const { robot } = loadBundledRobot('kuka_kr6_r900_sixx.urdf');
const start = (item as { joints: number[] }).joints;
if (lesson.check.kind !== 'wrist-singularity') throw new Error('wrist-singularity.lesson.json: expected a wrist-singularity check');
const { maxAxisAngleDeg } = lesson.check;
const check = (q: number[]) => checkWristSingularity(robot, 'base_link', 'tool0', q, maxAxisAngleDeg);

describe('the "find the wrist singularity" lesson', () => {
  it('is a valid cell with the KR 6 the lesson names', () => {
    expect(item.type).toBe('robot');
    expect((item as { source: { id: string } }).source.id).toBe('kuka_kr6_r900_sixx');
    expect(lesson.check).toEqual({ kind: 'wrist-singularity', maxAxisAngleDeg: 1 });
  });

  it('rejects the starting pose: axes 4 and 6 are 0.9 rad (51.6°) apart there, the bend of joint 5', () => {
    const v = check(start);
    expect(v.passed).toBe(false);
    // Joint 5 is the only joint between axes 4 and 6 and is perpendicular to both: the angle is |θ5|.
    expect(v.measure).toBeCloseTo((Math.abs(start[4]!) * 180) / Math.PI, 9);
    expect(v.message).toMatch(/^Not yet: axes 4 and 6 are 51\.6° apart/);
  });

  it('accepts joint 5 straightened (θ5 = 0) whatever the other joints, and a wrist within 0.5° of it', () => {
    expect(check([0.3, -1.2, 1.3, 0.6, 0, -0.4]).passed).toBe(true);
    expect(check([-1.0, -0.6, 0.4, -2.0, 0, 2.5]).passed).toBe(true);
    const near = check([0.3, -1.2, 1.3, 0.6, (0.5 * Math.PI) / 180, -0.4]);
    expect(near.passed).toBe(true);
    expect(near.measure).toBeCloseTo(0.5, 9);
    expect(check([0.3, -1.2, 1.3, 0.6, (1.5 * Math.PI) / 180, -0.4]).passed).toBe(false);
  });

  it('refuses a lesson file with a bad check, naming the field', () => {
    const bad = JSON.stringify({ ...lesson, check: { kind: 'wrist-singularity', maxAxisAngleDeg: 'one' } });
    expect(() => parseLesson(bad, 'x.lesson.json')).toThrow('x.lesson.json: check.maxAxisAngleDeg: expected a number of degrees between 0 and 90');
  });
});
