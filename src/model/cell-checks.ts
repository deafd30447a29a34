/**
 * Cross-reference checks of a cell document: what the schema's shapes cannot see on their own.
 * Every name a program uses must resolve — its robot, the targets of its steps, the conveyors it
 * waits on, the signals it waits for, the zones it holds — and every target must hang off an
 * existing item. Each problem names its path in the file, e.g.
 * `programs[0].steps[3].target: no target "pick-1"`.
 */
import type { CellShape } from './cell-schema';
import { MAX_ROBOTS } from './input-limits';
import { mountProblems } from './mount-checks';

/** A problem found, with its path (as zod paths: keys and indices). */
export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

type Item = CellShape['items'][number];

/**
 * The signals equipment provides, by name, with the item that sets them: a machine's or an
 * operator station's `ID.ready` (empty and open, waiting to be loaded) and `ID.done` (a finished
 * part waits to be unloaded), a patterned pallet's `ID.full`, a conveyor sensor's `ID.occupied`.
 */
export function equipmentSignals(items: readonly Item[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    if (item.type === 'machine' || item.type === 'operator') {
      out.set(`${item.id}.ready`, item.id);
      out.set(`${item.id}.done`, item.id);
    } else if (item.type === 'pallet' && item.pattern) {
      out.set(`${item.id}.full`, item.id);
    } else if (item.type === 'conveyor' && item.sensor) {
      out.set(`${item.id}.occupied`, item.id);
    }
  }
  return out;
}

const quoted = (s: string): string => JSON.stringify(s);

/** Every unresolved reference of `cell` (empty when all resolve). */
export function cellReferenceProblems(cell: CellShape): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const items = new Map(cell.items.map((i) => [i.id, i]));
  const robots = cell.items.filter((i) => i.type === 'robot').length;
  if (robots > MAX_ROBOTS) add(['items'], `${robots} robots, more than the limit of ${MAX_ROBOTS} robots in one cell`);

  const targets = new Map<string, number>();
  cell.targets.forEach((t, i) => {
    const first = targets.get(t.id);
    if (first !== undefined) add(['targets', i, 'id'], `duplicate target id ${quoted(t.id)} (also targets[${first}])`);
    else targets.set(t.id, i);
    if (t.parent !== 'world' && !items.has(t.parent.item)) add(['targets', i, 'parent', 'item'], `no item ${quoted(t.parent.item)}`);
  });

  cell.items.forEach((item, i) => {
    const source = item.type === 'conveyor' ? item.source : undefined;
    if (source?.distribution === 'uniform' && !(source.jitter !== undefined && source.jitter > 0)) {
      add(['items', i, 'source', 'jitter'], 'a uniform source needs a jitter > 0 (the spread around the interval)');
    }
  });

  problems.push(...mountProblems(cell.items));

  const signals = equipmentSignals(cell.items);
  const setByPrograms = new Set(cell.programs.flatMap((p) => p.steps.flatMap((s) => (s.type === 'setSignal' ? [s.signal] : []))));
  const programIds = new Map<string, number>();
  const programOf = new Map<string, number>();
  cell.programs.forEach((program, p) => {
    const firstId = programIds.get(program.id);
    if (firstId !== undefined) add(['programs', p, 'id'], `duplicate program id ${quoted(program.id)} (also programs[${firstId}])`);
    else programIds.set(program.id, p);
    const robot = items.get(program.robot);
    if (robot?.type !== 'robot') {
      add(['programs', p, 'robot'], `no robot item ${quoted(program.robot)}`);
      return;
    }
    const other = programOf.get(program.robot);
    if (other !== undefined) add(['programs', p, 'robot'], `${program.robot} already runs programs[${other}]; a robot has one program`);
    else programOf.set(program.robot, p);
    const released = new Set(program.steps.flatMap((s) => (s.type === 'zoneRelease' ? [s.zone] : [])));

    program.steps.forEach((step, j) => {
      const at = (...rest: (string | number)[]) => ['programs', p, 'steps', j, ...rest];
      if ('target' in step && step.target !== undefined && !targets.has(step.target)) add(at('target'), `no target ${quoted(step.target)}`);
      switch (step.type) {
        case 'moveJ':
          if ((step.target === undefined) === (step.joints === undefined)) add(at(), 'expected either "target" or "joints" (exactly one)');
          break;
        case 'pick':
        case 'place':
          if (robot.tool === null) add(at(), `${robot.id} has no tool to ${step.type} with`);
          break;
        case 'waitSensor': {
          const conveyor = items.get(step.conveyor);
          if (conveyor?.type !== 'conveyor') add(at('conveyor'), `no conveyor ${quoted(step.conveyor)}`);
          else if (!conveyor.sensor) add(at('conveyor'), `conveyor ${quoted(step.conveyor)} has no sensor`);
          break;
        }
        case 'waitSignal':
          if (!signals.has(step.signal) && !setByPrograms.has(step.signal)) {
            add(at('signal'), `no program sets ${quoted(step.signal)} and no equipment provides it`);
          }
          break;
        case 'setSignal': {
          const owner = signals.get(step.signal);
          if (owner !== undefined) add(at('signal'), `${quoted(step.signal)} is set by ${owner}, not by programs`);
          break;
        }
        case 'zoneRequest':
          if (!released.has(step.zone)) add(at('zone'), `the program never releases zone ${quoted(step.zone)}`);
          break;
        default:
          break;
      }
    });
  });
  return problems;
}
