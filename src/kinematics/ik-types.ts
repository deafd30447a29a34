/**
 * The data types of inverse kinematics (ik.ts): targets, options, results and closed-form
 * branches. Lengths in metres, angles in radians, joint vectors in ForwardKinematics input order.
 */
import type { Vec3 } from '../model/geometry';
import type { Quaternion } from './pose-error';

/** A target for the tip in the base frame; without `quaternion` only the position is solved. */
export interface IkTarget {
  position: Vec3;
  /** Orientation [x, y, z, w] (normalised here). */
  quaternion?: Quaternion;
}

/** Tuning of one solve; every field has a default. */
export interface IkOptions {
  /** Solve the position only (default: true when the target has no quaternion). */
  positionOnly?: boolean;
  /** Converged at or below this position error (m). Default 1e-8. */
  positionTolerance?: number;
  /** Converged at or below this orientation error (rad). Default 1e-7. */
  orientationTolerance?: number;
  /** DLS iterations per attempt. Default 100. */
  maxIterations?: number;
  /** Random restarts after the attempt from the seed. Default 24; 0 for live dragging. */
  restarts?: number;
  /** Converged restart solutions to compare before taking the one nearest the seed. Default 3. */
  candidates?: number;
  /** Seed of the restart RNG. Default 1. */
  randomSeed?: number;
  /** Try the closed form first when the chain has one. Default true. */
  closedForm?: boolean;
}

/** What a solve found. */
export interface IkResult {
  /** All input joints (ForwardKinematics order); joints off the chain keep their seed values. */
  q: number[];
  /** Distance (m) between the tip and the target. */
  positionError: number;
  /** Angle (rad) between the tip's and the target's orientation; 0 for position-only solves. */
  orientationError: number;
  /** DLS iterations spent over all attempts (0 for an exact closed-form answer). */
  iterations: number;
  converged: boolean;
  /** The closed-form branch (0–7: 4·shoulder + 2·elbow + wrist) when the closed form answered. */
  branch?: number;
  method: 'closed-form' | 'numerical';
}

/** One closed-form branch, for a UI that lets the user pick a configuration. */
export interface IkBranch {
  branch: number;
  /** All input joints; arm joints moved to their equivalents nearest the seed where possible. */
  q: number[];
  /** False when some joint has no equivalent within its limits. */
  withinLimits: boolean;
}
