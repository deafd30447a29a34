import { useLayoutReport } from '../scene/use-layout-report';
import { DensityGauge } from './DensityGauge';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';

function nameOf(id: string): string {
  return cellStore.getState().cell.items.find((i) => i.id === id)?.name ?? id;
}

function Pick({ ids, children }: { ids: string[]; children: React.ReactNode }) {
  return (
    <button className="link check" onClick={() => cellStore.getState().select(ids)}>
      {children}
    </button>
  );
}

/**
 * Floor and density figures and the layout checks, live as the cell is edited. Definitions are
 * docs/ARCHITECTURE.md's: footprint is the bounding area of all items including fences; density is robots
 * per 10,000 workers of a shift — a cell-level equivalent, not the IFR statistic.
 */
export function LayoutPanel() {
  const { figures, intersections, reachOverlaps, fenceClearances } = useLayoutReport();
  const floorArea = useCell((s) => s.cell.floor.width * s.cell.floor.depth);
  const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toLocaleString('en', { maximumFractionDigits: digits }));
  return (
    <>
      <fieldset>
        <legend>Layout figures</legend>
        <p className="readout" title="Bounding area of every item on the floor, fences included">
          Footprint <strong>{fmt(figures.footprintM2)} m²</strong> of {fmt(floorArea)} m² floor
        </p>
        <p className="readout" title="Floor footprint divided by the number of robots">
          Per robot <strong>{fmt(figures.m2PerRobot)} m²</strong> · <strong>{fmt(figures.robotsPer100M2)}</strong> robots / 100 m²
        </p>
        <p className="readout" title="Robots ÷ workers per shift × 10,000: a cell-level equivalent of the IFR robot density, not the official statistic">
          Robot density <strong>{fmt(figures.density, 0)}</strong> per 10,000 workers ({figures.robots} robots, {figures.workers} workers)
        </p>
        {figures.density !== null && <DensityGauge density={figures.density} />}
        <p className="hint">Marks: world 162 · Germany 429 · China 470 · target 500 · Korea 1,012 (IFR World Robotics 2024, 2023 data).</p>
      </fieldset>
      <fieldset>
        <legend>Checks</legend>
        {intersections.length + reachOverlaps.length === 0 && fenceClearances.every((f) => f.clearance >= 0) && <p className="hint ok">No clashes found.</p>}
        <ul className="plain checks">
          {intersections.map((c) => (
            <li key={`i:${c.a}:${c.b}`} className="bad">
              <Pick ids={[c.a, c.b]}>
                {nameOf(c.a)} stands in {nameOf(c.b)} ({Math.round(c.depth * 1000)} mm)
              </Pick>
            </li>
          ))}
          {reachOverlaps.map((c) => (
            <li key={`r:${c.a}:${c.b}`} className="warn">
              <Pick ids={[c.a, c.b]}>
                Reach of {nameOf(c.a)} and {nameOf(c.b)} overlaps by {Math.round(c.overlap * 1000)} mm: possible interference
              </Pick>
            </li>
          ))}
          {fenceClearances.map((c) => (
            <li key={`f:${c.robot}`} className={c.clearance < 0 ? 'bad' : ''}>
              <Pick ids={[c.robot, c.fence]}>
                {nameOf(c.robot)} reach to {nameOf(c.fence)}: {c.clearance < 0 ? `crosses by ${Math.round(-c.clearance * 1000)} mm` : `${Math.round(c.clearance * 1000)} mm clear`}
              </Pick>
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}
