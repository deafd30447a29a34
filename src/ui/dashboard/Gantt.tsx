import { useMemo, useState } from 'react';
import type { ActivityInterval } from '../../sim/activity';
import { stateColour } from './state-colours';

const ROW = 18;
const LABEL = 110;

/**
 * A timeline per resource, coloured by state, with the playhead at the scene's simulated time.
 * The wheel zooms around the pointer; the view follows the playhead unless zoomed into the past.
 */
export function Gantt({ intervals, now, names, width }: { intervals: ActivityInterval[]; now: number; names: Map<string, string>; width: number }) {
  const resources = useMemo(() => [...new Set(intervals.map((i) => i.resource))], [intervals]);
  const [span, setSpan] = useState(60); // seconds shown
  const [pinnedEnd, setPinnedEnd] = useState<number | null>(null);
  const end = pinnedEnd ?? Math.max(now, span);
  const start = Math.max(0, end - span);
  const plot = Math.max(50, width - LABEL - 8);
  const x = (t: number) => LABEL + ((t - start) / (end - start || 1)) * plot;
  const height = resources.length * ROW + 18;
  return (
    <svg
      className="gantt"
      width={width}
      height={height}
      role="img"
      aria-label="Timeline of each resource's state"
      onWheel={(e) => {
        const factor = e.deltaY > 0 ? 1.25 : 0.8;
        const next = Math.min(3600, Math.max(2, span * factor));
        setSpan(next);
        if (e.deltaY < 0) setPinnedEnd(Math.min(now, end));
        else if (next >= now) setPinnedEnd(null);
      }}
      onDoubleClick={() => {
        setSpan(60);
        setPinnedEnd(null);
      }}
    >
      <title>Scroll to zoom the timeline; double-click to follow the playhead again.</title>
      {resources.map((r, row) => (
        <g key={r} transform={`translate(0 ${row * ROW})`}>
          <text x={4} y={ROW - 5} fontSize={11} fill="#1f2a33">
            {names.get(r) ?? r}
          </text>
          {intervals
            .filter((i) => i.resource === r && i.end > start && i.start < end)
            .map((i, k) => (
              <rect key={k} x={x(Math.max(i.start, start))} y={2} width={Math.max(0.5, x(Math.min(i.end, end)) - x(Math.max(i.start, start)))} height={ROW - 4} fill={stateColour(i.state)}>
                <title>{`${names.get(r) ?? r}: ${i.state}${i.label ? ` (${i.label})` : ''} ${i.start.toFixed(2)}–${i.end.toFixed(2)} s (${(i.end - i.start).toFixed(2)} s)`}</title>
              </rect>
            ))}
        </g>
      ))}
      <line x1={x(now)} x2={x(now)} y1={0} y2={height - 14} stroke="#1f2a33" strokeWidth={1.5} />
      <text x={LABEL} y={height - 3} fontSize={10} fill="#6b7782">
        {start.toFixed(1)} s
      </text>
      <text x={LABEL + plot} y={height - 3} fontSize={10} fill="#6b7782" textAnchor="end">
        {end.toFixed(1)} s
      </text>
    </svg>
  );
}
