import { useFrame } from '@react-three/fiber';
import type { Cell } from '../model';
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
}

declare global {
  interface Window {
    __celltwin?: AppProbe;
  }
}

/**
 * Counts rendered frames. useFrame runs just before r3f renders, so the flag goes up on the
 * second callback, when the first frame is certainly on the canvas.
 */
export function FrameProbe() {
  useFrame((state) => {
    const probe = (window.__celltwin ??= {
      firstFrameRendered: false,
      frames: 0,
      robotLoads: () => robotLoadStore.getState(),
      cell: () => cellStore.getState().cell,
    });
    probe.frames += 1;
    // The canvas renders on demand; ask for the one extra frame that confirms the first.
    if (probe.frames >= 2) probe.firstFrameRendered = true;
    else state.invalidate();
  });
  return null;
}
