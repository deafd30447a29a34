import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { useCell } from '../store/use-cell';
import { autosaveLog } from '../ui/recovery';

/**
 * Tells the autosave which cell the canvas has drawn: an autosave generation counts as "good"
 * once a frame showed it, and only good generations are offered after a bad start. The cell is
 * the one this component rendered with (committed in the canvas tree), not the store's newest,
 * which may not have reached the screen yet.
 */
export function AutosaveFrameMark() {
  const cell = useCell((s) => s.cell);
  const drawn = useRef(cell);
  drawn.current = cell;
  useFrame(() => autosaveLog.rendered(drawn.current));
  return null;
}
