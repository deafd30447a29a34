/**
 * Shared types of the program interpreter: what a running program reaches (the simulation host,
 * signals, zones, targets, equipment, the activity recorder), its plain-data state, and the
 * outcome of trying to begin a step.
 */
import type { ActivityRecorder, RobotState } from '../activity';
import type { PalletStack } from '../equipment/pallet';
import type { Station } from '../equipment/station';
import type { TargetFrames } from '../targets';
import type { Signals, Zones } from './coordination';
import type { ProgramHost } from './host';

/** What every robot program reaches. */
export interface ProgramContext {
  host: ProgramHost;
  signals: Signals;
  zones: Zones;
  frames: TargetFrames;
  /** Machines and operator stations by item id. */
  stations: ReadonlyMap<string, Station>;
  /** Patterned pallets by item id. */
  pallets: ReadonlyMap<string, PalletStack>;
  recorder: ActivityRecorder;
}

/** A robot's claim on a pallet slot (equipment/pallet.ts). */
export interface SlotClaim {
  pallet: string;
  slot: number;
  /** A place or pick on the slot happened; the claim goes at the next pick or place. */
  used: boolean;
}

/**
 * Where a program is, as plain data for snapshots.
 * - `start`: the step at `index` begins at `due`;
 * - `wait`: it could not begin (no part, no room, a signal, a zone) and is retried whenever
 *   something changes (`due` is then Infinity until the scheduler wakes it);
 * - `run`: it runs until `due`, then the program goes on at `next`;
 * - `done`: a program that does not loop has ended; `fault`: it stopped on an error.
 */
export interface RobotProgramState {
  phase: 'start' | 'wait' | 'run' | 'done' | 'fault';
  index: number;
  /** The step after the running one (a blended chain runs several move steps as one). */
  next: number;
  due: number;
  /** Completed loops. */
  cycles: number;
  /** Target index of the last move, where a pick or place without a target happens; −1 before any. */
  lastTarget: number;
  claims: SlotClaim[];
  /** A station load or unload that ends with the running step. */
  pending: { station: string; action: 'load' | 'unload' } | null;
}

/** The outcome of trying to begin a step. */
export type BeginResult =
  | { kind: 'run'; duration: number; state: RobotState; label?: string }
  | { kind: 'wait'; state: RobotState }
  | { kind: 'fault'; message: string; path?: string };

/** The step started: it runs `duration` seconds with the robot in `state`. */
export const run = (duration: number, state: RobotState, label?: string): BeginResult =>
  label === undefined ? { kind: 'run', duration, state } : { kind: 'run', duration, state, label };
/** The step cannot start yet: the robot waits in `state` (a waiting state). */
export const wait = (state: RobotState): BeginResult => ({ kind: 'wait', state });
/** The step cannot be carried out at all: the program stops (`path`: the step, when not the current one). */
export const fault = (message: string, path?: string): BeginResult => (path === undefined ? { kind: 'fault', message } : { kind: 'fault', message, path });
