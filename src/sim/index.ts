/**
 * The simulation layer: a deterministic engine for a cell (robots posed by forward kinematics,
 * parts, belts, grippers, sensors, collision events), robot programs and equipment (program/,
 * equipment/) with their activity log, frames for the renderer, state hashes and snapshots. It reaches the physics engine only through `PhysicsWorld` (physics-port.ts);
 * physics/createSimulation wires in Rapier.
 */
export { Simulation, SimulationCore, GRAVITY, REMOVE_BELOW, type PartCounts, type ProgramStatus, type SimulationOptions } from './simulation';
export { ActivityRecorder, type ActivityInterval, type ActivityLog, type MachineState, type OperatorState, type RecorderData, type ResourceKind, type RobotState } from './activity';
export type { ControllerState } from './program/controller';
export { slotCount, slotOffset, TargetFrames, type PalletPattern } from './targets';
export { DEFAULT_TCP_ACCELERATION, DEFAULT_TCP_SPEED } from './robot-motion';
export type { SimulationRobots } from './cell-model';
export type { BodyInfo, BodyKind, BodyPlan, ColliderPlan, ColliderRole, ShapeSpec } from './body-plan';
export type * from './events';
export * from './frame-layout';
export { JointDriver, LinearJointMove, SampledTrajectory, type JointTrajectory } from './joint-motion';
export { CellContentError } from './errors';
export type { BeltPlan, PartHit, PhysicsFactory, PhysicsSetup, PhysicsSnapshot, PhysicsWorld } from './physics-port';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SimulationSnapshot, type SimulationState } from './snapshot';
export { StateHasher } from './state-hash';
export { Rng } from './rng';
export type { MeshVertexSource } from './link-shapes';
export { GRIP_REACH } from './grippers';
