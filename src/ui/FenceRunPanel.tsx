import { useStore } from 'zustand';
import { cancelFenceDraw, fenceDrawStore, finishFenceDraw, removeLastFenceDrawPoint } from '../tools/fence-draw-state';
import { fenceRunPanels, runLength } from '../tools/fence-run';
import { toMm } from '../tools/measure';

/** What the planner is drawing: points, length so far, the panels it will make, and the keys. */
export function FenceRunPanel() {
  const { active, points } = useStore(fenceDrawStore);
  if (!active) return null;
  const panels = fenceRunPanels(points);
  return (
    <div className="tool-readout" role="status" aria-label="Fence run">
      <div className="tool-readout-head">
        <strong>Fence run</strong>
        <span className="muted">
          {points.length} {points.length === 1 ? 'point' : 'points'} · {toMm(runLength(points))} mm · {panels.length} {panels.length === 1 ? 'panel' : 'panels'}
        </span>
      </div>
      <p>{points.length === 0 ? 'Click the first corner on the floor.' : 'Click the next corner; double-click or Enter finishes.'}</p>
      <p className="muted small">10 mm grid, 15° steps (Shift: free) · Backspace removes the last point · Esc cancels.</p>
      <div className="row">
        <button className="primary" disabled={points.length < 2} onClick={finishFenceDraw}>
          Finish
        </button>
        <button disabled={points.length === 0} onClick={removeLastFenceDrawPoint}>
          Undo point
        </button>
        <button onClick={cancelFenceDraw}>Cancel</button>
      </div>
    </div>
  );
}
