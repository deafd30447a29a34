/**
 * What happens during a run, as plain data: the worker posts these to the page, the CLI prints
 * them, the KPI layer counts them. Every event carries the simulated time (s) it happened at.
 *
 * Body names: fixtures and parts by their id (`table-1`, `part-7`, `conveyor-1/part-3` for a part
 * a conveyor's source made), robot links as `ROBOT/LINK` (`robot-1/forearm_link`), the links of
 * a robot's tool as `ROBOT/tool/LINK` (`robot-1/tool/base_link`), and the floor as `floor`.
 */

/** Two bodies started touching. `a` is always a robot link (the lower body id when both are). */
export interface CollisionEvent {
  type: 'collision';
  time: number;
  a: string;
  b: string;
}

/** Two bodies that were touching have separated. */
export interface CollisionEndEvent {
  type: 'collision-end';
  time: number;
  a: string;
  b: string;
}

/** A part broke the light barrier of a conveyor's sensor (`sensor` is the conveyor id). */
export interface SensorEvent {
  type: 'sensor';
  time: number;
  sensor: string;
  part: string;
}

/** A gripper took hold of a part. */
export interface PickEvent {
  type: 'pick';
  time: number;
  robot: string;
  part: string;
}

/** A gripper closed (or sucked) with no part within reach of its tool frame. */
export interface PickMissedEvent {
  type: 'pick-missed';
  time: number;
  robot: string;
}

/** A gripper let go of a part. */
export interface ReleaseEvent {
  type: 'release';
  time: number;
  robot: string;
  part: string;
}

/** A part source put a new part on its conveyor (`source` is the conveyor id). */
export interface PartCreatedEvent {
  type: 'part-created';
  time: number;
  part: string;
  source: string;
}

/** A part fell out of the world (below the floor) and was removed. */
export interface PartRemovedEvent {
  type: 'part-removed';
  time: number;
  part: string;
}

/** A finished part reached a sink (a sink conveyor's end, a sink pallet) and left the cell. */
export interface PartFinishedEvent {
  type: 'part-finished';
  time: number;
  part: string;
  /** The sink item's id. */
  sink: string;
}

/**
 * A robot's program stopped on a step it could not carry out (a target out of reach, a place
 * with nothing held…); the robot stays where it is, idle. `step` is the step's path in the file.
 */
export interface ProgramFaultEvent {
  type: 'program-fault';
  time: number;
  robot: string;
  step: string;
  message: string;
}

/** Any event of a run. Narrow on `type`. */
export type SimEvent =
  | CollisionEvent
  | CollisionEndEvent
  | SensorEvent
  | PickEvent
  | PickMissedEvent
  | ReleaseEvent
  | PartCreatedEvent
  | PartRemovedEvent
  | PartFinishedEvent
  | ProgramFaultEvent;
