import type { Breakdown, CellKpis } from '../../sim/kpi/compute';
import { BREAKDOWN_CATEGORIES, type BreakdownCategory } from '../../sim/kpi/states';
import { KPI_DEFINITIONS } from './KpiCards';

/** Colours of the breakdown categories (the motion blue and gripper purple of the Gantt). */
export const CATEGORY_COLOURS: Record<BreakdownCategory, string> = {
  motion: '#1e6fd9',
  gripper: '#8e44ad',
  io: '#16a085',
  process: '#2e7d32',
  waiting: '#f0ad4e',
  idle: '#c5ccd3',
};

/** Plain names of the categories for labels. */
export const CATEGORY_NAMES: Record<BreakdownCategory, string> = {
  motion: 'motion',
  gripper: 'gripper',
  io: 'I/O & sensor dwell',
  process: 'process',
  waiting: 'waiting',
  idle: 'idle',
};

/** The segments of one breakdown: seconds and share of the total, zero categories left out. */
export function breakdownSegments(b: Breakdown): Array<{ category: BreakdownCategory; seconds: number; share: number }> {
  const total = BREAKDOWN_CATEGORIES.reduce((s, c) => s + (b[c] ?? 0), 0);
  return BREAKDOWN_CATEGORIES.filter((c) => (b[c] ?? 0) > 0).map((c) => ({ category: c, seconds: b[c], share: total > 0 ? b[c] / total : 0 }));
}

function BreakdownRow({ name, breakdown }: { name: string; breakdown: Breakdown }) {
  const segments = breakdownSegments(breakdown);
  const total = segments.reduce((s, x) => s + x.seconds, 0);
  const text = segments.map((s) => `${CATEGORY_NAMES[s.category]} ${s.seconds.toFixed(2)} s (${(s.share * 100).toFixed(0)}%)`).join(', ');
  return (
    <div className="bd-row">
      <span className="bd-name" title={name}>
        {name}
      </span>
      <div className="bd-bar" role="img" aria-label={`${name}: ${text}; ${total.toFixed(2)} s per cycle`}>
        {segments.map((s) => (
          <div key={s.category} className="bd-seg" style={{ width: `${s.share * 100}%`, background: CATEGORY_COLOURS[s.category] }} title={`${CATEGORY_NAMES[s.category]}: ${s.seconds.toFixed(2)} s, ${(s.share * 100).toFixed(1)}%`}>
            {/* Labels only where they fit; the tooltip and the legend carry every figure. */}
            {s.share >= 0.3 && (
              <span>
                {s.seconds.toFixed(2)} s · {(s.share * 100).toFixed(0)}%
              </span>
            )}
          </div>
        ))}
      </div>
      <span className="bd-total">{total.toFixed(2)} s</span>
      <span className="bd-text">
        {segments.map((s) => (
          <span key={s.category}>
            <i style={{ background: CATEGORY_COLOURS[s.category] }} /> {CATEGORY_NAMES[s.category]} {s.seconds.toFixed(2)} s ({(s.share * 100).toFixed(0)}%)
          </span>
        ))}
      </span>
    </div>
  );
}

/**
 * The cycle-time breakdown as labelled stacked bars in seconds and %: the cell's (how the average
 * robot spends one cell cycle) and each robot's (per robot cycle), with a legend.
 */
export function BreakdownBars({ kpis, names }: { kpis: CellKpis; names: ReadonlyMap<string, string> }) {
  const rows: Array<{ key: string; name: string; breakdown: Breakdown }> = [];
  if (kpis.breakdown) rows.push({ key: 'cell', name: 'Cell cycle (per robot)', breakdown: kpis.breakdown });
  for (const r of kpis.robots) if (r.breakdown) rows.push({ key: r.id, name: names.get(r.id) ?? r.name, breakdown: r.breakdown });
  return (
    <section className="dash-section" aria-label="Cycle-time breakdown" title={KPI_DEFINITIONS.breakdown}>
      <h3>Cycle-time breakdown <small>seconds per cycle</small></h3>
      {rows.length === 0 ? (
        <p className="hint">Not enough data yet: a breakdown needs whole cycles after the warm-up.</p>
      ) : (
        rows.map((r) => <BreakdownRow key={r.key} name={r.name} breakdown={r.breakdown} />)
      )}
    </section>
  );
}
