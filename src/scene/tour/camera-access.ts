/**
 * The page's way to the 3D view from outside the canvas: read the camera as a tour stop (world
 * frame, Z up), put it back, and reach the canvas element (for recording). The tour driver
 * registers the canvas's state getter while it is mounted.
 *
 * Frames: three is Y-up and the cell Z-up (CellCanvas turns one root group −90° about X), so a
 * cell point (x, y, z) is three's (x, z, −y), and three's (X, Y, Z) is the cell's (X, −Z, Y).
 */
import type { RootState } from '@react-three/fiber';
import type { Vec3 } from '../../model/geometry';

let getState: (() => RootState) | null = null;

interface OrbitLike {
  target: { x: number; y: number; z: number; set(x: number, y: number, z: number): unknown };
  update(): void;
}

/** Cell (Z up) → three (Y up). */
export const toThree = ([x, y, z]: Vec3): Vec3 => [x, z, -y];
/** Three (Y up) → cell (Z up). */
export const toCell = ([x, y, z]: Vec3): Vec3 => [x, -z, y];

/** Called by TourDriver: the canvas's state getter, or null when it unmounts. */
export function registerCanvasState(get: (() => RootState) | null): void {
  getState = get;
}

/** A camera view in the world frame: where the camera is and what it looks at. */
export interface CameraView {
  position: Vec3;
  target: Vec3;
}

/** The 3D view's camera now, in the world frame; null when no canvas is mounted. */
export function currentCameraView(): CameraView | null {
  const state = getState?.();
  if (!state) return null;
  const p = state.camera.position;
  const orbit = state.controls as unknown as OrbitLike | null;
  const t = orbit?.target ?? { x: 0, y: 0, z: 0 };
  const round = (v: number) => Math.round(v * 1e6) / 1e6; // µm: a file that diffs cleanly
  return { position: toCell([p.x, p.y, p.z]).map(round) as Vec3, target: toCell([t.x, t.y, t.z]).map(round) as Vec3 };
}

/** Puts the camera at `view` (world frame) and redraws. */
export function setCameraView(view: CameraView): void {
  const state = getState?.();
  if (!state) return;
  applyCameraView(state, view);
  state.invalidate();
}

/** Moves `state`'s camera and orbit target to `view` (world frame). */
export function applyCameraView(state: RootState, view: CameraView): void {
  const [px, py, pz] = toThree(view.position);
  const [tx, ty, tz] = toThree(view.target);
  state.camera.position.set(px, py, pz);
  const orbit = state.controls as unknown as OrbitLike | null;
  if (orbit) {
    orbit.target.set(tx, ty, tz);
    orbit.update();
  } else {
    state.camera.lookAt(tx, ty, tz);
  }
}

/** The WebGL canvas of the 3D view, or null. */
export function sceneCanvas(): HTMLCanvasElement | null {
  return getState?.().gl.domElement ?? null;
}
