import { useMemo } from 'react';
import { paretoFront } from '../../experiments/pareto';
import { summarize, type RunRow } from '../../experiments/results';
import { formatFigure, formatLevel, formatTick, linear, niceTicks } from './chart-scale';

const W = 380;
const H = 240;
const PAD = { left: 50, right: 14, top: 14, bottom: 36 };

/** What the scatter's horizontal axis shows. */
export type ParetoAxis = 'floor' | 'robots';

/**
 * Each variant's mean UPH against its floor area (m², the footprint KPI's figure, computed from
 * the variant's layout so it needs no KPI column) or its robot count, the
 * Pareto front (most UPH for the least floor or robots) joined and drawn in orange. A point is a
 * button: click it (or focus it and press Enter) to open that variant as the cell.
 */
export function ParetoPlot({
  rows,
  factorNames,
  units,
  layout,
  axis,
  onOpen,
}: {
  rows: RunRow[];
  factorNames: string[];
  units: Record<string, string>;
  layout: Record<string, { floorM2: number; robots: number }>;
  axis: ParetoAxis;
  onOpen(variantId: string): void;
}) {
  const points = useMemo(
    () =>
      summarize(rows).map((s) => ({
        id: s.variantId,
        variant: s.variant,
        factors: s.factors,
        x: (axis === 'floor' ? layout[s.variantId]?.floorM2 : layout[s.variantId]?.robots) ?? null,
        y: s.mean['throughputUph'] ?? null,
      })),
    [rows, layout, axis],
  );
  const front = useMemo(() => paretoFront(points), [points]);
  const measured = points.filter((p): p is typeof p & { x: number; y: number } => p.x !== null && p.y !== null);
  if (measured.length === 0) {
    return <p className="hint">Collect the UPH KPI (throughputUph) to see the Pareto front.</p>;
  }
  const xt = niceTicks(Math.min(...measured.map((p) => p.x)), Math.max(...measured.map((p) => p.x)), 4);
  const yt = niceTicks(Math.min(...measured.map((p) => p.y)), Math.max(...measured.map((p) => p.y)), 4);
  const x = linear(xt[0]!, xt[xt.length - 1]!, PAD.left, W - PAD.right);
  const y = linear(yt[0]!, yt[yt.length - 1]!, H - PAD.bottom, PAD.top);
  const onFront = new Set(front);
  const frontPts = front.map((id) => measured.find((p) => p.id === id)!).filter(Boolean);
  // Variants within a label's height of each other (a factor that changes neither UPH nor floor
  // much) share one label, front points first, so numbers never print over each other.
  const labels: Array<{ at: (typeof measured)[number]; names: number[] }> = [];
  for (const p of [...measured].sort((a, b) => Number(onFront.has(b.id)) - Number(onFront.has(a.id)) || a.variant - b.variant)) {
    const near = labels.find((l) => Math.abs(x(l.at.x) - x(p.x)) < 14 && Math.abs(y(l.at.y) - y(p.y)) < 11);
    if (near) near.names.push(p.variant);
    else labels.push({ at: p, names: [p.variant] });
  }
  const xLabel = axis === 'floor' ? 'floor area (m²)' : 'robots';
  const describe = (p: (typeof measured)[number]) =>
    `Variant ${p.variant}: ${formatFigure(p.y)} UPH, ${axis === 'floor' ? `${formatFigure(p.x)} m²` : `${p.x} robots`}${onFront.has(p.id) ? ' (Pareto front)' : ''}; ${factorNames.map((f) => `${f} ${formatLevel(p.factors[f], units[f])}`).join(', ')}`;
  return (
    <div className="pareto-wrap">
      <svg className="pareto" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`UPH against ${xLabel}, Pareto front highlighted`}>
        {yt.map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 4} y={y(t) + 3} className="tick" textAnchor="end">
              {formatTick(t, yt)}
            </text>
          </g>
        ))}
        {xt.map((t) => (
          <text key={`x${t}`} x={x(t)} y={H - PAD.bottom + 13} className="tick" textAnchor="middle">
            {formatTick(t, xt)}
          </text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} className="axis-label" textAnchor="middle">
          {xLabel} →  less is better
        </text>
        <text x={12} y={(PAD.top + H - PAD.bottom) / 2} className="axis-label" textAnchor="middle" transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`}>
          UPH ↑
        </text>
        <polyline points={frontPts.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')} className="front-line" />
        {measured.map((p) => (
          <g
            key={p.id}
            className={`pareto-point${onFront.has(p.id) ? ' front' : ''}`}
            role="button"
            tabIndex={0}
            aria-label={`${describe(p)}. Open as the cell`}
            data-variant={p.variant}
            onClick={() => onOpen(p.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(p.id);
              }
            }}
          >
            <title>{`${describe(p)}\nClick to open this variant as the cell`}</title>
            <circle cx={x(p.x)} cy={y(p.y)} r={onFront.has(p.id) ? 6 : 4.5} />
          </g>
        ))}
        {labels.map(({ at, names }) => (
          <text key={at.id} x={x(at.x) + 8} y={y(at.y) - 6} className={`point-label${onFront.has(at.id) ? ' front' : ''}`}>
            {names.join(', ')}
          </text>
        ))}
      </svg>
      <ol className="front-list" aria-label="Pareto front">
        {frontPts.map((p) => (
          <li key={p.id}>
            <button className="link" onClick={() => onOpen(p.id)} title="Open this variant as the cell">
              Variant {p.variant}
            </button>
            : {formatFigure(p.y)} UPH on {axis === 'floor' ? `${formatFigure(p.x)} m²` : `${p.x} robot${p.x === 1 ? '' : 's'}`} —{' '}
            {factorNames.map((f) => `${f} ${formatLevel(p.factors[f], units[f])}${units[f] ? ` ${units[f]}` : ''}`).join(', ')}
          </li>
        ))}
      </ol>
    </div>
  );
}
