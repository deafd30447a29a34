/**
 * Main-thread client of the reach worker: one worker, requests answered by id, results cached
 * per robot description (the envelope of a robot never changes while its description does not).
 */
import type { RobotDescription } from '../model';
import type { ReachRequest, ReachResponse } from './reach-protocol';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(points: Float32Array): void; reject(e: Error): void }>();
const cache = new WeakMap<RobotDescription, Promise<Float32Array>>();

function reachWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../../workers/reach.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ReachResponse>) => {
      const job = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (!job) return;
      if (event.data.ok) job.resolve(event.data.points);
      else job.reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      for (const job of pending.values()) job.reject(new Error(`reach worker failed: ${event.message}`));
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

/** Tip positions (x, y, z in the base frame) of `samples` random joint vectors within limits. */
export function reachCloud(robot: RobotDescription, base: string, tip: string, samples = 6000): Promise<Float32Array> {
  let result = cache.get(robot);
  if (!result) {
    result = new Promise<Float32Array>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: ReachRequest = { id, robot, base, tip, samples, seed: 1 };
      reachWorker().postMessage(request);
    });
    cache.set(robot, result);
  }
  return result;
}
