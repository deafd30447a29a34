import { useStore } from 'zustand';
import { boxMode } from '../tools/box-select';
import { boxSelectStore } from '../tools/box-select-state';

/**
 * The rubber band of box selection, drawn over the 3D view in page coordinates. A window
 * (dragged left → right, takes what is wholly inside) is a solid blue frame; a crossing
 * (right → left, takes what it touches) a dashed green one, as in desktop CAD. While the tool
 * is armed and no box is drawn yet, a hint says how to use it.
 */
export function BoxSelectOverlay() {
  const { armed, phase } = useStore(boxSelectStore);
  if (phase.kind === 'dragging') {
    const { x0, y0, x1, y1 } = phase.rect;
    const mode = boxMode(phase.rect);
    return (
      <div
        className={`box-select ${mode}`}
        data-testid="box-select"
        aria-hidden
        style={{ left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }}
      >
        <span>{mode === 'window' ? 'inside' : 'touching'}</span>
      </div>
    );
  }
  if (!armed) return null;
  return (
    <div className="box-select-hint" role="status">
      Box select: drag left → right for items wholly inside, right → left for items it touches · Shift adds · Esc cancels
    </div>
  );
}
