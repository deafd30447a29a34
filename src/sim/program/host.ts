/**
 * What programs and equipment ask of the simulation: robot motion, the gripper, parts and
 * sensors. The simulation (program-host.ts) implements it on its physics world, robots and body
 * table; tests can implement it with plain numbers. Robots are numbered in document order (the
 * simulation's rig index); parts by body id. Every call happens at an exact event time `time`,
 * which may fall between two physics steps.
 */
import type { JointTrajectory } from '../joint-motion';
import type { SimEvent } from '../events';

/** The simulation as programs see it (see the module comment). */
export interface ProgramHost {
  /**
   * The commanded joint values of `robot` at `time`, when its last move has ended (the move is
   * closed at its exact end values first). The array is live: copy it to keep it.
   */
  settleArm(robot: number, time: number): Float64Array;
  /** Starts `trajectory` on `robot`'s arm at `time`. */
  follow(robot: number, trajectory: JointTrajectory, time: number): void;
  /** Interim `moveJoints`: a constant-speed joint move started at `time`; returns its duration. */
  moveLinear(robot: number, q: ArrayLike<number>, speed: number, time: number): number;
  /** The part `robot` holds, or null. */
  held(robot: number): number | null;
  /** The part a grip at `time` would take (nearest to the TCP within reach), or null. */
  partAtTool(robot: number, time: number): number | null;
  /**
   * Grips at `time`: `part` when given (handed over from a station, checked only for distance),
   * else the nearest part in reach. Emits a pick (or pick-missed) event; returns the part or null.
   */
  grip(robot: number, time: number, part?: number): number | null;
  /** Releases at `time`; returns the released part or null. Emits a release event. */
  release(robot: number, time: number): number | null;
  /** Holds a loose part still (a station's fixture) or lets it go again. */
  holdPart(part: number, held: boolean): void;
  /** Distance (m) from `robot`'s TCP at `time` to the centre of `part`. */
  toolDistance(robot: number, part: number, time: number): number;
  /** Half the largest extent of `part` (m). */
  partRadius(part: number): number;
  /** A finished part reached sink `sink` at `time`: logged, and it leaves the world when `remove`. */
  finishPart(part: number, time: number, sink: string, remove: boolean): void;
  /** A part leaves the world without being finished (a pallet exchanged at a non-sink). */
  removePart(part: number, time: number): void;
  /** True while a part is in conveyor `conveyor`'s light barrier (as of the last physics step). */
  sensorOccupied(conveyor: string): boolean;
  /** Adds an event to the run's event list. */
  event(e: SimEvent): void;
}
