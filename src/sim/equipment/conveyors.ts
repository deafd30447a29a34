/**
 * What conveyors do beyond running: an accumulating conveyor stops its belt while a part is in
 * its sensor's light barrier (the part waits there to be picked, the parts behind it wait on the
 * stopped belt) and starts again when the barrier is clear; a sink conveyor's outfeed (+x) end is
 * the cell's exit, where parts are finished and leave the world.
 *
 * Both act on the physics step grid (the sensor is physics): the belt speed for the coming step
 * follows the barrier as the last step left it. The physics adapter reads each belt's speed from
 * its BeltPlan every step (physics-port.ts), so stopping is setting that speed to 0.
 *
 * An accumulating conveyor records `running` and `blocked` (stopped: its front part is not taken
 * yet) in the activity log, under kind `conveyor`.
 */
import { mat4Create, mat4FromXyzRpy, mat4InvertRigid, mat4MultiplyRigid, type Mat4 } from '../../kinematics/mat4';
import type { ActivityRecorder } from '../activity';
import type { ConveyorModel } from '../cell-model';
import type { BeltPlan } from '../physics-port';
import { mat4FromPose } from '../pose';

/** Reads the live parts: body id, its world pose (7 numbers) and its half extents. */
export interface PartProbe {
  /** Calls `visit` for each part that is in the world and not held. */
  forEachLoosePart(visit: (id: number, pose: Float64Array, half: readonly [number, number, number]) => void): void;
}

interface Sink {
  conveyor: ConveyorModel;
  /** World → conveyor frame. */
  inverse: Mat4;
}

/** Accumulation and sinks of a cell's conveyors. */
export class ConveyorControl {
  private readonly accumulating: { conveyor: ConveyorModel; belt: BeltPlan }[] = [];
  private readonly sinks: Sink[] = [];
  private readonly partM = mat4Create();
  private readonly local = mat4Create();
  /** Per accumulating conveyor: whether its belt is stopped. */
  stopped: boolean[] = [];

  constructor(
    conveyors: readonly ConveyorModel[],
    belts: readonly BeltPlan[],
    private readonly recorder: ActivityRecorder,
  ) {
    for (const c of conveyors) {
      const belt = belts.find((b) => b.body === c.body);
      if (c.item.sensor?.accumulate && belt) this.accumulating.push({ conveyor: c, belt });
      if (c.item.sink) {
        const m = mat4FromXyzRpy(mat4Create(), c.item.pose.xyz, c.item.pose.rpy);
        this.sinks.push({ conveyor: c, inverse: mat4InvertRigid(m, m) });
      }
    }
    this.stopped = this.accumulating.map(() => false);
  }

  /** Records the first states at `time`. */
  start(time: number): void {
    this.accumulating.forEach((_, i) => this.record(i, time));
  }

  /** Sets the belts for the coming step from the sensors (`occupied(conveyorBody)`) at `time`. */
  update(occupied: (body: number) => boolean, time: number): void {
    this.accumulating.forEach(({ conveyor, belt }, i) => {
      const stop = occupied(conveyor.body);
      belt.speed = stop ? 0 : conveyor.item.speed;
      if (stop !== this.stopped[i]) {
        this.stopped[i] = stop;
        this.record(i, time);
      }
    });
  }

  /** Puts back saved belt states (after a restore). */
  load(stopped: readonly boolean[]): void {
    this.stopped = [...stopped];
    this.accumulating.forEach(({ conveyor, belt }, i) => (belt.speed = this.stopped[i] ? 0 : conveyor.item.speed));
  }

  /**
   * The loose parts that reached a sink's outfeed end: their centre within half their length of
   * the end, over the belt. Returns [part, sink conveyor id] pairs.
   */
  arrivals(parts: PartProbe): [number, string][] {
    if (this.sinks.length === 0) return [];
    const out: [number, string][] = [];
    parts.forEachLoosePart((id, pose, half) => {
      const world = mat4FromPose(this.partM, pose);
      for (const sink of this.sinks) {
        const p = mat4MultiplyRigid(this.local, sink.inverse, world);
        const { length, width, height } = sink.conveyor.item;
        const x = p[12]!, y = p[13]!, z = p[14]!;
        if (x >= length / 2 - half[0] && Math.abs(y) <= width / 2 && z >= height - 0.01 && z <= height + 2 * half[2] + 0.05) {
          out.push([id, sink.conveyor.item.id]);
          break;
        }
      }
    });
    return out;
  }

  private record(i: number, time: number): void {
    this.recorder.enter(this.accumulating[i]!.conveyor.item.id, 'conveyor', this.stopped[i] ? 'blocked' : 'running', time);
  }
}
