import { useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useCell } from '../store/use-cell';
import { programPanelStore, targetClicked } from '../tools/program-panel-state';
import { kinematicsLabelStore } from './kinematics/kinematics-labels';
import { layoutLabels, nearestPointOnBox, type Box, type LabelPlacement } from './label-layout';
import { labelRequest, sceneLabels, type SceneLabel } from './scene-labels';
import { targetLabelStore } from './target-labels';

/** The CSS class of a label: its look (app.css) decides its size, measured once per text. */
function labelClass(label: SceneLabel, selected: boolean, picking: boolean): string {
  if (label.kind === 'target') return `scene-label target-label${label.bad ? ' bad' : ''}${selected ? ' selected' : ''}${picking ? ' pickable' : ''}`;
  if (label.kind === 'frame') return 'scene-label kin-frame-label';
  return `scene-label kin-ghost-label${label.kind === 'ghost-out' ? ' out' : ''}`;
}

/** Measured label sizes (px) by class and text: a label's box is what the browser draws. */
const sizes = new Map<string, { width: number; height: number }>();
const sizeKey = (className: string, text: string) => `${className}\n${text}`;

/** Panels that float over the 3D view (app.css, lessons.css): labels keep off them. */
const PANELS = '.view-toolbar > *, .tool-readouts > *, .lesson-card';

/** The boxes of the panels over the view, relative to the overlay (px). */
function panelBoxes(overlay: HTMLElement): Box[] {
  const view = overlay.closest('.viewport') ?? overlay.parentElement;
  if (!view) return [];
  const o = overlay.getBoundingClientRect();
  return Array.from(view.querySelectorAll(PANELS), (e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left - o.left, top: r.top - o.top, right: r.right - o.left, bottom: r.bottom - o.top }));
}
const sameBoxes = (a: readonly Box[], b: readonly Box[]) =>
  a.length === b.length && a.every((x, i) => { const y = b[i]!; return x.left === y.left && x.top === y.top && x.right === y.right && x.bottom === y.bottom; });

/**
 * Every label over the 3D view, in one DOM overlay beside the canvas: the targets' names and
 * the kinematics view's ghost and frame names, laid out together (label-layout.ts) so that no
 * two cover each other at any camera angle. A label moved off its point gets a leader line; a
 * ghost's or frame's with no free place shows as a dot with its name as the tooltip. While the program editor picks
 * a target, every target's name takes clicks. A label is measured (rendered hidden) before it
 * is first laid out, so the layout works with the sizes the browser really draws.
 */
export function SceneLabels() {
  const targets = useStore(targetLabelStore, (s) => s.labels);
  const hovered = useStore(targetLabelStore, (s) => s.hovered);
  const kinematics = useStore(kinematicsLabelStore, (s) => s.labels);
  const selection = useCell((s) => s.selection);
  const picking = useStore(programPanelStore, (s) => s.picking !== null);
  const overlay = useRef<HTMLDivElement>(null);
  const measuring = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ width: 0, height: 0 });
  const [, measured] = useReducer((n: number) => n + 1, 0);
  const [panels, setPanels] = useState<Box[]>([]);

  useLayoutEffect(() => {
    const element = overlay.current;
    if (!element) return;
    const update = () => setView((v) => (v.width === element.clientWidth && v.height === element.clientHeight ? v : { width: element.clientWidth, height: element.clientHeight }));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const pinned = new Set(selection);
  if (hovered) pinned.add(hovered);
  const labels = sceneLabels(targets, kinematics).map((label) => {
    const className = labelClass(label, label.target !== undefined && selection.includes(label.target), picking);
    return { label, className, size: sizes.get(sizeKey(className, label.text)) };
  });
  const unmeasured = labels.filter((l) => l.size === undefined);

  // The panels over the view open, grow and fold with the UI, not with the camera: read when
  // the view's size changes and a few times a second (a hint unfolding in the lesson card), not
  // on every render (the labels re-render with each camera move, and reading boxes forces a
  // layout); laid out again only when one moved.
  useLayoutEffect(() => {
    const readPanels = () => {
      if (!overlay.current) return;
      const now = panelBoxes(overlay.current);
      setPanels((before) => (sameBoxes(before, now) ? before : now));
    };
    readPanels();
    const timer = window.setInterval(readPanels, 400);
    return () => window.clearInterval(timer);
  }, [view]);

  // Sizes of the labels rendered hidden below, read before the browser paints; a second render
  // then lays them out (within the same frame).
  useLayoutEffect(() => {
    const box = measuring.current;
    if (!box || box.childElementCount === 0) return;
    for (const child of Array.from(box.children)) {
      const r = child.getBoundingClientRect();
      sizes.set(sizeKey(child.className, child.textContent ?? ''), { width: Math.ceil(r.width), height: Math.ceil(r.height) });
    }
    measured();
  });

  const ready = labels.filter((l): l is typeof l & { size: { width: number; height: number } } => l.size !== undefined);
  const placements = layoutLabels(ready.map((l) => labelRequest(l.label, l.size, pinned, picking)), view.width, view.height, { obstacles: panels });
  const shown = ready.map((l, i) => ({ ...l, at: placements[i]! }));
  const leaders = shown.filter((l) => l.at.placed && l.at.leader);
  return (
    <div ref={overlay} className="target-labels scene-labels" aria-hidden={picking ? undefined : true}>
      {leaders.length > 0 && (
        <svg className="scene-label-leaders" width={view.width} height={view.height}>
          {leaders.map(({ label, at }) => {
            const [x, y] = nearestPointOnBox(boxOf(at), at.x, at.y);
            return (
              <g key={label.key}>
                <line x1={at.x} y1={at.y} x2={x} y2={y} />
                <circle cx={at.x} cy={at.y} r={2} />
              </g>
            );
          })}
        </svg>
      )}
      {shown.map(({ label, className, at }) =>
        // A target's name left out needs no dot: its marker is there, and hovering the marker
        // brings the name forward (a dot would take the clicks meant for the surface under it).
        !at.placed && label.target !== undefined && !picking ? null : at.placed ? (
          <span
            key={label.key}
            data-label={label.key}
            {...(label.target !== undefined ? { 'data-target': label.target } : {})}
            className={className}
            style={{ transform: `translate(${at.left}px, ${at.top}px)` }}
            onClick={label.target !== undefined ? () => targetClicked(label.target!) : undefined}
            title={label.title}
          >
            {label.text}
          </span>
        ) : (
          <span
            key={label.key}
            data-label={label.key}
            className={`scene-label-dot${label.target !== undefined ? ' pickable' : ''}`}
            style={{ transform: `translate(${at.x - 4}px, ${at.y - 4}px)` }}
            onClick={label.target !== undefined ? () => targetClicked(label.target!) : undefined}
            title={label.title === label.text ? label.text : `${label.text}: ${label.title}`}
          />
        ),
      )}
      {unmeasured.length > 0 && (
        <div ref={measuring} className="scene-label-measure">
          {unmeasured.map(({ label, className }) => (
            <span key={label.key} className={className}>
              {label.text}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

const boxOf = (p: LabelPlacement) => ({ left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + p.height });
