/**
 * The standard pick cycle, programmed the way a planner would: the tool pointing down, 25 mm up,
 * 300 mm across, 25 mm down (place), and the same way back (pick), as blended MoveJ at 100 %
 * with a 1 kg payload unless the vendor's figure states otherwise (DATASHEETS.md section 2: ABB's
 * "1 kg picking cycle", the Adept cycle's 25/305/25 mm).
 *
 * Where: vendors do not say where in the work envelope they run it. CellTwin runs it in front of
 * the robot, in its base frame, with the traverse along y centred on the x axis at
 * x = {@link CYCLE_REACH_FRACTION} × reach and the low points at z = {@link CYCLE_HEIGHT_FRACTION}
 * × reach — a comfortable spot for every bundled arm, neither stretched nor folded. The four
 * upper corners are blended with {@link CYCLE_ZONE} rad (joint space, as MoveJ blends are
 * measured); the robot stops at the two low points, where the gripper would act (no gripper time
 * is counted, as in the vendors' figures).
 */
import { InverseKinematics } from '../kinematics/ik';
import { mat4Create, type Mat4 } from '../kinematics/mat4';
import type { RobotDescription } from '../model/robot-description';
import type { RobotLibraryEntry } from '../model/robot-library';
import { BlendedSequence } from './blend';
import { jointMotionLimits, robotMotionLimits, type JointMotionLimits } from './limits';
import { limitsForLoad, robotMotionModel } from './motion-data';
import { MoveJ } from './move-j';

/** Horizontal distance of the traverse from the base axis, as a share of the reach. */
export const CYCLE_REACH_FRACTION = 0.6;
/** Height of the low points above the base frame, as a share of the reach. */
export const CYCLE_HEIGHT_FRACTION = 0.2;
/** Blend radius of the upper corners (rad). */
export const CYCLE_ZONE = 0.05;
/** Up, across, down (m) and payload (kg) when the vendor gives no figure. */
export const DEFAULT_CYCLE = { path: [0.025, 0.3, 0.025] as const, payload: 1 };

/** The flange pose pointing straight down (flange z along −z) at (x, y, z). */
function downPose(x: number, y: number, z: number): Mat4 {
  const m = mat4Create();
  m.set([1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, x, y, z, 1]);
  return m;
}

/** The cycle's geometry for a robot: the vendor's path and payload when published, else the defaults. */
export function cycleSpec(entry: RobotLibraryEntry): { path: readonly [number, number, number]; payload: number } {
  const c = entry.performance.standardCycle;
  return c ? { path: c.path, payload: c.payload } : { path: DEFAULT_CYCLE.path, payload: DEFAULT_CYCLE.payload };
}

/**
 * Joint values at the cycle's seven points (pick, up, across, place, up, back, pick), by inverse
 * kinematics seeded with the previous point. Throws when a point is out of reach.
 */
export function standardCyclePoints(robot: RobotDescription, entry: RobotLibraryEntry): Float64Array[] {
  const [up, across, down] = cycleSpec(entry).path;
  const x = CYCLE_REACH_FRACTION * entry.reach, z = CYCLE_HEIGHT_FRACTION * entry.reach;
  const y0 = -across / 2, y1 = across / 2;
  const poses = [
    downPose(x, y0, z), downPose(x, y0, z + up), downPose(x, y1, z + up), downPose(x, y1, z + up - down),
    downPose(x, y1, z + up), downPose(x, y0, z + up), downPose(x, y0, z),
  ];
  const ik = new InverseKinematics(robot, entry.baseLink, entry.flangeLink);
  // A seed with the elbow and wrist bent picks the ordinary working branch of every bundled arm.
  const seed = new Float64Array(robot.joints.filter((j) => j.type !== 'fixed' && !j.mimic).length);
  if (seed.length > 4) {
    seed[1] = 0.3;
    seed[2] = 0.3;
    seed[4] = 1;
  }
  const points: Float64Array[] = [];
  for (const [k, pose] of poses.entries()) {
    const result = ik.solve(pose, points[k - 1] ?? seed, { restarts: k === 0 ? 24 : 0 });
    if (!result.converged) throw new Error(`${entry.id}: standard cycle point ${k} is out of reach`);
    points.push(Float64Array.from(result.q));
  }
  return points;
}

/** The cycle time (s) through `points` within `limits`: six MoveJ, upper corners blended. */
export function cycleTime(points: readonly Float64Array[], limits: JointMotionLimits): number {
  const moves = points.slice(1).map((q, k) => new MoveJ(points[k]!, q, limits));
  const zones = [CYCLE_ZONE, CYCLE_ZONE, 0, CYCLE_ZONE, CYCLE_ZONE];
  return new BlendedSequence(moves, zones, limits).duration;
}

/**
 * The limits of a bundled robot with a given bare-arm ramp time (every joint at full speed in
 * `rampTime` s), or with the library's accelerations when `rampTime` is undefined, at `load` kg.
 */
export function cycleLimits(robot: RobotDescription, entry: RobotLibraryEntry, load: number, rampTime?: number): JointMotionLimits {
  const base = robotMotionLimits(robot, entry);
  const bare =
    rampTime === undefined
      ? base
      : jointMotionLimits({ names: base.names, velocity: base.velocity, acceleration: base.velocity.map((v) => v / rampTime), lower: base.lower, upper: base.upper });
  return limitsForLoad(bare, robotMotionModel(entry), load);
}

/** The simulated standard cycle of a bundled robot (s) at the cycle's payload, with the library's data. */
export function standardCycleSeconds(robot: RobotDescription, entry: RobotLibraryEntry, rampTime?: number): number {
  return cycleTime(standardCyclePoints(robot, entry), cycleLimits(robot, entry, cycleSpec(entry).payload, rampTime));
}
