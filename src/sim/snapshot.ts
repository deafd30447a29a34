/**
 * A snapshot of a whole simulation: the physics engine's serialized world plus everything the
 * simulation keeps itself. Plain data (numbers, strings, arrays, Uint8Array), so it survives
 * structuredClone and postMessage: the worker sends snapshots to the page, which keeps the last
 * one to restart a crashed worker, and rewinds use them too. Restoring into a simulation built
 * from the same cell and continuing gives exactly the run that was never interrupted.
 */
import type { ContactEventsState } from './contact-events';
import type { SimEvent } from './events';
import type { HeldState } from './grippers';
import type { JointDriverState } from './joint-motion';
import type { PartSpec, SourceState } from './parts';
import type { PhysicsSnapshot } from './physics-port';
import type { ControllerState } from './program/controller';
import type { RngState } from './rng';

/** Tag of the snapshot format. */
export const SNAPSHOT_FORMAT = 'celltwin-simulation';
/** Bumped when the snapshot's shape changes. */
export const SNAPSHOT_VERSION = 2;

/** A part made during the run (or placed by the cell file): enough to rebuild its body entry. */
export interface PartRecord {
  id: number;
  name: string;
  spec: PartSpec;
  /** The conveyor whose source made it, or null for a part from the cell file. */
  source: string | null;
  /** Gone from the world: fell out of it, finished at a sink, or left on an exchanged pallet. */
  removed: boolean;
}

/** The simulation's own state. */
export interface SimulationState {
  steps: number;
  rng: RngState;
  robots: { id: string; arm: JointDriverState; tool: JointDriverState; dirty: boolean }[];
  held: HeldState;
  parts: PartRecord[];
  sources: SourceState[];
  /** Programs, signals, zones, stations, pallets, belts and the activity log. */
  controller: ControllerState;
  /** Touching pairs and parts inside sensor curtains. */
  contacts: ContactEventsState;
  /** Events not yet drained. */
  events: SimEvent[];
}

/** A whole-simulation snapshot. */
export interface SimulationSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** Identifies the cell model the snapshot belongs to (body names of the fixed layout, hashed). */
  layout: string;
  /** Simulated time (s), for display. */
  time: number;
  physics: PhysicsSnapshot;
  state: SimulationState;
}
