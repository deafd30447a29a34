import { useFrame } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useCell } from '../store/use-cell';
import { autosaveLog, describeAutosave } from '../ui/recovery';

/**
 * Tells the autosave which cell the canvas has drawn: an autosave generation counts as "good"
 * once a frame showed it, and only good generations are offered after a bad start. The cell is
 * the one this component rendered with (committed in the canvas tree), not the store's newest,
 * which may not have reached the screen yet.
 */
export function AutosaveFrameMark() {
  const cell = useCell((s) => s.cell);
  const drawn = useRef(cell);
  // Set at commit, not during render: a render that throws (a broken cell) never commits.
  useLayoutEffect(() => {
    drawn.current = cell;
  }, [cell]);
  useFrame(() => autosaveLog.rendered(drawn.current));
  useEffect(() => {
    if (window.__celltwin) window.__celltwin.autosave = describeAutosave;
  }, []);
  return null;
}
