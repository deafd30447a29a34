/**
 * A robot's motion data as the planners use them: where they come from (vendor-fitted,
 * calibrated from measurements, or assumed), the scales a calibration applied, the vendor's TCP
 * limits, and the payload model (payload.ts). One place resolves them — the simulation,
 * `celltwin plan`, `celltwin calibrate` and the fit all call {@link robotMotionModel} and
 * {@link limitsForLoad}, so they cannot disagree.
 *
 * Layers of a robot's limits, bottom up:
 * 1. joint speeds (URDF / library) and bare-arm accelerations (library: fitted or assumed),
 *    see limits.ts `robotMotionLimits`;
 * 2. the cell's calibration override (`items[i].motion`): speed × s, acceleration × a;
 * 3. the carried load: acceleration × payloadFactor(load, rated payload).
 */
import { findLibraryEntry, type RobotLibraryEntry } from '../model/robot-library';
import type { JointMotionLimits } from './limits';
import { payloadFactor } from './payload';

/** Where a robot's motion data come from. */
export type MotionSource = 'vendor-fitted' | 'calibrated' | 'assumed';

/** A calibration result stored on a robot item (cell schema `motion`). */
export interface MotionOverride {
  /** Factor on every joint speed (and the TCP speed limit). */
  speedScale: number;
  /** Factor on every acceleration and jerk (and the TCP acceleration limit). */
  accelerationScale: number;
}

/** Everything beyond the joint limits that decides how fast a robot moves. */
export interface RobotMotionModel {
  source: MotionSource;
  /** Rated payload (kg), or null when unknown (an embedded URDF): then load has no effect. */
  ratedPayload: number | null;
  speedScale: number;
  accelerationScale: number;
  /** The vendor's maximum TCP speed (m/s) and acceleration (m/s², bare arm), or null. */
  maxTcpSpeed: number | null;
  maxTcpAcceleration: number | null;
}

/**
 * The motion model of a robot: from its library entry (undefined for an embedded URDF) and the
 * cell's calibration override, if any.
 */
export function robotMotionModel(entry: RobotLibraryEntry | undefined, override?: MotionOverride): RobotMotionModel {
  const source: MotionSource = override ? 'calibrated' : entry?.fitted ? 'vendor-fitted' : 'assumed';
  return {
    source,
    ratedPayload: entry?.payload ?? null,
    speedScale: override?.speedScale ?? 1,
    accelerationScale: override?.accelerationScale ?? 1,
    maxTcpSpeed: entry?.performance?.maxTcpSpeed ?? null,
    maxTcpAcceleration: entry?.performance?.maxTcpAcceleration ?? null,
  };
}

/** The factor on accelerations for `load` kg carried: calibration × payload model. */
export function accelerationFactor(model: RobotMotionModel, load: number): number {
  return model.accelerationScale * payloadFactor(load, model.ratedPayload);
}

/**
 * The joint limits with `load` kg carried (tool + part) and the model's calibration applied (new
 * arrays). Jerk scales with acceleration, keeping the jerk time of limits.ts.
 */
export function limitsForLoad(base: JointMotionLimits, model: RobotMotionModel, load: number): JointMotionLimits {
  const s = model.speedScale;
  const f = accelerationFactor(model, load);
  return {
    names: base.names,
    velocity: base.velocity.map((v) => v * s),
    acceleration: base.acceleration.map((a) => a * f),
    jerk: base.jerk.map((j) => j * f),
    lower: base.lower,
    upper: base.upper,
  };
}

/** Tool speed and acceleration of a MoveL that names none: 1 m/s (a "v1000") and 4 m/s². */
export const DEFAULT_MOVEL_SPEED = 1;
export const DEFAULT_MOVEL_ACCELERATION = 4;

/**
 * The TCP speed and acceleration a MoveL runs at: what the step asks for (else 1 m/s and, when
 * the vendor states a maximum TCP acceleration, that maximum — a controller accelerates as hard
 * as it may unless told otherwise — else 4 m/s²), capped by the vendor's maxima. The calibration
 * scales and the payload factor apply to the vendor's maxima and to the default acceleration.
 */
export function tcpLimitsForLoad(
  model: RobotMotionModel,
  load: number,
  requested: { speed?: number | undefined; acceleration?: number | undefined },
): { speed: number; acceleration: number } {
  const f = accelerationFactor(model, load);
  const maxSpeed = model.maxTcpSpeed === null ? Infinity : model.maxTcpSpeed * model.speedScale;
  const maxAcceleration = model.maxTcpAcceleration === null ? Infinity : model.maxTcpAcceleration * f;
  const acceleration = requested.acceleration ?? (model.maxTcpAcceleration === null ? DEFAULT_MOVEL_ACCELERATION * f : maxAcceleration);
  return {
    speed: Math.min(requested.speed ?? DEFAULT_MOVEL_SPEED, maxSpeed),
    acceleration: Math.min(acceleration, maxAcceleration),
  };
}

/** Where the motion data of robot item `robot` in `cell` come from (for the KPI output). */
export function cellRobotMotionSource(cell: { items: readonly { id: string; type: string }[] }, robot: string): MotionSource {
  const item = cell.items.find((i) => i.id === robot && i.type === 'robot') as
    | { source: { type: string; id?: string }; motion?: MotionOverride }
    | undefined;
  if (!item) return 'assumed';
  if (item.motion) return 'calibrated';
  const entry = item.source.type === 'bundled' && item.source.id !== undefined ? findLibraryEntry(item.source.id) : undefined;
  return entry?.kind === 'robot' && entry.fitted ? 'vendor-fitted' : 'assumed';
}
