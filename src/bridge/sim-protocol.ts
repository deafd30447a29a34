/**
 * The typed messages between the page and the simulation worker. Each message is plain data
 * (structured clone); frames travel through shared memory, or as transferred buffers when the
 * page is not cross-origin isolated.
 */
import type { Cell, RobotDescription } from '../model';
import type { BodyInfo } from '../sim/body-plan';
import type { SimEvent } from '../sim/events';
import type { SimulationSnapshot } from '../sim/snapshot';
import type { EventsSnapshot } from '../sim/events/event-simulation';
import type { TimelineFile } from '../sim/kpi/timeline-file';
import type { ActivityInterval } from '../sim/activity';
import type { CellKpis } from '../sim/kpi/compute';
import type { CollisionAt } from '../sim/kpi/collision-steps';

/** A checkpoint of either engine (events or physics), for worker recovery. */
export type EngineSnapshot = SimulationSnapshot | EventsSnapshot;

/** The collisions of a run so far: how many, and the latest ones (the worker keeps a bounded number). */
export interface CollisionTally {
  count: number;
  latest: CollisionAt[];
}

/** What a worker restarts from: the engine's state and the run's collisions up to it. */
export interface Checkpoint {
  snapshot: EngineSnapshot;
  collisions: CollisionTally;
}

/** Simulation speed: a multiple of real time, or as fast as the worker can go. */
export type SimSpeed = number | 'max';

/** Page → worker. */
export type ToSim =
  | {
      type: 'load';
      cell: Cell;
      robots: Array<[string, RobotDescription]>;
      tools: Array<[string, RobotDescription]>;
      /** Shared memory for frames, or null to use transferred buffers. */
      frames: SharedArrayBuffer | null;
      /** Continue from this checkpoint instead of time 0 (worker recovery): its state, and its collision count goes on. */
      restore: Checkpoint | null;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; steps: number }
  /**
   * Runs as fast as the worker can until simulated time `until` (s), then pauses: a long
   * analysis run (an hour or a shift) whose progress the status messages report. Pause cancels.
   */
  | { type: 'run-until'; until: number }
  | { type: 'speed'; speed: SimSpeed }
  | { type: 'joint-targets'; robot: string; q: number[] }
  | { type: 'return-frame'; buffer: ArrayBuffer }
  /** Asks for the state hash (determinism checks: the same cell gives the same hash in Node). */
  | { type: 'hash' }
  /** The whole timeline so far (intervals, zone holds, part routes): answered by `timeline`. */
  | { type: 'timeline' }
  | { type: 'crash-for-test' };

/** Where one robot's program is (the program editor highlights the running step). */
export interface RobotProgramStatus {
  robot: string;
  /** Index of the current step in the program's steps. */
  step: number;
  phase: 'start' | 'wait' | 'run' | 'done' | 'fault';
  cycles: number;
}

/** Worker → page. */
export type FromSim =
  | { type: 'ready'; bodies: BodyInfo[]; joints: Array<{ robot: string; joints: string[] }>; frameLength: number; warnings: string[]; dt: number }
  | { type: 'frame'; buffer: ArrayBuffer; length: number }
  /** Bodies that appeared since the last message (parts from sources), to append to `ready`'s. */
  | { type: 'bodies'; bodies: BodyInfo[] }
  | { type: 'status'; time: number; step: number; running: boolean; realTimeFactor: number; programs?: RobotProgramStatus[] }
  /**
   * An analysis run (run-until) started (`run` = its span), or ended or was cancelled (null).
   * When it ends, the final KPIs have been posted before this message.
   */
  | { type: 'analysis'; run: { from: number; until: number } | null }
  | { type: 'events'; events: SimEvent[] }
  | { type: 'checkpoint'; checkpoint: Checkpoint }
  | { type: 'hash'; hash: string; step: number; time: number }
  /** KPIs so far and the state timeline (for the Gantt chart), sent about once a second. */
  | { type: 'kpis'; kpis: CellKpis; intervals: ActivityInterval[]; time: number }
  | { type: 'timeline'; timeline: TimelineFile }
  | { type: 'error'; message: string };
