/**
 * The page's handle on the simulation: starts the worker, loads the cell, plays and pauses,
 * receives frames and events, and restarts a crashed worker from its last checkpoint with the
 * document untouched. Without Worker support the same host runs on the main thread.
 */
import type { Cell, RobotDescription } from '../model';
import { canShareMemory, createSharedFrameBuffer, SharedFrameReader } from './frame-channel';
import { SimHost } from './sim-host';
import type { Checkpoint, FromSim, SimSpeed, ToSim } from './sim-protocol';
import { simStatusStore } from './sim-status';
import type { TimelineFile } from '../sim/kpi/timeline-file';

/** Robots and tools of a cell, parsed, by item id and by tool id. */
export interface SimRobots {
  robots: Map<string, RobotDescription>;
  tools: Map<string, RobotDescription>;
}

interface Port {
  post(message: ToSim, transfer?: Transferable[]): void;
  terminate(): void;
}

const MAX_COLLISIONS_KEPT = 200;

export class SimClient {
  private port: Port | null = null;
  private reader: SharedFrameReader | null = null;
  private shared: SharedArrayBuffer | null = null;
  private latest: Float32Array = new Float32Array(0);
  private latestLength = 0;
  private fresh = false;
  private loaded: { cell: Cell; robots: SimRobots } | null = null;
  private checkpoint: Checkpoint | null = null;
  private wantRunning = false;

  /** Loads `cell` (replacing any running simulation) and resolves when the worker is ready. */
  async load(cell: Cell, robots: SimRobots, restore: Checkpoint | null = null): Promise<void> {
    this.loaded = { cell, robots };
    this.checkpoint = restore;
    // A restored run goes back to its checkpoint: the collisions after it come again as it replays.
    simStatusStore.setState({
      phase: 'loading',
      error: null,
      collisions: restore ? restore.collisions.latest.slice(-MAX_COLLISIONS_KEPT) : [],
      collisionCount: restore?.collisions.count ?? 0,
      faults: restore ? simStatusStore.getState().faults : [],
    });
    const port = this.ensurePort();
    this.shared = canShareMemory() ? createSharedFrameBuffer(65_536) : null;
    this.reader = this.shared ? new SharedFrameReader(this.shared) : null;
    const ready = new Promise<void>((resolve, reject) => {
      this.onReady = resolve;
      this.onFail = reject;
    });
    port.post({ type: 'load', cell, robots: [...robots.robots], tools: [...robots.tools], frames: this.shared, restore });
    await ready;
  }

  play(): void {
    this.wantRunning = true;
    this.port?.post({ type: 'play' });
  }

  pause(): void {
    this.wantRunning = false;
    this.port?.post({ type: 'pause' });
  }

  /**
   * Runs at full speed until simulated time `until` (s) and pauses there; progress shows in
   * `simStatusStore.analysis` and `time`. {@link pause} cancels.
   */
  runUntil(until: number): void {
    this.wantRunning = false;
    this.port?.post({ type: 'run-until', until });
  }

  step(steps: number): void {
    this.port?.post({ type: 'step', steps });
  }

  setSpeed(speed: SimSpeed): void {
    simStatusStore.setState({ speed });
    this.port?.post({ type: 'speed', speed });
  }

  /** Stops the simulation and frees the worker's world; the scene goes back to the document. */
  stop(): void {
    this.wantRunning = false;
    this.port?.terminate();
    this.port = null;
    this.loaded = null;
    this.latestLength = 0;
    simStatusStore.setState({ phase: 'off', time: 0, step: 0, realTimeFactor: 0, bodies: [], joints: [], collisions: [], collisionCount: 0, faults: [], error: null, kpis: null, intervals: [], analysis: null, programs: [] });
  }

  /** The simulation's state hash and step count, as the worker computes them. */
  hash(): Promise<{ hash: string; step: number; time: number }> {
    return new Promise((resolve, reject) => {
      if (!this.port) return reject(new Error('no simulation is loaded'));
      this.hashWaiters.push(resolve);
      this.port.post({ type: 'hash' });
    });
  }

  private hashWaiters: Array<(h: { hash: string; step: number; time: number }) => void> = [];

  /** The whole timeline so far (intervals, zone holds, part routes), for the Export menu. */
  timeline(): Promise<TimelineFile> {
    return new Promise((resolve, reject) => {
      if (!this.port) return reject(new Error('no simulation is loaded: run the cell first'));
      this.timelineWaiters.push(resolve);
      this.port.post({ type: 'timeline' });
    });
  }

  private timelineWaiters: Array<(t: TimelineFile) => void> = [];

  /** Makes the worker throw, to exercise recovery (tests and the debug console). */
  crashForTest(): void {
    this.port?.post({ type: 'crash-for-test' });
  }

  /**
   * Copies the newest frame into the client's buffer and returns it with its length, or null
   * when no frame has arrived yet. `isNew` says whether it changed since the last call.
   */
  readFrame(): { frame: Float32Array; length: number; isNew: boolean } | null {
    let isNew = false;
    if (this.fresh) {
      this.fresh = false;
      isNew = true;
    } else if (this.reader) {
      if (this.latest.length < 65_536) this.latest = new Float32Array(65_536);
      const n = this.reader.read(this.latest);
      if (n > 0) {
        this.latestLength = n;
        isNew = true;
      }
    }
    return this.latestLength > 0 ? { frame: this.latest, length: this.latestLength, isNew } : null;
  }

  private onReady: () => void = () => undefined;
  private onFail: (e: Error) => void = () => undefined;

  private ensurePort(): Port {
    if (this.port) return this.port;
    if (typeof Worker === 'function') {
      const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<FromSim>) => this.receive(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        void this.recover(e.message || 'the simulation worker stopped');
      };
      this.port = { post: (m, t = []) => worker.postMessage(m, t), terminate: () => worker.terminate() };
      simStatusStore.setState({ host: 'worker' });
    } else {
      // No workers (very old browsers, some embedded views): same host, on this thread.
      const host = new SimHost({ post: (m) => queueMicrotask(() => this.receive(m)), now: () => performance.now(), schedule: (fn) => setTimeout(fn, 0) });
      this.port = { post: (m) => void host.handle(m), terminate: () => void host.handle({ type: 'pause' }) };
      simStatusStore.setState({ host: 'main-thread' });
    }
    return this.port;
  }

  private receive(msg: FromSim): void {
    switch (msg.type) {
      case 'ready':
        simStatusStore.setState({ phase: this.wantRunning ? 'running' : 'ready', bodies: msg.bodies, joints: msg.joints, warnings: msg.warnings, transport: this.reader ? 'shared' : 'transfer' });
        this.onReady();
        if (this.wantRunning) this.port?.post({ type: 'play' });
        return;
      case 'frame':
        if (this.latest.length < msg.length) this.latest = new Float32Array(msg.length);
        this.latest.set(new Float32Array(msg.buffer, 0, msg.length));
        this.latestLength = msg.length;
        this.fresh = true;
        this.port?.post({ type: 'return-frame', buffer: msg.buffer }, [msg.buffer]);
        return;
      case 'bodies':
        simStatusStore.setState((s) => ({ bodies: [...s.bodies, ...msg.bodies] }));
        return;
      case 'status':
        simStatusStore.setState({ time: msg.time, step: msg.step, realTimeFactor: msg.realTimeFactor, phase: msg.running ? 'running' : 'paused', programs: msg.programs ?? [] });
        return;
      case 'analysis':
        simStatusStore.setState({ analysis: msg.run });
        return;
      case 'events': {
        const hits = msg.events.flatMap((e) => (e.type === 'collision' ? [{ time: e.time, a: e.a, b: e.b }] : []));
        if (hits.length > 0) simStatusStore.setState((s) => ({ collisions: [...s.collisions, ...hits].slice(-MAX_COLLISIONS_KEPT), collisionCount: s.collisionCount + hits.length }));
        const faults = msg.events.flatMap((e) => (e.type === 'program-fault' ? [{ time: e.time, robot: e.robot, step: e.step, message: e.message }] : []));
        if (faults.length > 0) simStatusStore.setState((s) => ({ faults: [...s.faults, ...faults] }));
        return;
      }
      case 'kpis':
        simStatusStore.setState({ kpis: msg.kpis, intervals: msg.intervals });
        return;
      case 'timeline':
        this.timelineWaiters.shift()?.(msg.timeline);
        return;
      case 'hash':
        this.hashWaiters.shift()?.({ hash: msg.hash, step: msg.step, time: msg.time });
        return;
      case 'checkpoint':
        this.checkpoint = msg.checkpoint;
        return;
      case 'error':
        simStatusStore.setState({ phase: 'error', error: msg.message });
        this.onFail(new Error(msg.message));
        return;
    }
  }

  /** A crashed worker: start a new one and continue from the last checkpoint. */
  private async recover(reason: string): Promise<void> {
    const loaded = this.loaded;
    this.port?.terminate();
    this.port = null;
    if (!loaded) return;
    simStatusStore.setState((s) => ({ phase: 'recovering', error: reason, recoveries: s.recoveries + 1 }));
    try {
      await this.load(loaded.cell, loaded.robots, this.checkpoint);
    } catch (e) {
      simStatusStore.setState({ phase: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** The page's one simulation client. */
export const simClient = new SimClient();
