/** Messages of the reach worker (workers/reach.worker.ts): the workspace cloud and the plane map. */
import type { PlaneGrid } from '../kinematics/manipulability-map';
import type { RobotDescription } from '../model';

/** Sample the reachable workspace as a point cloud. */
export interface ReachCloudRequest {
  kind: 'cloud';
  id: number;
  robot: RobotDescription;
  base: string;
  tip: string;
  samples: number;
  seed: number;
}

/**
 * Map Yoshikawa's w over a horizontal plane with the tool orientation held
 * (kinematics/manipulability-map.ts). `grid.halfSize` 0 means: the robot's horizontal reach.
 */
export interface PlaneMapRequest {
  kind: 'plane';
  id: number;
  robot: RobotDescription;
  base: string;
  tip: string;
  grid: PlaneGrid;
  /** Tool orientation (column-major 4×4 in the base frame; translation ignored). */
  rotation: number[];
  /** All input joints, within limits: the current pose. */
  seed: number[];
}

/** Stop a plane map that is still running (its answer never comes). */
export interface CancelRequest {
  kind: 'cancel';
  id: number;
}

export type ReachRequest = ReachCloudRequest | PlaneMapRequest | CancelRequest;

export type ReachResponse =
  | { kind: 'cloud'; id: number; ok: true; points: Float32Array; maxHorizontalRadius: number }
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'plane'; id: number; ok: true; grid: PlaneGrid; values: Float32Array }
  | { kind: 'error'; id: number; ok: false; message: string };
