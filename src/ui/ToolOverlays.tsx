import { useEffect } from 'react';
import { cancelFenceDraw, fenceDrawStore, finishFenceDraw, removeLastFenceDrawPoint, setFenceRunFinishHandler } from '../tools/fence-draw-state';
import { measureStore, setMeasuring } from '../tools/measure-state';
import { planViewStore } from '../tools/plan-view';
import { finishFenceRun } from './fence-run-actions';
import { FenceRunPanel } from './FenceRunPanel';
import { MeasureReadout } from './MeasureReadout';
import { PlanPanel } from './PlanPanel';
import { ErrorBoundary } from './ErrorBoundary';

// A finished fence run becomes fence panels in one undoable edit (see fence-run-actions.ts).
setFenceRunFinishHandler(finishFenceRun);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Keys that belong to the active tool: Escape leaves it; while drawing a fence run, Enter finishes
 * and Backspace removes the last point. The listener runs in the capture phase, before the global
 * shortcuts (shortcuts.ts), and stops the keys it uses, so Backspace removes a point instead of
 * deleting the selected items and Escape keeps the selection.
 */
function useToolKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      let handled = true;
      if (fenceDrawStore.getState().active) {
        if (e.key === 'Escape') cancelFenceDraw();
        else if (e.key === 'Enter') finishFenceDraw();
        else if (e.key === 'Backspace' || e.key === 'Delete') removeLastFenceDrawPoint();
        else handled = false;
      } else if (e.key === 'Escape' && measureStore.getState().active) setMeasuring(false);
      else if (e.key === 'Escape' && planViewStore.getState().open) planViewStore.setState({ open: false });
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

/** What the point-picking tools and the plan show over the 3D view, and their keys. */
export function ToolOverlays() {
  useToolKeys();
  return (
    <>
      <div className="tool-readouts">
        <MeasureReadout />
        <FenceRunPanel />
      </div>
      <ErrorBoundary area="plan view">
        <PlanPanel />
      </ErrorBoundary>
    </>
  );
}
