/**
 * Turns what the physics reports after a step into events: touch changes between bodies become
 * `collision` / `collision-end` (after rule 4 of collision-filter.ts: a robot and the part it
 * holds never collide), parts entering a conveyor's light curtain become `sensor` events. Keeps
 * which pairs are touching and which parts are in each curtain, as plain data for snapshots.
 */
import type { BodyInfo } from './body-plan';
import type { SimEvent } from './events';
import type { Grippers } from './grippers';
import type { PhysicsWorld } from './physics-port';

const pairKey = (a: number, b: number): number => (a < b ? a * 1048576 + b : b * 1048576 + a);

/** Plain-data form, for snapshots. */
export interface ContactEventsState {
  /** Pairs reported as touching, by pair key. */
  touching: number[];
  /** Per sensor body: the parts inside its curtain. */
  sensors: { body: number; inside: number[] }[];
}

/** Collision and sensor bookkeeping of a simulation. */
export class ContactEvents {
  private touching = new Set<number>();
  private readonly inside = new Map<number, Set<number>>();

  /** @param sensorBodies bodies (conveyors) that carry a sensor */
  constructor(sensorBodies: readonly number[]) {
    for (const body of sensorBodies) this.inside.set(body, new Set());
  }

  /**
   * Drains the physics' reports of the step that ended at `t` into `out`. Sensor overlaps are
   * found on the poses at the start of the step (physics-port.ts), so they get `t − dt`.
   */
  collect(physics: PhysicsWorld, t: number, dt: number, infos: readonly BodyInfo[], grippers: Grippers, out: SimEvent[]): void {
    physics.drainContacts((a, b, touching) => {
      const key = pairKey(a, b);
      if (!touching) {
        if (this.touching.delete(key)) out.push({ type: 'collision-end', time: t, ...pairNames(infos, a, b) });
        return;
      }
      const holderA = grippers.holderOf(a);
      const holderB = grippers.holderOf(b);
      if ((holderA !== null && infos[b]?.item === holderA) || (holderB !== null && infos[a]?.item === holderB)) return;
      if (this.touching.has(key)) return;
      this.touching.add(key);
      out.push({ type: 'collision', time: t, ...pairNames(infos, a, b) });
    });
    physics.drainSensors((sensor, part, entered) => {
      const inside = this.inside.get(sensor);
      if (!inside) return;
      if (!entered) {
        inside.delete(part);
        return;
      }
      inside.add(part);
      out.push({ type: 'sensor', time: t - dt, sensor: infos[sensor]!.name, part: infos[part]!.name });
    });
  }

  /** True while a part is inside the curtain of sensor body `body`. */
  occupied(body: number): boolean {
    return (this.inside.get(body)?.size ?? 0) > 0;
  }

  /** Forgets a removed part. */
  forget(part: number): void {
    for (const inside of this.inside.values()) inside.delete(part);
  }

  /** The state as plain data. */
  save(): ContactEventsState {
    return { touching: [...this.touching], sensors: [...this.inside].map(([body, inside]) => ({ body, inside: [...inside] })) };
  }

  /** Puts back a saved state. */
  load(state: ContactEventsState): void {
    this.touching = new Set(state.touching);
    for (const { body, inside } of state.sensors) this.inside.set(body, new Set(inside));
  }
}

/** Names of a colliding pair: the robot link first, the lower id first when both are links. */
function pairNames(infos: readonly BodyInfo[], a: number, b: number): { a: string; b: string } {
  const ia = infos[a]!, ib = infos[b]!;
  const first = ia.kind === 'link' && (ib.kind !== 'link' || a < b) ? ia : ib;
  return first === ia ? { a: ia.name, b: ib.name } : { a: ib.name, b: ia.name };
}
