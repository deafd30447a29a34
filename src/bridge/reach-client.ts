/**
 * Main-thread client of the reach worker: one worker, requests answered by id. Point clouds are
 * cached per robot description (the envelope of a robot never changes while its description
 * does not); plane maps are not (they depend on the pose) and can be cancelled.
 */
import type { PlaneGrid } from '../kinematics/manipulability-map';
import type { RobotDescription } from '../model';
import type { ReachRequest, ReachResponse } from './reach-protocol';

interface Job {
  resolve(result: Extract<ReachResponse, { ok: true }>): void;
  reject(e: Error): void;
  progress?: (done: number, total: number) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Job>();
const cache = new WeakMap<RobotDescription, Promise<Float32Array>>();

function reachWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../../workers/reach.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ReachResponse>) => {
      const reply = event.data;
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.kind === 'progress') {
        job.progress?.(reply.done, reply.total);
        return;
      }
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply);
      else job.reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      for (const job of pending.values()) job.reject(new Error(`reach worker failed: ${event.message}`));
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

function send(request: ReachRequest, job: Job): void {
  pending.set(request.id, job);
  reachWorker().postMessage(request);
}

/** Tip positions (x, y, z in the base frame) of `samples` random joint vectors within limits. */
export function reachCloud(robot: RobotDescription, base: string, tip: string, samples = 6000): Promise<Float32Array> {
  let result = cache.get(robot);
  if (!result) {
    result = new Promise<Float32Array>((resolve, reject) => {
      const id = nextId++;
      send({ kind: 'cloud', id, robot, base, tip, samples, seed: 1 }, { resolve: (r) => resolve(r.kind === 'cloud' ? r.points : new Float32Array()), reject });
    });
    cache.set(robot, result);
  }
  return result;
}

/** A plane map on its way: its result, and a way to stop it (the promise then never settles). */
export interface PlaneMapJob {
  result: Promise<{ grid: PlaneGrid; values: Float32Array }>;
  cancel(): void;
}

/**
 * Yoshikawa's w over a horizontal plane (kinematics/manipulability-map.ts) computed in the
 * worker; `onProgress` hears each finished row. `grid.halfSize` 0: the robot's horizontal reach.
 */
export function planeManipulabilityMap(
  robot: RobotDescription,
  base: string,
  tip: string,
  grid: PlaneGrid,
  rotation: ArrayLike<number>,
  seed: readonly number[],
  onProgress: (done: number, total: number) => void,
): PlaneMapJob {
  const id = nextId++;
  const result = new Promise<{ grid: PlaneGrid; values: Float32Array }>((resolve, reject) => {
    send(
      { kind: 'plane', id, robot, base, tip, grid, rotation: Array.from(rotation), seed: [...seed] },
      { resolve: (r) => (r.kind === 'plane' ? resolve({ grid: r.grid, values: r.values }) : reject(new Error('unexpected reply'))), reject, progress: onProgress },
    );
  });
  return {
    result,
    cancel() {
      if (!pending.delete(id)) return;
      worker?.postMessage({ kind: 'cancel', id } satisfies ReachRequest);
    },
  };
}
