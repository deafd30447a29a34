import { DENSITY_REFERENCES } from '../sim/kpi/floor';
import { gaugeScale } from './dashboard/gauge-scale';

/** Published robot densities (robots per 10,000 employees) to read a figure against. */
export const DENSITY_MARKS: ReadonlyArray<[string, number]> = [
  ['World', DENSITY_REFERENCES.world],
  ['Germany', DENSITY_REFERENCES.germany],
  ['China', DENSITY_REFERENCES.china],
  ['Plan 500', DENSITY_REFERENCES.shanghaiTarget],
  ['Korea', DENSITY_REFERENCES.korea],
];

const fmt = (v: number) => Math.round(v).toLocaleString('en-US');

/**
 * A density bar with the reference marks (IFR World Robotics 2024, the Shanghai plan's 500) and
 * a labelled scale that fits the figure (gauge-scale.ts): never a bar that is always full.
 */
export function DensityGauge({ density, compact = false }: { density: number; compact?: boolean }) {
  const scale = gaugeScale(density, DENSITY_MARKS.map(([, v]) => v), DENSITY_REFERENCES.shanghaiTarget);
  const pct = (v: number) => `${(100 * scale.at(v)).toFixed(2)}%`;
  // Labels that would touch one another are left to the tooltips: the target's first, then the rest.
  const labelled = new Set<string>();
  const taken: number[] = [];
  for (const [label, value] of [...DENSITY_MARKS].sort(([a], [b]) => Number(b.startsWith('Plan')) - Number(a.startsWith('Plan')))) {
    const at = scale.at(value);
    if (value > scale.max || taken.some((t) => Math.abs(t - at) < 0.14)) continue;
    labelled.add(label);
    taken.push(at);
  }
  return (
    <div className={`gauge-wrap${compact ? ' compact' : ''}`}>
      <div
        className="gauge"
        role="meter"
        aria-valuemin={scale.min}
        aria-valuemax={scale.max}
        aria-valuenow={Math.round(density)}
        aria-label={`Robot density ${fmt(density)} per 10,000 workers on a ${scale.kind} scale to ${fmt(scale.max)}`}
      >
        <div className={`gauge-bar${density >= DENSITY_REFERENCES.shanghaiTarget ? ' reached' : ''}`} style={{ width: pct(density) }} />
        {DENSITY_MARKS.filter(([, value]) => value <= scale.max).map(([label, value]) => (
          <span key={label} className={`gauge-mark${label.startsWith('Plan') ? ' target' : ''}`} style={{ left: pct(value) }} title={`${label}: ${value}`}>
            {!compact && labelled.has(label) && <small className={scale.at(value) > 0.85 ? 'end' : ''}>{label}</small>}
          </span>
        ))}
      </div>
      <div className="gauge-ticks" aria-hidden="true">
        {scale.ticks.map((t) => (
          <span key={t} style={{ left: pct(t) }}>
            {fmt(t)}
          </span>
        ))}
        {scale.kind === 'log' && <em>log scale</em>}
      </div>
    </div>
  );
}
