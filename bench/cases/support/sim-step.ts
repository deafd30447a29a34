/**
 * Issue 5 benchmark rows: simulation steps of a cell, ours against raw Rapier doing the same
 * physics.
 *
 * - ours: `Simulation.step()` — programs, forward kinematics of every robot link, kinematic
 *   targets, part sources, belts, Rapier's step, contact and sensor events (drained as
 *   `celltwin run` does);
 * - reference: a raw Rapier `World` with the same bodies and colliders — Rapier's own restore of
 *   our physics snapshot taken after a simulated warm-up, so bodies, colliders, poses and sleep
 *   states are identical — stepped in a bare loop. So that it moves the same links the same way,
 *   the loop replays the link poses our simulation produced, recorded step by step before timing
 *   (a link whose pose did not change gets no target, as ours lets idle robots sleep), and it
 *   moves parts lying on a belt at the belt's speed the cheapest way (a point-in-rectangle test
 *   on each part's position, then setLinvel), because without that Rapier puts the parts to
 *   sleep and does far less work than a running cell. It does no forward kinematics, no contact
 *   queries for the belts, no events: that is what the ratio charges to us.
 *
 * The notes give the real-time factor (simulated seconds per wall second) and ms per step.
 */
import type { Cell, ConveyorItem } from '../../../src/model/cell';
import { initRapier } from '../../../src/physics/rapier';
import type { Simulation } from '../../../src/sim/simulation';
import { defineCase, type BenchCase } from '../../harness';
import { simulate } from './sim-cells';

/** Steps per timed call (0.1 s at 1/240 s): enough that a call is not only loop overhead. */
const STEPS_PER_CALL = 24;

/** Options of a step row. */
export interface StepCaseOptions {
  name: string;
  label: string;
  cell: () => Cell;
  /** Simulated seconds run before the snapshot (parts settle, robots get going). */
  warmup: number;
  /** Simulated seconds of link poses recorded for the replay; the replay loops over them. */
  record: number;
  rounds?: number;
}

/** Link poses of `steps` consecutive steps of `sim`: 7 numbers per link per step. */
function recordLinks(sim: Simulation, links: readonly string[], steps: number): Float64Array {
  const track = new Float64Array(steps * links.length * 7);
  for (let k = 0; k < steps; k++) {
    sim.step();
    sim.drainEvents();
    links.forEach((name, j) => track.set(sim.bodyPose(name)!, (k * links.length + j) * 7));
  }
  return track;
}

/** A belt as the reference sees it: its top rectangle in its own frame and its velocity. */
interface NaiveBelt {
  cx: number;
  cy: number;
  c: number;
  s: number;
  hx: number;
  hy: number;
  top: number;
  vx: number;
  vy: number;
}

function naiveBelts(cell: Cell): NaiveBelt[] {
  return cell.items
    .filter((i): i is ConveyorItem => i.type === 'conveyor')
    .map((b) => {
      const yaw = b.pose.rpy[2];
      const c = Math.cos(yaw);
      const s = Math.sin(yaw);
      return { cx: b.pose.xyz[0], cy: b.pose.xyz[1], c, s, hx: b.length / 2, hy: b.width / 2, top: b.pose.xyz[2] + b.height, vx: c * b.speed, vy: s * b.speed };
    });
}

/** The belt a point lies on (within 10 cm above its top), or undefined. */
function beltUnder(belts: readonly NaiveBelt[], x: number, y: number, z: number): NaiveBelt | undefined {
  return belts.find((b) => {
    const lx = (x - b.cx) * b.c + (y - b.cy) * b.s;
    const ly = -(x - b.cx) * b.s + (y - b.cy) * b.c;
    return Math.abs(lx) <= b.hx && Math.abs(ly) <= b.hy && z >= b.top && z <= b.top + 0.1;
  });
}

/** A step-rate row (see the module comment). */
export function stepCase(options: StepCaseOptions): BenchCase {
  const free: Array<() => void> = [];
  let dt = 0;
  return defineCase({
    name: options.name,
    ours: `Simulation.step() × ${STEPS_PER_CALL} on ${options.label}: programs, FK of every link, sources, belts, Rapier step, contact/sensor events`,
    reference: `raw Rapier World.step() × ${STEPS_PER_CALL} on the same bodies and colliders (restored from our snapshot), replaying our link poses as kinematic targets, parts on belts set to belt speed, bare loop`,
    ...(options.rounds === undefined ? {} : { rounds: options.rounds }),
    async setup() {
      const R = await initRapier();
      const cell = options.cell();
      const belts = naiveBelts(cell);
      const sim = await simulate(cell);
      free.push(() => sim.free());
      sim.runUntil(options.warmup);
      sim.drainEvents();
      dt = sim.dt;
      const snapshot = sim.snapshot();
      // The adapter's table of Rapier handles by body id (physics/rapier-world.ts AdapterState).
      const handles = (snapshot.physics.adapter as { handles: (number | null)[] }).handles;
      const linkInfos = sim.bodies().filter((b) => b.kind === 'link');
      const steps = Math.round(options.record / dt);
      const track = recordLinks(sim, linkInfos.map((b) => b.name), steps);

      const world = R.World.restoreSnapshot(snapshot.physics.world);
      if (!world) throw new Error('Rapier could not restore the snapshot');
      free.push(() => world.free());
      const bodies = linkInfos.map((b) => world.getRigidBody(handles[b.id]!));
      const parts = sim.bodies().filter((b) => b.kind === 'part' && handles[b.id] !== null && handles[b.id] !== undefined).map((b) => world.getRigidBody(handles[b.id]!));
      const n = bodies.length;
      let k = 0;
      const replayStep = () => {
        const o = k * n * 7;
        const prev = ((k + steps - 1) % steps) * n * 7;
        for (let j = 0; j < n; j++) {
          const a = o + j * 7;
          let moved = false;
          for (let c = 0; c < 7 && !moved; c++) moved = track[a + c] !== track[prev + j * 7 + c];
          if (!moved) continue;
          const body = bodies[j]!;
          body.setNextKinematicTranslation({ x: track[a]!, y: track[a + 1]!, z: track[a + 2]! });
          body.setNextKinematicRotation({ x: track[a + 3]!, y: track[a + 4]!, z: track[a + 5]!, w: track[a + 6]! });
        }
        for (const part of parts) {
          const t = part.translation();
          const belt = beltUnder(belts, t.x, t.y, t.z);
          if (belt) part.setLinvel({ x: belt.vx, y: belt.vy, z: part.linvel().z }, true);
        }
        world.step();
        k = (k + 1) % steps;
      };
      return {
        units: STEPS_PER_CALL,
        ours: () => {
          sim.step(STEPS_PER_CALL);
          return sim.drainEvents().length;
        },
        reference: () => {
          for (let i = 0; i < STEPS_PER_CALL; i++) replayStep();
          return k;
        },
        metrics: { bodies: world.bodies.len(), colliders: world.colliders.len(), links: n, dt },
      };
    },
    teardown() {
      for (const f of free.splice(0)) f();
    },
    notes(row) {
      const rtf = (dt * 1000) / row.ours_ms;
      const rawRtf = (dt * 1000) / row.reference_ms;
      return `${row.ours_ms.toFixed(4)} ms/step, ${rtf.toFixed(1)}× real time (raw Rapier ${rawRtf.toFixed(1)}×); ${row.metrics?.['bodies'] ?? '?'} bodies`;
    },
  });
}
