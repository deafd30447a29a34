import { useMemo, useRef } from 'react';
import type { ActivityInterval, ResourceKind } from '../../sim/activity';
import { stateColour } from './state-colours';
import { formatTime, ganttBars, middleEllipsis, panBy, timeTicks, zoomAbout, type TimeRange } from './gantt-view';

const ROW = 18;
const TOP = 18;
const CHAR = 6.2; // px per character at 11 px, to size the name column
const KIND_LABEL: Record<ResourceKind, string> = { robot: 'robot', machine: 'machine', operator: 'operator', conveyor: 'conveyor', source: 'part source' };
/** A mark per kind, so that a conveyor and its part source read apart at a glance. */
const KIND_MARK: Record<ResourceKind, string> = { robot: '#1e6fd9', machine: '#2e7d32', operator: '#a35d00', conveyor: '#6b7782', source: '#5d8aa8' };

/** Props of {@link Gantt}. */
export interface GanttProps {
  intervals: ActivityInterval[];
  now: number;
  names: ReadonlyMap<string, string>;
  width: number;
  /** The range shown, or null for the whole run; the dashboard keeps it so the PNG export uses it. */
  range: TimeRange | null;
  onRange(range: TimeRange | null): void;
}

/**
 * A timeline per resource over the whole run, coloured by state, with the playhead, a time axis
 * and a legend inside the drawing (so the PNG export has them). Wheel or +/− zoom about the
 * pointer, drag or ←/→ pan, 0 or double-click shows the whole run again.
 */
export function Gantt({ intervals, now, names, width, range, onRange }: GanttProps) {
  const resources = useMemo(() => {
    const seen = new Map<string, ResourceKind>();
    for (const i of intervals) if (!seen.has(i.resource)) seen.set(i.resource, i.kind);
    return [...seen];
  }, [intervals]);
  const byResource = useMemo(() => {
    const m = new Map<string, ActivityInterval[]>();
    for (const i of intervals) {
      const list = m.get(i.resource);
      if (list) list.push(i);
      else m.set(i.resource, [i]);
    }
    for (const list of m.values()) list.sort((a, b) => a.start - b.start);
    return m;
  }, [intervals]);
  const states = useMemo(() => [...new Set(intervals.map((i) => i.state))], [intervals]);
  const first = intervals.reduce((m, i) => Math.min(m, i.start), Infinity);
  const bounds: TimeRange = { start: Number.isFinite(first) ? Math.min(first, now) : 0, end: Math.max(now, 1) };
  const view = range ?? bounds;
  const nameOf = (r: string) => names.get(r) ?? r;
  const longest = Math.max(8, ...resources.map(([r]) => nameOf(r).length));
  const label = Math.min(230, Math.max(90, longest * CHAR + 16));
  const maxChars = Math.floor((label - 16) / CHAR);
  const plot = Math.max(60, width - label - 10);
  const x = (t: number) => label + ((t - view.start) / (view.end - view.start || 1)) * plot;
  const rowsBottom = TOP + resources.length * ROW;
  // Legend entries laid out in lines that fit the width.
  const legend: Array<{ state: string; x: number; line: number }> = [];
  let lx = label;
  let line = 0;
  for (const st of states) {
    const w = 16 + st.length * 6 + 10;
    if (lx + w > width && lx > label) {
      lx = label;
      line++;
    }
    legend.push({ state: st, x: lx, line });
    lx += w;
  }
  const legendY = rowsBottom + 30;
  const height = legendY + line * 15 + 16;
  const drag = useRef<{ x: number; view: TimeRange } | null>(null);
  const secondsPerPx = (view.end - view.start) / plot;
  const timeAt = (clientX: number, svg: SVGSVGElement) => view.start + (clientX - svg.getBoundingClientRect().left - label) * secondsPerPx;
  const zoom = (t: number, factor: number) => {
    const next = zoomAbout(view, t, factor, bounds);
    onRange(next.end - next.start >= bounds.end - bounds.start - 1e-9 ? null : next);
  };
  return (
    <svg
      className="gantt"
      width={width}
      height={height}
      fontFamily="system-ui, sans-serif"
      role="img"
      tabIndex={0}
      aria-label={`Timeline of each resource's state from ${formatTime(view.start)} to ${formatTime(view.end)}`}
      onWheel={(e) => {
        if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) onRange(panBy(view, (e.deltaX || e.deltaY) * secondsPerPx, bounds));
        else zoom(timeAt(e.clientX, e.currentTarget), e.deltaY > 0 ? 1.25 : 0.8);
      }}
      onPointerDown={(e) => {
        if (e.button !== 0 || range === null) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, view };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) onRange(panBy(d.view, (d.x - e.clientX) * secondsPerPx, bounds));
      }}
      onPointerUp={() => (drag.current = null)}
      onDoubleClick={() => onRange(null)}
      onKeyDown={(e) => {
        const mid = (view.start + view.end) / 2;
        const step = (view.end - view.start) / 5;
        if (e.key === '+' || e.key === '=') zoom(mid, 0.8);
        else if (e.key === '-') zoom(mid, 1.25);
        else if (e.key === 'ArrowLeft') onRange(panBy(view, -step, bounds));
        else if (e.key === 'ArrowRight') onRange(panBy(view, step, bounds));
        else if (e.key === '0') onRange(null);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <title>Wheel or + / − to zoom, drag or ← / → to pan, double-click or 0 for the whole run.</title>
      <rect x={0} y={0} width={width} height={height} fill="#fbfcfd" />
      <text x={4} y={12} fontSize={10} fill="#6b7782">
        {`${formatTime(view.start)} – ${formatTime(view.end)}${range ? ` of ${formatTime(bounds.start)} – ${formatTime(bounds.end)}` : bounds.start > 0.01 ? ' (the newest states the page keeps; the KPIs cover the whole run)' : ' (whole run)'}`}
      </text>
      {resources.map(([r, kind], row) => (
        <g key={r} transform={`translate(0 ${TOP + row * ROW})`}>
          <rect x={2} y={3} width={3} height={ROW - 6} fill={KIND_MARK[kind]} />
          <text x={9} y={ROW - 5} fontSize={11} fill="#1f2a33">
            <title>{`${nameOf(r)} (${KIND_LABEL[kind]}, id ${r})`}</title>
            {middleEllipsis(nameOf(r), maxChars)}
          </text>
          {ganttBars(byResource.get(r) ?? [], view, label, plot / (view.end - view.start || 1)).map((b) => {
            const i = byResource.get(r)![b.first]!;
            return (
              <rect key={b.first} x={b.x} y={2} width={b.width} height={ROW - 4} fill={stateColour(b.state)}>
                <title>{`${nameOf(r)} (${KIND_LABEL[kind]}): ${i.state}${i.label ? ` (${i.label})` : ''} ${i.start.toFixed(2)}–${i.end.toFixed(2)} s (${(i.end - i.start).toFixed(2)} s)${b.count > 1 ? `, and ${b.count - 1} more: zoom in` : ''}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      {now >= view.start && now <= view.end && <line x1={x(now)} x2={x(now)} y1={TOP} y2={rowsBottom} stroke="#1f2a33" strokeWidth={1.5} />}
      <line x1={label} x2={label + plot} y1={rowsBottom + 1} y2={rowsBottom + 1} stroke="#c9d0d6" />
      {timeTicks(view, Math.max(2, Math.floor(plot / 90))).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={rowsBottom + 1} y2={rowsBottom + 5} stroke="#9aa1a8" />
          <text x={x(t)} y={rowsBottom + 15} fontSize={10} fill="#6b7782" textAnchor="middle">
            {formatTime(t)}
          </text>
        </g>
      ))}
      <g aria-label="Legend">
        {legend.map((l) => (
          <g key={l.state} transform={`translate(${l.x} ${legendY + l.line * 15})`}>
            <rect x={0} y={-9} width={10} height={10} rx={2} fill={stateColour(l.state)} />
            <text x={14} y={0} fontSize={10} fill="#4a5560">
              {l.state}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
