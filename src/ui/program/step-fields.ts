/**
 * The editable fields of each step type, as data: the program editor renders them generically.
 * Every field of src/model/program-schema.ts is here, with the unit the planner reads it in.
 */
import type { ProgramStep } from '../../model';
import { DEG, MM, SECONDS, type DisplayUnit } from '../units';

/** Speed overrides as a pendant shows them. */
export const PERCENT: DisplayUnit = { label: '%', fromSI: (v) => v * 100, toSI: (v) => v / 100 };
const MM_S: DisplayUnit = { label: 'mm/s', fromSI: (v) => v * 1000, toSI: (v) => v / 1000 };
const MM_S2: DisplayUnit = { label: 'mm/s²', fromSI: (v) => v * 1000, toSI: (v) => v / 1000 };

/** One field of a step. `optional` fields can be left empty (the default applies). */
export type StepField =
  | { key: string; label: string; kind: 'target'; optional: boolean; hint?: string }
  | { key: string; label: string; kind: 'number'; unit: DisplayUnit; optional: boolean; hint?: string }
  | { key: string; label: string; kind: 'text'; optional: boolean; suggest?: 'signal' | 'zone'; hint?: string }
  | { key: string; label: string; kind: 'bool'; fallback: boolean; hint?: string }
  | { key: string; label: string; kind: 'choice'; choices: readonly string[] | 'conveyors'; optional: boolean; hint?: string };

const speed: StepField = { key: 'speed', label: 'Speed', kind: 'number', unit: PERCENT, optional: true, hint: 'Speed override, like a pendant’s 0–100 % (default 100 %)' };
const approach: StepField = { key: 'approach', label: 'Approach', kind: 'number', unit: MM, optional: true, hint: 'Stop this far short of the target along its −Z (tool) axis' };

/** The fields of a step of `type`. */
export function stepFields(type: ProgramStep['type']): StepField[] {
  switch (type) {
    case 'moveJ':
      return [
        { key: 'target', label: 'Target', kind: 'target', optional: false },
        speed,
        { key: 'blend', label: 'Blend', kind: 'number', unit: DEG, optional: true, hint: 'Round the corner into the next move (joint-space radius)' },
        approach,
      ];
    case 'moveL':
      return [
        { key: 'target', label: 'Target', kind: 'target', optional: false },
        speed,
        { key: 'blend', label: 'Blend', kind: 'number', unit: MM, optional: true, hint: 'Round the corner into the next move (tool-path radius)' },
        approach,
        { key: 'tcpSpeed', label: 'Tool speed', kind: 'number', unit: MM_S, optional: true, hint: 'Default 1000 mm/s' },
        { key: 'tcpAcceleration', label: 'Tool accel.', kind: 'number', unit: MM_S2, optional: true, hint: 'Default 4000 mm/s²' },
      ];
    case 'pick':
      return [
        { key: 'target', label: 'At', kind: 'target', optional: true, hint: 'Default: the last move’s target' },
        { key: 'gripTime', label: 'Grip time', kind: 'number', unit: SECONDS, optional: true, hint: 'Default: the tool’s library actuation time' },
      ];
    case 'place':
      return [
        { key: 'target', label: 'At', kind: 'target', optional: true, hint: 'Default: the last move’s target' },
        { key: 'releaseTime', label: 'Release time', kind: 'number', unit: SECONDS, optional: true, hint: 'Default: the tool’s library actuation time' },
      ];
    case 'waitSignal':
      return [
        { key: 'signal', label: 'Signal', kind: 'text', optional: false, suggest: 'signal' },
        { key: 'value', label: 'Value', kind: 'bool', fallback: true },
        { key: 'as', label: 'Counts as', kind: 'choice', choices: ['starved', 'blocked', 'interlock'], optional: true, hint: 'What the wait means in the utilization' },
      ];
    case 'waitSensor':
      return [
        { key: 'conveyor', label: 'Conveyor', kind: 'choice', choices: 'conveyors', optional: false },
        { key: 'occupied', label: 'Occupied', kind: 'bool', fallback: true, hint: 'Wait for a part (on) or for the barrier to clear (off)' },
        { key: 'settle', label: 'Settle', kind: 'number', unit: SECONDS, optional: true },
      ];
    case 'setSignal':
      return [
        { key: 'signal', label: 'Signal', kind: 'text', optional: false, suggest: 'signal' },
        { key: 'value', label: 'Value', kind: 'bool', fallback: true },
        { key: 'dwell', label: 'I/O time', kind: 'number', unit: SECONDS, optional: true },
      ];
    case 'process':
      return [
        { key: 'seconds', label: 'Time', kind: 'number', unit: SECONDS, optional: false },
        { key: 'label', label: 'Label', kind: 'text', optional: true, hint: 'weld, grind, inspect…' },
      ];
    case 'zoneRequest':
    case 'zoneRelease':
      return [{ key: 'zone', label: 'Zone', kind: 'text', optional: false, suggest: 'zone' }];
    case 'wait':
      return [{ key: 'seconds', label: 'Time', kind: 'number', unit: SECONDS, optional: false }];
    case 'moveJoints':
      return [speed];
    case 'grip':
    case 'release':
      return [];
  }
}

/** `step` with field `key` set to `value`, or removed when `value` is undefined. */
export function withField(step: ProgramStep, key: string, value: unknown): ProgramStep {
  const next: Record<string, unknown> = { ...step };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as ProgramStep;
}
