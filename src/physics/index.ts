/** The physics layer: Rapier behind the simulation's PhysicsWorld interface. */
export { initRapier, type Rapier } from './rapier';
export { RapierPhysics, rapierPhysicsFactory } from './rapier-world';
export { createSimulation, type CreateSimulationOptions } from './create-simulation';
