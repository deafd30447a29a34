import { describe, expect, it } from 'vitest';
import { validateCell, type Cell, type CellItem } from '../../src/model';
import { createCellStore } from '../../src/store/cell-store';
import { addSteps, duplicateStep, moveStep, programProblems, removeStep, setProgramLoop, setStep } from '../../src/store/program-commands';
import { deepFreeze, sampleCell } from './store-fixtures';

const robot: CellItem = {
  id: 'robot-1',
  name: 'UR5e',
  type: 'robot',
  pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] },
  source: { type: 'bundled', id: 'ur5e' },
  tool: { type: 'bundled', id: 'vacuum_gripper' },
};

/** The sample cell with a robot and two targets, no program yet. */
function cellWithRobot(): Cell {
  const base = structuredClone(sampleCell()) as Cell;
  base.items.push(structuredClone(robot));
  base.targets.push({ id: 'drop', name: 'Drop', parent: 'world', pose: { xyz: [0.4, -0.3, 0.2], rpy: [Math.PI, 0, 0] } });
  return deepFreeze(base);
}

const steps = (cell: Cell) => cell.programs[0]?.steps.map((s) => ('target' in s ? `${s.type}:${s.target}` : s.type));

describe('program edit commands', () => {
  it('the first step added to a robot creates its looping program, and the cell stays valid', () => {
    const next = addSteps('robot-1', [{ type: 'moveJ', target: 'pick' }]).apply(cellWithRobot());
    expect(next.programs).toEqual([{ id: 'robot-1-program', robot: 'robot-1', loop: true, steps: [{ type: 'moveJ', target: 'pick' }] }]);
    expect(validateCell(next).ok).toBe(true);
  });

  it('builds a two-step program, and each edit is one undo step back to the empty cell', () => {
    const store = createCellStore(cellWithRobot());
    store.getState().execute(addSteps('robot-1', [{ type: 'moveJ', target: 'pick' }]));
    store.getState().execute(addSteps('robot-1', [{ type: 'moveL', target: 'drop', speed: 0.5 }]));
    expect(steps(store.getState().cell)).toEqual(['moveJ:pick', 'moveL:drop']);
    expect(store.getState().undoLabel).toBe('Add moveL step');
    store.getState().undo();
    expect(steps(store.getState().cell)).toEqual(['moveJ:pick']);
    store.getState().undo();
    expect(store.getState().cell.programs).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(steps(store.getState().cell)).toEqual(['moveJ:pick', 'moveL:drop']);
  });

  it('duplicates a step right after itself, deletes one, and moves one (drag to reorder)', () => {
    let cell = addSteps('robot-1', [{ type: 'moveJ', target: 'pick' }, { type: 'pick' }, { type: 'moveJ', target: 'drop' }, { type: 'place' }]).apply(cellWithRobot());
    cell = duplicateStep('robot-1', 0).apply(cell);
    expect(steps(cell)).toEqual(['moveJ:pick', 'moveJ:pick', 'pick', 'moveJ:drop', 'place']);
    cell = removeStep('robot-1', 1).apply(cell);
    expect(steps(cell)).toEqual(['moveJ:pick', 'pick', 'moveJ:drop', 'place']);
    cell = moveStep('robot-1', 3, 0).apply(cell);
    expect(steps(cell)).toEqual(['place', 'moveJ:pick', 'pick', 'moveJ:drop']);
    cell = moveStep('robot-1', 0, 3).apply(cell);
    expect(steps(cell)).toEqual(['moveJ:pick', 'pick', 'moveJ:drop', 'place']);
  });

  it('refuses a step naming a missing target with the message the file would get', () => {
    const cell = addSteps('robot-1', [{ type: 'moveJ', target: 'pick' }]).apply(cellWithRobot());
    expect(() => setStep('robot-1', 0, { type: 'moveJ', target: 'P9' }).apply(cell)).toThrow('programs[0].steps[0].target: no target "P9"');
  });

  it('refuses a speed outside (0, 1] with the schema message at the field', () => {
    const cell = addSteps('robot-1', [{ type: 'moveJ', target: 'pick' }]).apply(cellWithRobot());
    expect(() => setStep('robot-1', 0, { type: 'moveJ', target: 'pick', speed: 1.5 }).apply(cell)).toThrow('programs[0].steps[0].speed: expected a number in (0, 1]');
  });

  it('refuses to delete a setSignal another program waits for, naming the waiting step', () => {
    let cell: Cell = { ...cellWithRobot(), items: [...cellWithRobot().items, { ...structuredClone(robot), id: 'robot-2', pose: { xyz: [2, 0, 0], rpy: [0, 0, 0] } }] };
    cell = addSteps('robot-1', [{ type: 'setSignal', signal: 'go' }]).apply(cell);
    cell = addSteps('robot-2', [{ type: 'waitSignal', signal: 'go' }]).apply(cell);
    expect(programProblems(cell)).toEqual([]);
    expect(() => removeStep('robot-1', 0).apply(cell)).toThrow('programs[1].steps[0].signal: no program sets "go" and no equipment provides it');
  });

  it('switches between looping and running once', () => {
    const cell = addSteps('robot-1', [{ type: 'wait', seconds: 1 }]).apply(cellWithRobot());
    expect(setProgramLoop('robot-1', false).apply(cell).programs[0]?.loop).toBe(false);
  });

  it('refuses steps for an item that is not a robot', () => {
    expect(() => addSteps('table-1', [{ type: 'wait', seconds: 1 }]).apply(cellWithRobot())).toThrow('no robot item "table-1"');
  });
});
