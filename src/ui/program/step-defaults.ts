/**
 * The step kinds the editor offers, a sensible new step of each kind for a cell (a move goes to
 * the last target, a wait for a signal waits for one that exists), and a one-line summary of a step.
 */
import type { Cell, ProgramStep } from '../../model';
import { equipmentSignals } from '../../model/cell-checks';
import { DEG, MM } from '../units';

/** The kinds offered in "Add step", in pendant order. The interim kinds stay editable, not offered. */
export const NEW_STEP_KINDS = [
  ['moveJ', 'Joint move (MoveJ)'],
  ['moveL', 'Linear move (MoveL)'],
  ['pick', 'Pick'],
  ['place', 'Place'],
  ['waitSensor', 'Wait for a sensor'],
  ['waitSignal', 'Wait for a signal'],
  ['setSignal', 'Set a signal'],
  ['zonePair', 'Zone (request + release)'],
  ['process', 'Process'],
  ['wait', 'Wait (dwell)'],
] as const;

export type NewStepKind = (typeof NEW_STEP_KINDS)[number][0];

/** Signals a step may wait for: equipment's and those programs set. */
export function knownSignals(cell: Cell): string[] {
  const set = new Set(equipmentSignals(cell.items).keys());
  for (const p of cell.programs) for (const s of p.steps) if (s.type === 'setSignal') set.add(s.signal);
  return [...set].sort();
}

/** Conveyors with a sensor. */
export const sensorConveyors = (cell: Cell): string[] => cell.items.flatMap((i) => (i.type === 'conveyor' && i.sensor ? [i.id] : []));

/** The steps "Add step" inserts for `kind` (a zone adds its request and release together). */
export function newSteps(kind: NewStepKind, cell: Cell, robot: string): ProgramStep[] {
  const program = cell.programs.find((p) => p.robot === robot);
  const lastTarget = [...(program?.steps ?? [])].reverse().find((s): s is ProgramStep & { target: string } => 'target' in s && typeof s.target === 'string')?.target;
  const target = lastTarget ?? cell.targets.at(-1)?.id ?? '';
  switch (kind) {
    case 'moveJ':
      return [{ type: 'moveJ', target }];
    case 'moveL':
      return [{ type: 'moveL', target }];
    case 'pick':
      return [{ type: 'pick' }];
    case 'place':
      return [{ type: 'place' }];
    case 'waitSensor':
      return [{ type: 'waitSensor', conveyor: sensorConveyors(cell)[0] ?? '' }];
    case 'waitSignal':
      return [{ type: 'waitSignal', signal: knownSignals(cell)[0] ?? '' }];
    case 'setSignal':
      return [{ type: 'setSignal', signal: `${robot}.done`, value: true }];
    case 'zonePair': {
      const zone = 'zone-1';
      return [{ type: 'zoneRequest', zone }, { type: 'zoneRelease', zone }];
    }
    case 'process':
      return [{ type: 'process', seconds: 2, label: 'process' }];
    case 'wait':
      return [{ type: 'wait', seconds: 1 }];
  }
}

const targetName = (cell: Cell, id: string | undefined): string => (id === undefined ? 'last target' : (cell.targets.find((t) => t.id === id)?.name ?? id));

/** One line saying what a step does, in the UI's units. */
export function stepSummary(step: ProgramStep, cell: Cell): string {
  const pct = (s: number | undefined) => (s !== undefined && s !== 1 ? ` · ${Math.round(s * 100)} %` : '');
  const approach = (a: number | undefined) => (a ? ` · ${Math.round(MM.fromSI(a))} mm above` : '');
  const blend = (b: number | undefined, joint: boolean) => (b ? ` · blend ${joint ? `${Math.round(DEG.fromSI(b))}°` : `${Math.round(MM.fromSI(b))} mm`}` : '');
  switch (step.type) {
    case 'moveJ':
      return `MoveJ ${step.joints ? 'to joint values' : targetName(cell, step.target)}${approach(step.approach)}${pct(step.speed)}${blend(step.blend, true)}`;
    case 'moveL':
      return `MoveL ${targetName(cell, step.target)}${approach(step.approach)}${pct(step.speed)}${blend(step.blend, false)}`;
    case 'pick':
      return `Pick${step.target ? ` at ${targetName(cell, step.target)}` : ''}`;
    case 'place':
      return `Place${step.target ? ` at ${targetName(cell, step.target)}` : ''}`;
    case 'waitSensor':
      return `Wait for ${cell.items.find((i) => i.id === step.conveyor)?.name ?? step.conveyor}: ${step.occupied === false ? 'clear' : 'part'}`;
    case 'waitSignal':
      return `Wait for ${step.signal} = ${step.value === false ? 'false' : 'true'}`;
    case 'setSignal':
      return `Set ${step.signal} = ${step.value === false ? 'false' : 'true'}`;
    case 'process':
      return `Process${step.label ? ` (${step.label})` : ''} ${step.seconds} s`;
    case 'zoneRequest':
      return `Request zone ${step.zone}`;
    case 'zoneRelease':
      return `Release zone ${step.zone}`;
    case 'wait':
      return `Wait ${step.seconds} s`;
    case 'moveJoints':
      return `Joint move (constant speed)${pct(step.speed)}`;
    case 'grip':
      return 'Grip';
    case 'release':
      return 'Release';
  }
}
