/**
 * Samples a robot's reachable workspace off the main thread: thousands of FK evaluations would
 * stall the page. Receives a RobotDescription, answers with the tip positions (transferred).
 */
import { sampleReach } from '../src/kinematics/reach';
import type { ReachRequest, ReachResponse } from '../src/bridge/reach-protocol';

self.onmessage = (event: MessageEvent<ReachRequest>) => {
  const { id, robot, base, tip, samples, seed } = event.data;
  try {
    const cloud = sampleReach(robot, base, tip, { samples, seed });
    const reply: ReachResponse = { id, ok: true, points: cloud.points, maxHorizontalRadius: cloud.maxHorizontalRadius };
    (self as unknown as Worker).postMessage(reply, [cloud.points.buffer]);
  } catch (e) {
    const reply: ReachResponse = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    (self as unknown as Worker).postMessage(reply);
  }
};
