/** What the page knows about the running simulation (for the run controls and the scene). */
import { createStore } from 'zustand/vanilla';
import type { BodyInfo } from '../sim/body-plan';
import type { RobotProgramStatus, SimSpeed } from './sim-protocol';
import type { ActivityInterval } from '../sim/activity';
import type { CellKpis } from '../sim/kpi/compute';

export type SimPhase = 'off' | 'loading' | 'ready' | 'running' | 'paused' | 'recovering' | 'error';

export interface SimStatus {
  phase: SimPhase;
  /** Simulated time (s) and step count of the newest status from the worker. */
  time: number;
  step: number;
  speed: SimSpeed;
  /** Simulated seconds per wall second over the last half second. */
  realTimeFactor: number;
  bodies: BodyInfo[];
  joints: Array<{ robot: string; joints: string[] }>;
  /** Collisions reported since the run started, newest last (capped). */
  collisions: Array<{ time: number; a: string; b: string }>;
  /** How many collisions the run has had (all of them, unlike `collisions`). */
  collisionCount: number;
  /** Programs that stopped on a step they could not carry out, in order. */
  faults: Array<{ time: number; robot: string; step: string; message: string }>;
  /** How frames arrive: shared memory, or transferred buffers. */
  transport: 'shared' | 'transfer' | null;
  /** 'worker', or 'main-thread' when workers are unavailable. */
  host: 'worker' | 'main-thread' | null;
  warnings: string[];
  error: string | null;
  /** Worker restarts after a crash in this session. */
  recoveries: number;
  /** The newest KPIs of the run and the state timeline they came from. */
  kpis: CellKpis | null;
  intervals: ActivityInterval[];
  /** Where each robot's program is, from the newest status (empty when no run). */
  programs: RobotProgramStatus[];
  /** An analysis run in progress (Analyse): where it started and the simulated time it runs to. */
  analysis: { from: number; until: number } | null;
}

export const simStatusStore = createStore<SimStatus>(() => ({
  phase: 'off',
  time: 0,
  step: 0,
  speed: 1,
  realTimeFactor: 0,
  bodies: [],
  joints: [],
  collisions: [],
  collisionCount: 0,
  faults: [],
  transport: null,
  host: null,
  warnings: [],
  error: null,
  recoveries: 0,
  kpis: null,
  intervals: [],
  analysis: null,
  programs: [],
}));
