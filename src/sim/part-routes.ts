/**
 * Part routes: where each part went, from its creation to the sink — the `parts` section of
 * `celltwin run --timeline` (issue 11 item 6), so anyone can follow a part through the cell.
 *
 * How an engine feeds it — either way gives the same routes:
 * - call the methods at the moments they name: {@link PartRouteRecorder.created} when a part
 *   appears (a source puts it on a belt, or it lies in the cell at 0 s), {@link PartRouteRecorder.handover}
 *   whenever something else takes it (a gripper picks it, a robot puts it into a machine, on a
 *   pallet slot, on a belt), {@link PartRouteRecorder.finished} when it leaves through a sink and
 *   {@link PartRouteRecorder.removed} when it is lost;
 * - or pass every {@link SimEvent} of the run to {@link PartRouteRecorder.observe}: `part-created`,
 *   `pick`, `release`, `part-finished` and `part-removed` carry all of the above. The physics
 *   engine is fed this way by the CLI (the events are drained anyway); a release names only the
 *   robot that let go, so the next stop shows who took the part next.
 *
 * Plain data, no engine state: the recorder can live outside the simulation.
 */
import type { SimEvent } from './events';

/** One stop on a part's route: at `time` it came to `at` (a conveyor, robot, machine, pallet, sink). */
export interface RouteStop {
  time: number;
  /** `created` at a source or a starting place, `picked`/`placed` by a robot, `finished` at a sink, `removed`. */
  event: 'created' | 'picked' | 'placed' | 'finished' | 'removed';
  /** Where the part is from then on; for `placed` without a known place, the robot that let go. */
  at: string;
}

/** A part's life: when it appeared, when it left the cell (null: still inside), and its stops. */
export interface PartRoute {
  id: string;
  created: number;
  finished: number | null;
  route: RouteStop[];
}

/** Records part routes (see the module comment). */
export class PartRouteRecorder {
  private readonly parts = new Map<string, PartRoute>();

  /** Part `part` appeared at `time` at `at` (a source's conveyor, or where it lies in the cell). */
  created(part: string, time: number, at: string): void {
    if (this.parts.has(part)) return;
    this.parts.set(part, { id: part, created: time, finished: null, route: [{ time, event: 'created', at }] });
  }

  /** `to` took `part` at `time`: `picked` by a gripper, `placed` into a machine, pallet or onto a belt. */
  handover(part: string, time: number, to: string, event: 'picked' | 'placed' = 'picked'): void {
    this.routeOf(part).route.push({ time, event, at: to });
  }

  /** `part` left the cell through sink `sink` at `time`. */
  finished(part: string, time: number, sink: string): void {
    const r = this.routeOf(part);
    r.finished = time;
    r.route.push({ time, event: 'finished', at: sink });
  }

  /** `part` was lost at `time` (fell out of the world). */
  removed(part: string, time: number): void {
    const r = this.routeOf(part);
    if (r.finished === null) r.route.push({ time, event: 'removed', at: 'world' });
  }

  /** Takes what an event says about parts (see the module comment); other events are ignored. */
  observe(e: SimEvent): void {
    switch (e.type) {
      case 'part-created':
        this.created(e.part, e.time, e.source);
        break;
      case 'pick':
        this.handover(e.part, e.time, e.robot, 'picked');
        break;
      case 'release':
        this.handover(e.part, e.time, e.robot, 'placed');
        break;
      case 'part-finished':
        this.finished(e.part, e.time, e.sink);
        break;
      case 'part-removed':
        this.removed(e.part, e.time);
        break;
      default:
        break;
    }
  }

  /** Every part's route, in order of creation (ties: by id). */
  routes(): PartRoute[] {
    return [...this.parts.values()].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** A part first heard of in a handover lay in the cell from the start. */
  private routeOf(part: string): PartRoute {
    let r = this.parts.get(part);
    if (!r) {
      r = { id: part, created: 0, finished: null, route: [{ time: 0, event: 'created', at: 'cell' }] };
      this.parts.set(part, r);
    }
    return r;
  }
}
