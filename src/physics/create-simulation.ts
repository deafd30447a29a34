/**
 * Wiring: a {@link Simulation} on Rapier, the one call the worker, the CLI and the tests make.
 * The simulation (sim/) knows physics only through the PhysicsWorld interface; this layer,
 * above it, loads Rapier and passes the adapter in.
 */
import type { Cell } from '../model/cell';
import type { SimulationRobots } from '../sim/cell-model';
import { Simulation, type SimulationOptions } from '../sim/simulation';
import { initRapier } from './rapier';
import { rapierPhysicsFactory } from './rapier-world';

/** Options of {@link createSimulation}: those of Simulation, without the physics factory. */
export type CreateSimulationOptions = Omit<SimulationOptions, 'physics'>;

/**
 * Loads Rapier (once per context) and builds a simulation of `cell`. `robots` holds each robot
 * item's RobotDescription by item id and the tools' by bundled tool id. Free it when done.
 *
 * @example
 * const sim = await createSimulation(cell, { robots: new Map([['robot-1', ur10e]]), tools });
 * sim.runUntil(10);
 * console.log(sim.stateHash(), sim.drainEvents());
 * sim.free();
 */
export async function createSimulation(cell: Cell, robots: SimulationRobots, options: CreateSimulationOptions = {}): Promise<Simulation> {
  const R = await initRapier();
  return new Simulation(cell, robots, { ...options, physics: rapierPhysicsFactory(R) });
}
