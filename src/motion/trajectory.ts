/**
 * What the simulation asks of any planned motion: how long it lasts and the joint values (and
 * rates) at a time. MoveJ, MoveL/MoveC and blended sequences all implement it, so the physics
 * step poses a robot the same way whatever the program said.
 */

/** A writable vector of joint values: a preallocated Float64Array in per-step code. */
export type JointVector = Float64Array | number[];

/** A timed joint-space motion, from t = 0 to t = duration. */
export interface JointTrajectory {
  /** Number of joints (the robot's input joints, in `activeJoints` order). */
  readonly dof: number;
  /** Total time (s). */
  readonly duration: number;
  /** Joint values at t = 0. */
  readonly start: Float64Array;
  /** Joint values at t = duration. */
  readonly end: Float64Array;
  /**
   * Joint values at time `t` (clamped to [0, duration]) into `outQ`, and optionally velocities
   * into `outQd` and accelerations into `outQdd`. Allocation-free: called every physics step.
   */
  sample(t: number, outQ: JointVector, outQd?: JointVector, outQdd?: JointVector): void;
}

/**
 * A single move that can be blended with its neighbours (see blend.ts): it starts and ends at
 * rest, and knows how long its start and stop phases last and how long it spends near its ends.
 */
export interface BlendableMove extends JointTrajectory {
  /** Duration of the start phase (rest → cruise). */
  readonly rampIn: number;
  /** Duration of the stop phase (cruise → rest). */
  readonly rampOut: number;
  /** Times inside the move where its timing profile changes segment (see MotionProfile.breakpoints). */
  readonly breakpoints: readonly number[];
  /**
   * Time the move spends within `radius` of its start (equally, by symmetry, of its end),
   * measured along its own path: joint-space distance (rad, Euclidean over the joints) for
   * MoveJ, tool-path length (m) for MoveL/MoveC.
   */
  timeWithin(radius: number): number;
}
