import { useRef } from 'react';
import { clampPanel, dividerKey, maxPanel, MIN_PANEL } from './panel-size';

/** Props of {@link ResizeDivider}. */
export interface ResizeDividerProps {
  height: number;
  /** Height of the region the panel shares with the 3D view (px). */
  available: () => number;
  maximised: boolean;
  onHeight(height: number, done: boolean): void;
  onMaximise(on: boolean): void;
}

/**
 * The bar above the results panel: drag it to resize (up to the top snaps to "whole window"),
 * or focus it and use the arrow keys, Home, End and Enter (a WAI-ARIA window splitter).
 */
export function ResizeDivider({ height, available, maximised, onHeight, onMaximise }: ResizeDividerProps) {
  const drag = useRef<{ y: number; h: number; frame: number } | null>(null);
  const max = maxPanel(available());
  return (
    <div
      className="dash-divider"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the results panel"
      aria-valuemin={MIN_PANEL}
      aria-valuemax={max}
      aria-valuenow={maximised ? max : Math.round(height)}
      aria-valuetext={maximised ? 'whole window' : `${Math.round(height)} px`}
      tabIndex={0}
      title="Drag to resize (to the top: whole window); keys ↑ ↓ Home End, Enter toggles the whole window"
      onDoubleClick={() => onMaximise(!maximised)}
      onKeyDown={(e) => {
        const a = dividerKey(e.key, e.shiftKey, height, available(), maximised);
        if (!a) return;
        e.preventDefault();
        e.stopPropagation(); // the app's shortcuts must not also act on these keys
        if (a.kind === 'height') onHeight(a.height, true);
        else onMaximise(a.kind === 'maximise');
      }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        if (maximised) onMaximise(false);
        drag.current = { y: e.clientY, h: maximised ? max : height, frame: 0 };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        const wanted = d.h + (d.y - e.clientY);
        cancelAnimationFrame(d.frame);
        // One resize per animation frame: each one resizes the WebGL canvas above.
        d.frame = requestAnimationFrame(() => onHeight(clampPanel(wanted, available()), false));
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        if (!d) return;
        cancelAnimationFrame(d.frame);
        drag.current = null;
        const wanted = d.h + (d.y - e.clientY);
        if (wanted >= available() - 20) onMaximise(true);
        else onHeight(clampPanel(wanted, available()), true);
      }}
      onPointerCancel={() => {
        if (drag.current) cancelAnimationFrame(drag.current.frame);
        drag.current = null;
      }}
    />
  );
}
