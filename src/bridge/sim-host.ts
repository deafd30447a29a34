/**
 * Runs a simulation for the page: in the worker (workers/sim.worker.ts), or on the main thread
 * when workers are unavailable. It paces steps against a wall clock it is given — the simulation
 * itself never reads one — publishes frames, forwards events and takes periodic checkpoints so a
 * crashed worker can resume where it was.
 */
import { createEngine, type CellEngine, type EngineKind } from '../physics/create-engine';
import type { Cell } from '../model';
import type { CollisionAt } from '../sim/kpi/collision-steps';
import { computeKpis } from '../sim/kpi/compute';
import { cellStallLocator } from '../sim/kpi/stall-where';
import { timelineFile } from '../sim/kpi/timeline-file';
import { PartRouteRecorder } from '../sim/part-routes';
import { SharedFrameWriter } from './frame-channel';
import type { FromSim, SimSpeed, ToSim } from './sim-protocol';

/** What the host needs from where it runs. */
export interface HostEnvironment {
  post(message: FromSim, transfer?: Transferable[]): void;
  /** Wall-clock milliseconds (performance.now). */
  now(): number;
  /** Runs `fn` soon (setTimeout 0 in a worker). */
  schedule(fn: () => void): void;
}

/** Wall time one tick may spend stepping, so the worker stays responsive to messages. */
const TICK_BUDGET_MS = 12;
/** Simulated seconds between checkpoints while running. */
const CHECKPOINT_EVERY_S = 5;
const STATUS_EVERY_MS = 100;
/** Wall time between frames sent to the page during an analysis run. */
const ANALYSIS_FRAME_MS = 250;
/** KPIs are recomputed from the whole log: about once a second is plenty for a dashboard. */
const KPIS_EVERY_MS = 1000;
/** Collisions the worker keeps for the KPIs to name their steps (the count covers them all). */
const KEPT_COLLISIONS = 500;
/** The Gantt chart needs the recent past, not hours of it: the newest intervals only. */
const MAX_INTERVALS_SENT = 4000;

export class SimHost {
  /** The running cell, on the engine the cell asks for (events unless it says physics). */
  private sim: (CellEngine & { readonly engine: EngineKind }) | null = null;
  private writer: SharedFrameWriter | null = null;
  private spare: ArrayBuffer[] = [];
  private frame = new Float32Array(0);
  private running = false;
  private speed: SimSpeed = 1;
  private lastTick = 0;
  private carry = 0;
  private lastStatus = 0;
  private lastCheckpoint = 0;
  private rtfWindow = { wall: 0, sim: 0, factor: 0 };
  private knownBodies = 0;
  private cell: Cell | null = null;
  private lastKpis = 0;
  /** End time of an analysis run in progress (run-until), else null. */
  private until: number | null = null;
  private lastAnalysisFrame = 0;

  /** Where each part went, from the events (the timeline export's `parts`). */
  private routes = new PartRouteRecorder();
  /** The run's latest collisions (at most {@link KEPT_COLLISIONS}) for the KPIs to name their steps, and how many there were. */
  private collisions: CollisionAt[] = [];
  private collisionCount = 0;

  constructor(private readonly env: HostEnvironment) {}

  /** Handles one message from the page. */
  async handle(msg: ToSim): Promise<void> {
    try {
      switch (msg.type) {
        case 'load':
          return await this.load(msg);
        case 'play':
          this.endAnalysis();
          return this.start();
        case 'run-until':
          if (!this.sim || msg.until <= this.sim.time) return this.env.post({ type: 'analysis', run: null });
          this.until = msg.until;
          this.env.post({ type: 'analysis', run: { from: this.sim.time, until: msg.until } });
          return this.start();
        case 'pause':
          this.running = false;
          this.kpis();
          this.status();
          return this.endAnalysis();
        case 'step':
          this.advance(msg.steps);
          this.kpis();
          return this.status();
        case 'speed':
          this.speed = msg.speed;
          return;
        case 'joint-targets':
          this.sim?.setJointTargets(msg.robot, msg.q);
          return;
        case 'hash':
          if (this.sim) this.env.post({ type: 'hash', hash: this.sim.stateHash(), step: this.sim.stepCount, time: this.sim.time });
          return;
        case 'return-frame':
          this.spare.push(msg.buffer);
          return;
        case 'timeline':
          if (this.sim) this.env.post({ type: 'timeline', timeline: timelineFile(this.sim.activityLog(), this.routes.routes()) });
          return;
        case 'crash-for-test':
          throw new Error('crash requested by a test');
      }
    } catch (e) {
      this.running = false;
      this.env.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      if (msg.type === 'crash-for-test') throw e;
    }
  }

  /** Starts the stepping loop (a second start while running keeps the one loop). */
  private start(): void {
    const wasRunning = this.running;
    this.running = true;
    this.lastTick = this.env.now();
    this.carry = 0;
    if (!wasRunning) this.env.schedule(() => this.tick());
    this.status();
  }

  private async load(msg: Extract<ToSim, { type: 'load' }>): Promise<void> {
    this.running = false;
    this.sim?.free();
    this.sim = null;
    this.routes = new PartRouteRecorder();
    this.collisions = msg.restore ? [...msg.restore.collisions.latest] : [];
    this.collisionCount = msg.restore?.collisions.count ?? 0;
    const sim = await createEngine(msg.cell, { robots: new Map(msg.robots), tools: new Map(msg.tools) });
    if (msg.restore) sim.restore(msg.restore.snapshot as never);
    this.sim = sim;
    this.cell = msg.cell;
    const length = sim.frameLength();
    this.frame = new Float32Array(length);
    this.writer = msg.frames ? new SharedFrameWriter(msg.frames) : null;
    if (this.writer && this.writer.capacity < length * 4) this.writer = null; // too small for growth: use transfers
    this.spare = this.writer ? [] : [new ArrayBuffer(length * 4), new ArrayBuffer(length * 4)];
    this.lastCheckpoint = sim.time;
    this.knownBodies = sim.bodies().length;
    this.env.post({ type: 'ready', bodies: [...sim.bodies()], joints: sim.jointLayout(), frameLength: length, warnings: [...sim.warnings], dt: sim.dt });
    this.publish();
    this.status();
  }

  private tick(): void {
    if (!this.running || !this.sim) return;
    const now = this.env.now();
    const wall = now - this.lastTick;
    this.lastTick = now;
    const dt = this.sim.dt;
    const start = this.env.now();
    const before = this.sim.time;
    if (this.until !== null) {
      // Analysis: as fast as possible up to the end time; one frame per tick is enough to watch.
      const left = Math.round((this.until - this.sim.time) / dt);
      let done = 0;
      while (done < left && this.env.now() - start < TICK_BUDGET_MS) {
        // The events engine jumps from event to event: 10 s chunks; the physics engine steps.
        const n = Math.min(left - done, this.sim.engine === 'events' ? Math.max(48, Math.round(10 / dt)) : 48);
        this.advance(n, false);
        done += n;
      }
      // A few frames a second are enough to watch a fast-forward; each one costs the page a
      // render, which on a small machine takes the CPU the analysis needs.
      const reachedEnd = this.sim.time >= this.until - dt / 2;
      if (reachedEnd || now - this.lastAnalysisFrame >= ANALYSIS_FRAME_MS) {
        this.lastAnalysisFrame = now;
        this.publish();
      }
      if (reachedEnd) return this.finishAnalysis();
    } else if (this.speed === 'max') {
      while (this.env.now() - start < TICK_BUDGET_MS) this.advance(24, false);
      this.publish();
    } else {
      this.carry += (wall / 1000) * this.speed;
      let steps = Math.floor(this.carry / dt);
      this.carry -= steps * dt;
      // Falling behind real time: do what fits in the budget and let the rest go (reported as RTF).
      while (steps > 0 && this.env.now() - start < TICK_BUDGET_MS) {
        const n = Math.min(steps, 24);
        this.advance(n);
        steps -= n;
      }
      if (steps > 0) this.carry = 0;
    }
    this.measure(wall, this.sim.time - before);
    if (now - this.lastStatus > STATUS_EVERY_MS) this.status();
    if (now - this.lastKpis > KPIS_EVERY_MS) this.kpis();
    if (this.sim.time - this.lastCheckpoint >= CHECKPOINT_EVERY_S) {
      this.lastCheckpoint = this.sim.time;
      this.env.post({ type: 'checkpoint', checkpoint: { snapshot: this.sim.snapshot(), collisions: { count: this.collisionCount, latest: this.latestCollisions() } } });
    }
    this.env.schedule(() => this.tick());
  }

  /** The analysis run reached its end: pause there and report the final numbers. */
  private finishAnalysis(): void {
    this.running = false;
    this.kpis();
    this.status();
    this.endAnalysis();
  }

  /** Tells the page that the analysis run in progress (if any) is over. */
  private endAnalysis(): void {
    if (this.until === null) return;
    this.until = null;
    this.env.post({ type: 'analysis', run: null });
  }

  private advance(steps: number, publish = true): void {
    if (!this.sim || steps <= 0) return;
    this.sim.step(steps);
    const bodies = this.sim.bodies();
    if (bodies.length > this.knownBodies) {
      this.env.post({ type: 'bodies', bodies: bodies.slice(this.knownBodies) });
      this.knownBodies = bodies.length;
    }
    const events = this.sim.drainEvents();
    for (const e of events) {
      this.routes.observe(e);
      if (e.type === 'collision') this.keepCollision(e);
    }
    if (events.length > 0) this.env.post({ type: 'events', events });
    if (publish) this.publish();
  }

  private keepCollision(c: CollisionAt): void {
    this.collisionCount++;
    this.collisions.push({ time: c.time, a: c.a, b: c.b });
    // Dropping the older half at once keeps the list bounded without shifting it at every collision.
    if (this.collisions.length > 2 * KEPT_COLLISIONS) this.collisions = this.collisions.slice(-KEPT_COLLISIONS);
  }

  private latestCollisions(): CollisionAt[] {
    return this.collisions.length > KEPT_COLLISIONS ? this.collisions.slice(-KEPT_COLLISIONS) : this.collisions;
  }

  private publish(): void {
    if (!this.sim) return;
    const need = this.sim.frameLength();
    if (this.frame.length < need) this.frame = new Float32Array(need * 2); // parts arrived: grow with room
    this.sim.writeFrame(this.frame); // returns the body count; the length is `need`
    const length = need;
    if (this.writer && length > this.writer.capacity) {
      // More parts than the shared buffer holds: continue with transferred buffers.
      this.writer = null;
      this.spare = [new ArrayBuffer(this.frame.length * 4), new ArrayBuffer(this.frame.length * 4)];
    }
    if (this.writer) {
      this.writer.publish(this.frame, length);
      return;
    }
    let buffer = this.spare.pop();
    if (!buffer) return; // the page still holds both buffers: it will get the next frame
    if (buffer.byteLength < length * 4) buffer = new ArrayBuffer(this.frame.length * 4);
    new Float32Array(buffer).set(this.frame.subarray(0, length));
    this.env.post({ type: 'frame', buffer, length }, [buffer]);
  }

  private measure(wallMs: number, simS: number): void {
    const w = this.rtfWindow;
    w.wall += wallMs;
    w.sim += simS;
    if (w.wall > 500) {
      w.factor = w.sim / (w.wall / 1000);
      w.wall = 0;
      w.sim = 0;
    }
  }

  private kpis(): void {
    if (!this.sim || !this.cell) return;
    this.lastKpis = this.env.now();
    const log = this.sim.activityLog();
    const sim = this.sim;
    // Stalls name the step a robot is stuck on and what it waits for (sim/kpi/stall-where.ts).
    const stallWhere = cellStallLocator(this.cell, (robot) => sim.programStatus(robot)?.step ?? null, (zone) => sim.zoneHolder(zone));
    const kpis = computeKpis(log, this.cell, { stallWhere, collisions: this.latestCollisions(), collisionCount: this.collisionCount });
    this.env.post({ type: 'kpis', kpis, intervals: log.intervals.slice(-MAX_INTERVALS_SENT), time: this.sim.time });
  }

  private status(): void {
    if (!this.sim) return;
    this.lastStatus = this.env.now();
    const sim = this.sim;
    const programs = (this.cell?.programs ?? []).flatMap((p) => {
      const s = sim.programStatus(p.robot);
      return s ? [{ robot: p.robot, ...s }] : [];
    });
    this.env.post({ type: 'status', time: sim.time, step: sim.stepCount, running: this.running, realTimeFactor: this.rtfWindow.factor, programs });
  }
}
