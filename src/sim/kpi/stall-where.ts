/**
 * Where a stalled robot is stuck, in the cell file's words: the step's path and what the step
 * waits for. Built from the cell document and the one thing any engine can tell — the index of
 * the step each robot's program is on — so it works the same for every engine.
 */
import type { Cell, ProgramStep } from '../../model/cell';
import type { StallLocator } from './stalls';

/** What an engine tells about a robot's program: the index of its current step (null: no program). */
export type ProgramStepIndex = (robot: string) => number | null;

/** What `step` waits for, in words; `holder` names the robot holding a zone. */
export function waitsForText(step: ProgramStep, holder: (zone: string) => string | null = () => null): string {
  switch (step.type) {
    case 'waitSignal':
      return `signal ${step.signal} = ${step.value ?? true}`;
    case 'waitSensor':
      return `the sensor of ${step.conveyor} to be ${(step.occupied ?? true) ? 'occupied' : 'clear'}`;
    case 'zoneRequest': {
      const by = holder(step.zone);
      return `zone ${step.zone}${by === null ? '' : ` (held by ${by})`}`;
    }
    case 'pick':
      return `a part to pick${step.target === undefined ? '' : ` at ${step.target}`}`;
    case 'place':
      return `room to place${step.target === undefined ? '' : ` at ${step.target}`}`;
    default:
      return `step ${step.type} to finish`;
  }
}

/**
 * A {@link StallLocator} for `cell`: the step index from `stepOf`, its path
 * (`programs[i].steps[j]`) and what it waits for; `zoneHolder` names who holds a zone.
 */
export function cellStallLocator(cell: Cell, stepOf: ProgramStepIndex, zoneHolder: (zone: string) => string | null = () => null): StallLocator {
  return (robot) => {
    const p = cell.programs.findIndex((x) => x.robot === robot);
    const index = stepOf(robot);
    const step = p >= 0 && index !== null ? cell.programs[p]!.steps[index] : undefined;
    if (step === undefined) return null;
    return { step: `programs[${p}].steps[${index}]`, waitsFor: waitsForText(step, zoneHolder) };
  };
}
