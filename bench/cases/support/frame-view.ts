/**
 * Frame timing that runs the same way in both pages of the frame-time row: the app (through its
 * test probe) and the bare three.js page (support/scene-page-entry.ts). Each page installs a
 * {@link BenchView} on `window.__benchView`; {@link timeFrames} then drives it identically in
 * both: draw continuously, move the camera one step along a slow orbit per animation frame, and
 * record when each frame starts.
 *
 * The functions below are passed to playwright's `page.evaluate`, which sends their source text
 * to the page: they must stay self-contained (no imports, no outer variables).
 */

/** Three.js coordinates (Y up) of the point the camera looks at: the app's orbit target. */
export const ORBIT_TARGET: [number, number, number] = [0, 0.5, 0];

/** What a page offers the frame timer. */
export interface BenchView {
  /** Puts the camera at `position` looking at `target` (three.js coordinates, Y up). */
  place(position: [number, number, number], target: [number, number, number]): void;
  /** Draws once per animation frame while on; draws nothing of its own accord while off. */
  continuous(on: boolean): void;
  /** Draw calls and triangles the renderer issued since the last call (shadow pass included). */
  counts(): { calls: number; triangles: number };
  /** The drawing buffer's size in pixels. */
  size(): { width: number; height: number };
}

/** Where the camera goes: a circle around ORBIT_TARGET. */
export interface Orbit {
  radius: number;
  height: number;
  /** Angle of the first frame (rad) and the step per frame (rad). */
  start: number;
  step: number;
}

/** What {@link timeFrames} measured. */
export interface FrameTimes {
  /** Milliseconds between consecutive frame starts, `frames` of them. */
  intervals: number[];
  /** Draw calls and triangles per frame, averaged over the timed frames. */
  calls: number;
  triangles: number;
}

/**
 * In the page: draws `settle` untimed frames, then `frames` timed ones, moving the camera one
 * orbit step per frame, and returns the time between frame starts (rAF callbacks, read with
 * performance.now()). Drawing stops when it returns.
 */
export function timeFrames(args: { frames: number; settle: number; orbit: Orbit; target: [number, number, number] }): Promise<FrameTimes> {
  const view = (window as unknown as { __benchView?: BenchView }).__benchView;
  if (!view) throw new Error('window.__benchView is not installed');
  const { frames, settle, orbit, target } = args;
  return new Promise((resolve) => {
    const stamps: number[] = [];
    let k = 0;
    const tick = () => {
      stamps.push(performance.now());
      if (stamps.length === settle + 1) view.counts(); // from here on, count the timed frames
      if (stamps.length === settle + frames + 1) {
        view.continuous(false);
        const counted = view.counts();
        const intervals = stamps.slice(settle + 1).map((t, i) => t - stamps[settle + i]!);
        resolve({ intervals, calls: counted.calls / frames, triangles: counted.triangles / frames });
        return;
      }
      const a = orbit.start + k * orbit.step;
      k += 1;
      view.place([target[0] + orbit.radius * Math.cos(a), orbit.height, target[2] + orbit.radius * Math.sin(a)], target);
      requestAnimationFrame(tick);
    };
    view.continuous(true);
    requestAnimationFrame(tick);
  });
}

/**
 * In the app page: installs window.__benchView on the app's r3f state, reached through the test
 * probe (`window.__celltwin.three`). Continuous drawing switches r3f's frame loop from 'demand'
 * to 'always' and back; the renderer's counters stop resetting per render call so that a frame's
 * shadow pass, scene pass and view-gizmo pass are all counted.
 */
export function installAppView(): { width: number; height: number } {
  type R3fState = {
    camera: { position: { set(x: number, y: number, z: number): void }; lookAt(x: number, y: number, z: number): void };
    gl: { info: { autoReset: boolean; reset(): void; render: { calls: number; triangles: number } }; domElement: HTMLCanvasElement };
    setFrameloop(mode: 'always' | 'demand'): void;
    invalidate(): void;
  };
  const probe = (window as unknown as { __celltwin?: { three?: () => R3fState } }).__celltwin;
  const three = probe?.three;
  if (!three) throw new Error('the app exposes no window.__celltwin.three (src/scene/FrameProbe.tsx)');
  const gl = three().gl;
  gl.info.autoReset = false;
  gl.info.reset();
  const view: BenchView = {
    place(p, t) {
      const { camera } = three();
      camera.position.set(p[0], p[1], p[2]);
      camera.lookAt(t[0], t[1], t[2]);
    },
    continuous(on) {
      const state = three();
      state.setFrameloop(on ? 'always' : 'demand');
      if (on) state.invalidate(); // setFrameloop alone does not restart a stopped loop
    },
    counts() {
      const { calls, triangles } = gl.info.render;
      gl.info.reset();
      return { calls, triangles };
    },
    size: () => ({ width: gl.domElement.width, height: gl.domElement.height }),
  };
  (window as unknown as { __benchView: BenchView }).__benchView = view;
  return view.size();
}

/** Mean and 95th percentile of a non-empty list. */
export function meanAndP95(values: readonly number[]): { mean: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { mean, p95 };
}
