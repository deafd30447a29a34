/**
 * The collision list's words: bodies by their items' names, and a run's step path as the program
 * editor numbers and describes it — also for a run started from a later step, whose paths count
 * from the step it started at.
 */
import { describe, expect, it } from 'vitest';
import { bodyLabel, shownStep } from '../../src/ui/dashboard/CollisionList';
import { swingingCell } from './support/sim-fixtures';

const names = new Map([
  ['robot-1', 'UR5e'],
  ['fence-1', 'Safety fence'],
  ['conveyor-1', 'Infeed conveyor'],
]);

describe('the collision list', () => {
  it('names a robot link, a fixture and a part by their items', () => {
    expect(bodyLabel('robot-1/tool/base_link', names)).toBe('UR5e · tool/base_link');
    expect(bodyLabel('fence-1', names)).toBe('Safety fence');
    expect(bodyLabel('conveyor-1/part-3', names)).toBe('Infeed conveyor · part-3');
    expect(bodyLabel('box-9', names)).toBe('box-9');
  });

  it('numbers a step from 1 and says what it does', () => {
    const cell = swingingCell();
    expect(shownStep('programs[0].steps[1]', cell)).toEqual({ robot: 'robot-1', index: 1, words: 'step 2 · Joint move (constant speed) · 50 %' });
    expect(shownStep('programs[0].steps[7]', cell)).toBeNull();
    expect(shownStep('programs[3].steps[0]', cell)).toBeNull();
  });

  it('maps the step of a run started from step 2 back to the editor’s numbering', () => {
    // That run's program is the cell's rotated by one: its step 0 is the editor's step 1 (index 1).
    expect(shownStep('programs[0].steps[0]', swingingCell(), 1)?.index).toBe(1);
    expect(shownStep('programs[0].steps[1]', swingingCell(), 1)?.index).toBe(0);
  });
});
