/** Messages of the reach-envelope worker (workers/reach.worker.ts). */
import type { RobotDescription } from '../model';

export interface ReachRequest {
  id: number;
  robot: RobotDescription;
  base: string;
  tip: string;
  samples: number;
  seed: number;
}

export type ReachResponse =
  | { id: number; ok: true; points: Float32Array; maxHorizontalRadius: number }
  | { id: number; ok: false; message: string };
