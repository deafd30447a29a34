import { useEffect } from 'react';
import { useCell } from '../store/use-cell';

/** localStorage key naming a cell the 3D view refuses to draw (browser tests only). */
export const RENDER_FAULT_KEY = 'celltwin:test:break-rendering-of';

/**
 * A test seam, inert unless a test sets it: while the cell on screen has the name stored under
 * {@link RENDER_FAULT_KEY}, rendering the 3D view throws. It stands for any cell that breaks
 * rendering, and lasts across reloads (localStorage), so a browser test can check both that the
 * page survives the failure and that the next start sets that cell aside and opens the last
 * good one. Set it through `window.__celltwin.breakRenderingOf(name)`.
 */
export function RenderFault() {
  const name = useCell((s) => s.cell.name);
  useEffect(() => {
    const probe = window.__celltwin;
    if (probe) probe.breakRenderingOf = (cellName) => (cellName === null ? localStorage.removeItem(RENDER_FAULT_KEY) : localStorage.setItem(RENDER_FAULT_KEY, cellName));
  }, []);
  let poisoned: string | null = null;
  try {
    poisoned = localStorage.getItem(RENDER_FAULT_KEY);
  } catch {
    poisoned = null; // storage refused (sandboxed frames): no seam
  }
  if (poisoned !== null && poisoned === name) throw new Error(`test fault: the 3D view refuses to draw "${name}"`);
  return null;
}
