import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useStore } from 'zustand';
import { cellPlanSvg } from '../io/plan-svg';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { clientToPlan, panViewBox, planViewStore, togglePlanView, wheelZoomFactor, zoomViewBox, type ViewBox } from '../tools/plan-view';
import { exportPlanSvg } from './export-actions';

/** A press that moves further than this (px) pans; a shorter one is a click that selects. */
const CLICK_SLOP_PX = 4;

/** The view box the generator chose (the whole floor, footprint and dimensions). */
function documentViewBox(svg: string): ViewBox {
  const m = /viewBox="([^"]+)"/.exec(svg);
  const v = (m?.[1] ?? '0 0 1000 1000').split(/\s+/).map(Number);
  return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 1000, v[3] ?? 1000];
}

/**
 * The plan of the cell over the 3D view: the very document "Export → Plan (SVG)" writes
 * (io/plan-svg.ts), redrawn on every change of the cell, with the floor, the bounding footprint
 * and each robot's distance to its nearest fence dimensioned in mm. Wheel zooms about the cursor,
 * a drag pans, a click on an item selects it (Shift adds), a click on empty floor clears.
 */
function PlanView() {
  const cell = useCell((s) => s.cell);
  const selection = useCell((s) => s.selection);
  const svg = useMemo(() => cellPlanSvg(cell), [cell]);
  const fitBox = useMemo(() => documentViewBox(svg), [svg]);
  const [zoomed, setZoomed] = useState<ViewBox | null>(null); // null: fit the whole plan
  const box = zoomed ?? fitBox;
  const host = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; box: ViewBox; moved: boolean; target: EventTarget | null } | null>(null);

  // The markup is replaced whenever the cell changes; the view box and highlights are set on it again.
  useLayoutEffect(() => {
    const el = host.current?.querySelector('svg');
    if (!el) return;
    el.setAttribute('viewBox', box.join(' '));
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', `Plan of ${cell.name}`);
    for (const g of el.querySelectorAll('[data-item-id]')) g.classList.toggle('selected', selection.includes(g.getAttribute('data-item-id') ?? ''));
  }, [svg, box, selection, cell.name]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling or zooming.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      setZoomed((z) => {
        const current = z ?? fitBox;
        return zoomViewBox(current, wheelZoomFactor(e.deltaY), clientToPlan(current, rect, e.clientX, e.clientY));
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [fitBox]);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, box, moved: false, target: e.target };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || !host.current) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) <= CLICK_SLOP_PX) return;
    d.moved = true;
    setZoomed(panViewBox(d.box, host.current.getBoundingClientRect(), dx, dy));
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const hit = d.target instanceof Element ? d.target.closest('[data-item-id]') : null;
    const id = hit?.getAttribute('data-item-id') ?? null;
    const state = cellStore.getState();
    if (id === null) state.select([]);
    else if (e.shiftKey) state.select(selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id]);
    else state.select([id]);
  };

  return (
    <section className="plan-panel" aria-label="Plan view">
      <header className="plan-head">
        <strong>Plan</strong>
        <span className="plan-legend">
          <span className="key floor">floor</span>
          <span className="key footprint">footprint</span>
          <span className="key fence">robot → nearest fence</span>
          <span className="key reach">robot reach</span>
          <span className="muted">mm · wheel zooms · drag pans · click selects</span>
        </span>
        <span className="plan-actions">
          <button onClick={() => setZoomed(null)} disabled={zoomed === null} title="Show the whole plan">
            Fit
          </button>
          <button onClick={exportPlanSvg} title="Download this plan as SVG">
            Export SVG
          </button>
          <button onClick={togglePlanView} title="Back to the 3D view (P)">
            Close
          </button>
        </span>
      </header>
      <div
        ref={host}
        className="plan-drawing"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        // The generator escapes every name it writes, so its markup is safe to insert as is.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </section>
  );
}

/** The plan overlay, shown while the Plan view is on (toolbar button or key P). */
export function PlanPanel() {
  const open = useStore(planViewStore, (s) => s.open);
  return open ? <PlanView /> : null;
}
