import { DENSITY_REFERENCES } from '../sim/kpi/floor';

/** Published robot densities (robots per 10,000 employees) to read a cell's figure against. */
export const DENSITY_MARKS: ReadonlyArray<[string, number]> = [
  ['World (IFR 2024)', DENSITY_REFERENCES.world],
  ['Germany', DENSITY_REFERENCES.germany],
  ['China', DENSITY_REFERENCES.china],
  ['Shanghai plan target', DENSITY_REFERENCES.shanghaiTarget],
  ['Korea', DENSITY_REFERENCES.korea],
];

/** Density bar with the reference marks; the scale grows to fit the cell's figure. */
export function DensityGauge({ density }: { density: number }) {
  // Past 3,000 the bar just fills: the reference marks matter more than the exact length.
  const max = Math.max(1200, Math.min(density * 1.1, 3000));
  return (
    <div className="gauge" aria-label={`Robot density ${Math.round(density)} per 10,000 workers`}>
      <div className="gauge-bar" style={{ width: `${Math.min(100, (100 * density) / max)}%` }} />
      {DENSITY_MARKS.map(([label, value]) => (
        <span key={label} className="gauge-mark" style={{ left: `${(100 * value) / max}%` }} title={`${label}: ${value}`} />
      ))}
    </div>
  );
}
