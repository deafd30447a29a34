/**
 * The program step language and the equipment fields in the cell document: what validates, and
 * the path and wording of what does not. Older files (the interim steps, no equipment fields)
 * stay valid without a migration.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model/cell';
import { STEP_TYPES } from '../../src/model/program-schema';
import { formatProblem, validateCell } from '../../src/model/validate';
import { buildCellModel } from '../../src/sim/cell-model';
import { CellController } from '../../src/sim/program/controller';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { cloneCell, readCellFile } from './support/sim-fixtures';
import { FakeHost } from './support/program-fixtures';

const PICK_PLACE = 'tests/fixtures/sim-program-pick-place.cell.json';

/** The problems of a (possibly invalid) document as `path: message` lines. */
function problems(doc: unknown): string[] {
  const result = validateCell(doc);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The pick-and-place fixture with its program's steps replaced. */
function withSteps(steps: unknown[]): Cell {
  const cell = cloneCell(readCellFile(PICK_PLACE));
  (cell.programs[0] as { steps: unknown[] }).steps = steps;
  return cell;
}

describe('the program step language', () => {
  it('accepts every step type with its options', () => {
    const cell = withSteps([
      { type: 'moveJ', target: 'pick', speed: 0.8, blend: 0.05, approach: 0.1 },
      { type: 'moveJ', joints: [0, -1.57, 1.57, -1.57, -1.57, 0], speed: 0.5 },
      { type: 'moveL', target: 'pick', speed: 0.5, blend: 0.01, tcpSpeed: 0.5, tcpAcceleration: 2 },
      { type: 'pick', target: 'pick', gripTime: 0.2 },
      { type: 'place', target: 'drop', releaseTime: 0.1 },
      { type: 'waitSignal', signal: 'infeed.occupied', value: true, as: 'starved' },
      { type: 'waitSensor', conveyor: 'infeed', occupied: true, settle: 0.05 },
      { type: 'setSignal', signal: 'cycle-start', value: false, dwell: 0.02 },
      { type: 'process', seconds: 2.5, label: 'weld' },
      { type: 'zoneRequest', zone: 'shared-table' },
      { type: 'zoneRelease', zone: 'shared-table' },
      { type: 'wait', seconds: 0.5 },
      { type: 'moveJoints', q: [0, -1.57, 1.57, -1.57, -1.57, 0], speed: 0.25 },
      { type: 'grip' },
      { type: 'release' },
    ]);
    expect(problems(cell)).toEqual([]);
    expect(STEP_TYPES).toHaveLength(14);
  });

  it('keeps older files valid: the interim steps, the bundled default cell, the first simulation fixtures', () => {
    for (const file of ['tests/fixtures/sim-pick-place.cell.json', 'tests/fixtures/sim-conveyor.cell.json', 'tests/fixtures/sim-sweep.cell.json', 'assets/cells/default.cell.json']) {
      expect(() => readCellFile(file)).not.toThrow();
    }
  });

  it('names the path of a bad step and what is wrong with it', () => {
    expect(problems(withSteps([{ type: 'teleport' }]))).toEqual([`programs[0].steps[0].type: unknown step type "teleport" (known: ${STEP_TYPES.join(', ')})`]);
    expect(problems(withSteps([{ type: 'moveJ', target: 'pick', speed: 1.5 }]))).toEqual(['programs[0].steps[0].speed: expected a number in (0, 1]']);
    expect(problems(withSteps([{ type: 'process', seconds: -1 }]))).toEqual(['programs[0].steps[0].seconds: expected a number ≥ 0']);
    expect(problems(withSteps([{ type: 'moveL', target: 'pick', radius: 0.1 }]))).toEqual(['programs[0].steps[0]: unknown field "radius"']);
    expect(problems(withSteps(['moveJ']))).toEqual(['programs[0].steps[0]: expected a step object with a "type"']);
  });

  it('checks every name a program uses: targets, conveyors, signals, zones', () => {
    const cell = withSteps([
      { type: 'moveJ', target: 'pick' },
      { type: 'moveJ', target: 'pick' },
      { type: 'moveJ', target: 'pick' },
      { type: 'moveL', target: 'pick-1' },
      { type: 'moveJ' },
      { type: 'moveJ', target: 'pick', joints: [0, 0, 0, 0, 0, 0] },
      { type: 'waitSensor', conveyor: 'outfeed' },
      { type: 'waitSensor', conveyor: 'robot-1' },
      { type: 'waitSignal', signal: 'nobody-sets-this' },
      { type: 'setSignal', signal: 'infeed.occupied' },
      { type: 'zoneRequest', zone: 'table' },
    ]);
    expect(problems(cell)).toEqual([
      'programs[0].steps[3].target: no target "pick-1"',
      'programs[0].steps[4]: expected either "target" or "joints" (exactly one)',
      'programs[0].steps[5]: expected either "target" or "joints" (exactly one)',
      'programs[0].steps[6].conveyor: conveyor "outfeed" has no sensor',
      'programs[0].steps[7].conveyor: no conveyor "robot-1"',
      'programs[0].steps[8].signal: no program sets "nobody-sets-this" and no equipment provides it',
      'programs[0].steps[9].signal: "infeed.occupied" is set by infeed, not by programs',
      'programs[0].steps[10].zone: the program never releases zone "table"',
    ]);
  });

  it('checks programs and targets against the items', () => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    cell.programs.push({ ...cell.programs[0]!, id: 'second' });
    cell.programs.push({ id: 'third', robot: 'infeed', steps: [] });
    cell.targets.push({ id: 'pick', name: 'again', parent: { item: 'pallet-9' }, pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] } });
    const bare = cloneCell(cell);
    expect(problems(cell)).toEqual([
      'targets[2].id: duplicate target id "pick" (also targets[0])',
      'targets[2].parent.item: no item "pallet-9"',
      'programs[1].robot: robot-1 already runs programs[0]; a robot has one program',
      'programs[2].robot: no robot item "infeed"',
    ]);
    bare.programs = [cell.programs[0]!];
    bare.targets = cell.targets.slice(0, 2);
    (bare.items[0] as { tool: unknown }).tool = null;
    expect(problems(bare)).toEqual(['programs[0].steps[3]: robot-1 has no tool to pick with', 'programs[0].steps[7]: robot-1 has no tool to place with']);
  });
});

describe('the equipment fields', () => {
  it('accept sources with a distribution, accumulating sensors, sinks, pallet exchange and machine doors', () => {
    const cell = cloneCell(readCellFile(PICK_PLACE));
    const infeed = cell.items[2] as Extract<Cell['items'][number], { type: 'conveyor' }>;
    infeed.source = { ...infeed.source!, distribution: 'exponential' };
    cell.items.push(
      { id: 'pallet-1', name: 'pallet', type: 'pallet', pose: { xyz: [0, 1, 0], rpy: [0, 0, 0] }, size: [1.2, 0.8, 0.144], pattern: { rows: 2, columns: 3, layers: 2, pitch: [0.3, 0.3, 0.1] }, sink: true, exchangeTime: 30 },
      { id: 'cnc-1', name: 'cnc', type: 'machine', machineType: 'cnc', pose: { xyz: [2, 0, 0], rpy: [0, 0, 0] }, size: [1, 1, 2], processTime: 30, doorTime: 2 },
    );
    expect(problems(cell)).toEqual([]);
    infeed.source = { ...infeed.source!, distribution: 'uniform' };
    expect(problems(cell)).toEqual(['items[2].source.jitter: a uniform source needs a jitter > 0 (the spread around the interval)']);
  });
});

describe('programs the simulation cannot run', () => {
  async function build(cell: Cell) {
    return () => new CellController(cell, buildCellModel(cell, robotsOf), new FakeHost([], []));
  }
  let robotsOf: Awaited<ReturnType<typeof loadSimulationRobots>>;

  it('name the step path: joint values of the wrong count or outside the limits, targets out of reach', async () => {
    robotsOf = await loadSimulationRobots(readCellFile(PICK_PLACE));
    const count = await build(withSteps([{ type: 'moveJ', joints: [0, 0, 0] }]));
    expect(count).toThrow('programs[0].steps[0].joints: expected 6 joint values');
    const limits = await build(withSteps([{ type: 'moveJoints', q: [0, 0, 9, 0, 0, 0] }]));
    expect(limits).toThrow(/^programs\[0\]\.steps\[0\]\.q\[2\]: elbow_joint = 9 is outside its limits \[-3\.14\d*, 3\.14\d*\]$/);
    const far = withSteps([{ type: 'moveJ', target: 'pick' }]);
    far.targets[0]!.pose.xyz = [2.5, 0, 0.83];
    expect(await build(far)).toThrow('programs[0].steps[0].target: "pick" is out of reach of robot-1');
  });
});
