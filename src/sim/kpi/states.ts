/**
 * What each state of the activity log (sim/activity.ts) means for the KPIs: the fixed order the
 * utilization lists states in, which states count as busy, as waiting, as starving or blocking,
 * and which cycle-time breakdown category a robot state belongs to.
 */
import type { MachineState, OperatorState, PartSourceState, ResourceKind, RobotState } from '../activity';

/** Robot states in the order utilization lists them (docs/ARCHITECTURE.md's order). */
export const ROBOT_STATES: readonly RobotState[] = [
  'moving-loaded',
  'moving-empty',
  'processing',
  'gripper',
  'io',
  'waiting-starved',
  'waiting-blocked',
  'waiting-interlock',
  'idle',
];

/** Machine states, in the order of a machine cycle. */
export const MACHINE_STATES: readonly MachineState[] = ['loading', 'door', 'processing', 'unloading', 'starved', 'blocked', 'idle'];

/** Operator states. */
export const OPERATOR_STATES: readonly OperatorState[] = ['working', 'waiting', 'idle'];

/** States an accumulating conveyor is logged in (not part of the activity contract's types). */
export const CONVEYOR_STATES: readonly string[] = ['running', 'blocked', 'idle'];

/** Part source states: supplying counts as busy (the arrival pace), blocked as blocked. */
export const SOURCE_STATES: readonly PartSourceState[] = ['supplying', 'blocked', 'idle'];

/** The states a resource of `kind` always reports (fractions of 0 included, so the shape is stable). */
export function knownStates(kind: ResourceKind): readonly string[] {
  switch (kind) {
    case 'robot':
      return ROBOT_STATES;
    case 'machine':
      return MACHINE_STATES;
    case 'operator':
      return OPERATOR_STATES;
    case 'conveyor':
      // The contract names no conveyor states; the engine logs an accumulating belt as running
      // or blocked (stopped with a part at its sensor). Other states follow these, sorted.
      return CONVEYOR_STATES;
    case 'source':
      return SOURCE_STATES;
  }
}

/**
 * Waiting for a part to arrive: a robot's `waiting-starved`, a machine's `starved`. A resource
 * that is starved shows that something upstream is slower than it.
 */
export function isStarved(state: string): boolean {
  return state === 'waiting-starved' || state === 'starved';
}

/** Waiting for room downstream: a robot's `waiting-blocked`, a machine's `blocked`. */
export function isBlocked(state: string): boolean {
  return state === 'waiting-blocked' || state === 'blocked';
}

/** Any waiting state: starved, blocked, a robot's interlock wait, an operator waiting. */
export function isWaiting(state: string): boolean {
  return state.startsWith('waiting') || isStarved(state) || isBlocked(state);
}

/**
 * Busy: doing the work the cell exists for — moving, gripping, I/O, processing, loading. Anything
 * but waiting and idle.
 */
export function isBusy(state: string): boolean {
  return state !== 'idle' && !isWaiting(state);
}

/**
 * Cycle-time breakdown categories (docs/ARCHITECTURE.md): motion (loaded + empty), gripper actuation, I/O and
 * sensor dwell, process (weld, grind, dwell), waiting (starved, blocked, interlock) and idle (time
 * inside a cycle in no recorded state; normally 0, kept so the categories add up to the cycle).
 */
export type BreakdownCategory = 'motion' | 'gripper' | 'io' | 'process' | 'waiting' | 'idle';

/** The categories in output order. */
export const BREAKDOWN_CATEGORIES: readonly BreakdownCategory[] = ['motion', 'gripper', 'io', 'process', 'waiting', 'idle'];

/** The breakdown category of a robot state; states the contract does not name count as idle. */
export function categoryOf(state: string): BreakdownCategory {
  switch (state) {
    case 'moving-loaded':
    case 'moving-empty':
      return 'motion';
    case 'gripper':
      return 'gripper';
    case 'io':
      return 'io';
    case 'processing':
      return 'process';
    default:
      return isWaiting(state) ? 'waiting' : 'idle';
  }
}
