import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/kinematics/lesson-check';
import { checkDhAnswer, type DhParameterCheck } from '../../src/kinematics/lesson-dh';
import type { RobotItem } from '../../src/model';
import { parseCellFile } from '../../src/store/cell-file';
import { loadBundledRobot } from './support/kinematics-fixtures';

const LESSONS = fileURLToPath(new URL('../../assets/lessons/', import.meta.url));
const lesson = parseLesson(readFileSync(LESSONS + 'read-the-dh-table.lesson.json', 'utf8'), 'read-the-dh-table.lesson.json');
const parsed = parseCellFile(readFileSync(LESSONS + lesson.cell, 'utf8'), lesson.cell);
if (!parsed.ok) throw new Error(parsed.message);
if (lesson.check.kind !== 'dh-parameter') throw new Error('read-the-dh-table.lesson.json: expected a dh-parameter check');
const check = lesson.check;
const item = parsed.cell.items.find((i): i is RobotItem => i.id === lesson.robot && i.type === 'robot')!;
const { robot } = loadBundledRobot('abb_irb120.urdf');
const answer = (mm: number | null, c: DhParameterCheck = check) => checkDhAnswer(robot, 'base_link', 'tool0', c, mm === null ? null : mm / 1000);
// Independently, from the URDF: at zero, axis 4 runs along x from the elbow. Its origin sits
// (0.302, 0, 0.07) from axis 3, so the normal from axis 3 meets it 70 mm up (a₃) and axis 5
// crosses it 302 mm further on (d₄).
const axis4 = robot.joints.find((j) => j.name === 'axis_4')!.origin.xyz;

describe('the "read the DH table" lesson', () => {
  it('asks for the IRB 120 d₄ in the standard table', () => {
    expect(item.source).toEqual({ type: 'bundled', id: 'abb_irb120' });
    expect(check).toEqual({ kind: 'dh-parameter', convention: 'standard', row: 4, parameter: 'd', maxErrorMm: 0.5 });
  });

  it('waits for a number, then accepts d₄ = 302 mm (the axis_4 origin along x) to within 0.5 mm', () => {
    expect(answer(null)).toMatchObject({ passed: false, message: 'Not yet: type d₄ in mm.' });
    expect(answer(null).measure).toBeCloseTo(axis4[0], 12);
    const right = answer(axis4[0] * 1000);
    expect(right.passed).toBe(true);
    expect(right.message).toMatch(/^d₄ = 302 mm \(standard convention\): the distance along axis 4/);
    expect(answer(302.4).passed).toBe(true);
    expect(answer(302.6).passed).toBe(false);
  });

  it('rejects another cell of the table and says which one it is', () => {
    expect(answer(axis4[2] * 1000)).toMatchObject({ passed: false, message: 'Not yet: 70 mm is a₃ in the standard table, not d₄.' });
    expect(answer(290).message).toBe('Not yet: 290 mm is d₁ in the standard table, not d₄.');
    expect(answer(-302).message).toBe('Not yet: -302 mm is not d₄ (within 0.5 mm counts). Check the convention and the row.');
  });

  it('names a modified-convention a by the axis it starts from: row 4 holds a₃ = 70 mm', () => {
    const modified: DhParameterCheck = { kind: 'dh-parameter', convention: 'modified', row: 4, parameter: 'a', maxErrorMm: 0.5 };
    expect(answer(null, modified).message).toBe('Not yet: type a₃ in mm.');
    expect(answer(70, modified).passed).toBe(true);
    expect(answer(70, modified).message).toMatch(/^a₃ = 70 mm \(modified convention\): the length of the common normal from axis 3 to axis 4/);
  });

  it('refuses a lesson file asking for a parameter the table has not, naming the field', () => {
    const bad = JSON.stringify({ ...lesson, check: { ...check, parameter: 'alpha' } });
    expect(() => parseLesson(bad, 'x.lesson.json')).toThrow('x.lesson.json: check.parameter: expected "a" or "d"');
  });
});
