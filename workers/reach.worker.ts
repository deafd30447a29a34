/**
 * Reach computations off the main thread, where thousands of FK and IK evaluations would stall
 * the page: the workspace point cloud, and the manipulability map of a plane, which goes row by
 * row, reports progress and yields between rows so that a cancel (the pose or the height
 * changed) is heard before the next row.
 */
import { sampleReach } from '../src/kinematics/reach';
import { horizontalReach, PlaneManipulabilityMapper } from '../src/kinematics/manipulability-map';
import type { PlaneMapRequest, ReachRequest, ReachResponse } from '../src/bridge/reach-protocol';

const post = (reply: ReachResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);
const cancelled = new Set<number>();
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function mapPlane(request: PlaneMapRequest): Promise<void> {
  const { id, robot, base, tip, rotation, seed } = request;
  const grid = { ...request.grid };
  if (!(grid.halfSize > 0)) grid.halfSize = horizontalReach(robot, base, tip);
  const mapper = new PlaneManipulabilityMapper(robot, base, tip, grid, rotation, seed);
  const values = new Float32Array(grid.cells * grid.cells);
  for (let row = 0; row < grid.cells; row++) {
    await yieldToMessages();
    if (cancelled.delete(id)) return;
    mapper.mapRow(row, values);
    post({ kind: 'progress', id, done: row + 1, total: grid.cells });
  }
  post({ kind: 'plane', id, ok: true, grid, values }, [values.buffer]);
}

self.onmessage = (event: MessageEvent<ReachRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  const fail = (e: unknown) => post({ kind: 'error', id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  if (request.kind === 'plane') {
    mapPlane(request).catch(fail);
    return;
  }
  try {
    const cloud = sampleReach(request.robot, request.base, request.tip, { samples: request.samples, seed: request.seed });
    post({ kind: 'cloud', id: request.id, ok: true, points: cloud.points, maxHorizontalRadius: cloud.maxHorizontalRadius }, [cloud.points.buffer]);
  } catch (e) {
    fail(e);
  }
};
