import { useFrame, useThree, type RootState } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import type { Cell } from '../model';
import { simClient } from '../bridge/sim-client';
import { simStatusStore, type SimStatus } from '../bridge/sim-status';
import { cellStore } from '../store/app-store';
import { robotLoadStore, type RobotLoadStatus } from './robot/load-status';

/** What the app exposes to browser tests: they wait on this flag, never on sleeps. */
export interface AppProbe {
  firstFrameRendered: boolean;
  frames: number;
  /** Robot loads by item id: meshes loaded, done, warnings, error. */
  robotLoads?: () => Record<string, RobotLoadStatus>;
  /** The document on screen. */
  cell?: () => Cell;
  /** The selected ids. */
  selection?: () => string[];
  /** Page pixel position of a point given in cell coordinates (Z up), for tests that drag handles. */
  project?: (xyz: [number, number, number]) => [number, number];
  /** The simulation as the page sees it: phase, clock, bodies, collisions. */
  sim?: () => SimStatus;
  /** The worker's state hash (determinism tests compare it with Node's). */
  simHash?: () => Promise<{ hash: string; step: number; time: number }>;
  /** Makes the simulation worker crash, to test recovery. */
  simCrash?: () => void;
  /** Where a point given in object `name`'s own frame is, in cell coordinates (null: no such object). */
  pointOf?: (name: string, local: [number, number, number]) => [number, number, number] | null;
  /** Makes the 3D view throw while the cell named so is on screen, across reloads (null clears it): see RenderFault.tsx. */
  breakRenderingOf?: (cellName: string | null) => void;
  /** The autosave generations (id, good, cell name) and the set-aside records. */
  autosave?: () => Promise<{ generations: Array<{ id: number; good: boolean; name: string | null }>; setAside: Array<{ id: number; reason: string }> }>;
  /** r3f's current state (camera, renderer, frame loop): the frame-time benchmark drives the view through it. */
  three?: () => RootState;
}

declare global {
  interface Window {
    __celltwin?: AppProbe;
  }
}

/** The probe on window, created on first use with everything but the projection. */
function appProbe(): AppProbe {
  return (window.__celltwin ??= {
    firstFrameRendered: false,
    frames: 0,
    robotLoads: () => robotLoadStore.getState(),
    cell: () => cellStore.getState().cell,
    selection: () => cellStore.getState().selection,
    sim: () => simStatusStore.getState(),
    simHash: () => simClient.hash(),
    simCrash: () => simClient.crashForTest(),
  });
}

/**
 * Counts rendered frames. useFrame runs just before r3f renders, so the flag goes up on the
 * second callback, when the first frame is certainly on the canvas.
 */
export function FrameProbe() {
  const { camera, gl, scene, get } = useThree();
  useEffect(() => {
    const probe = appProbe();
    probe.three = get;
    probe.project = ([x, y, z]) => {
      // Cell (Z up) to three (Y up): the root group turns −90° about X, so (x, y, z) → (x, z, −y).
      const v = new Vector3(x, z, -y).project(camera);
      const rect = gl.domElement.getBoundingClientRect();
      return [rect.left + ((v.x + 1) / 2) * rect.width, rect.top + ((1 - v.y) / 2) * rect.height];
    };
    probe.pointOf = (name, local) => {
      const object = scene.getObjectByName(name);
      const root = scene.getObjectByName('cell-root-z-up');
      if (!object || !root) return null;
      object.updateWorldMatrix(true, false); // a point asked for between renders is still current
      const p = object.localToWorld(new Vector3(...local));
      root.worldToLocal(p);
      return [p.x, p.y, p.z];
    };
  }, [camera, gl, scene]);
  useFrame((state) => {
    const probe = appProbe();
    probe.frames += 1;
    // The canvas renders on demand; ask for the one extra frame that confirms the first.
    if (probe.frames >= 2) probe.firstFrameRendered = true;
    else state.invalidate();
  });
  return null;
}
