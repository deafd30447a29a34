import type { Cell } from '../../model';
import { bottleneckVerdict } from '../../sim/kpi/bottleneck';
import { collisionStepsText } from '../../sim/kpi/collision-steps';
import type { CellKpis } from '../../sim/kpi/compute';
import { plantDensity } from '../../sim/kpi/plant-density';
import { DensityGauge } from '../DensityGauge';

/** docs/ARCHITECTURE.md's definitions, shown next to the numbers (tooltips and the help line). */
export const KPI_DEFINITIONS = {
  cycle: 'Robot cycle time: time between consecutive completions of a robot’s program loop, after the warm-up cycles.',
  cellCycle: 'Cell cycle time (takt): mean time between finished parts leaving the cell in steady state.',
  uph: 'Throughput (UPH) = 3600 / cell cycle time.',
  utilization: 'Utilization: share of time in each state (moving loaded / empty, processing, gripper, I/O, waiting starved / blocked / interlock, idle). States sum to 100%.',
  breakdown: 'Cycle-time breakdown: seconds per cycle in motion, gripper, I/O / sensor dwell, process and waiting; they add up to the cycle time.',
  bottleneck:
    'Bottleneck: the resource with the highest busy share while others starve or are blocked. A part source is it when the cell takes parts as fast as they arrive (cycle within 5 % of the source interval). Not named before the first part is finished.',
  density:
    'Robot density (IFR-equivalent) = robots / workers × 10,000. For one cell it is mostly a big number; the plant roll-up (Plant density tab) adds copies of the cell to a plant’s robots and headcount.',
  floor: 'Footprint: bounding area of the cell including fences; UPH per m² = throughput / footprint.',
} as const;

const COLLISIONS_DEFINITION = 'Collisions: robot links touching fixtures, other robots or parts, each counted once when the touch begins.';

const fixed = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** A's figure and the change to it, under a card's value, when a baseline is pinned. */
export interface CardBaseline {
  a: string;
  delta: string;
  verdict: 'better' | 'worse' | 'same' | null;
}

function Card({ label, value, unit, definition, baseline, wide = false, children }: { label: string; value: string; unit?: string; definition: string; baseline?: CardBaseline | undefined; wide?: boolean; children?: React.ReactNode }) {
  return (
    <div className={`kpi-card${wide ? ' wide' : ''}`} title={definition} data-kpi={label}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">
        {value}
        {unit && value !== '—' ? <small> {unit}</small> : null}
      </span>
      {baseline && (
        <span className={`kpi-baseline ${baseline.verdict ?? ''}`}>
          A {baseline.a} · {baseline.delta}
        </span>
      )}
      {children}
    </div>
  );
}

/** The bottleneck's name, "none", or "not enough data yet" before the first finished part. */
export function bottleneckLabel(kpis: CellKpis, names: ReadonlyMap<string, string>): string {
  const v = bottleneckVerdict(kpis.partsFinished, kpis.bottleneck);
  if (v.kind === 'not-enough-data') return 'not enough data yet';
  if (v.kind === 'none') return 'none';
  return names.get(v.bottleneck.id) ?? v.bottleneck.id;
}

/** The collisions card's tooltip: the definition, then the latest collisions with the program steps the robots were on. */
function collisionsTitle(kpis: CellKpis): string {
  const latest = kpis.collisions.slice(-5).map((c) => `${c.time.toFixed(3)} s: ${c.a} ↔ ${c.b}${collisionStepsText(c)}`);
  return [COLLISIONS_DEFINITION, ...(latest.length > 0 ? ['Latest:', ...latest] : [])].join('\n');
}

/** The headline numbers of a run with units, each with its definition as a tooltip. */
export function KpiCards({ kpis, cell, names, baselines }: { kpis: CellKpis; cell: Cell; names: ReadonlyMap<string, string>; baselines: ReadonlyMap<string, CardBaseline> }) {
  const d = kpis.density;
  const v = bottleneckVerdict(kpis.partsFinished, kpis.bottleneck);
  const plant = cell.plant ? plantDensity(cell.plant, { name: cell.name, robots: d.robots, workersPerShift: d.workers }) : null;
  return (
    <div className="kpi-cards">
      <Card label="Cell cycle time" value={fixed(kpis.cellCycleTime)} unit="s" definition={KPI_DEFINITIONS.cellCycle} baseline={baselines.get('cell cycle time')} />
      <Card label="Throughput" value={fixed(kpis.throughputUph, 0)} unit="UPH" definition={KPI_DEFINITIONS.uph} baseline={baselines.get('throughput')} />
      <Card label="Parts finished" value={String(kpis.partsFinished)} unit="parts" definition="Parts that reached a sink during the run." />
      <Card
        label="Bottleneck"
        value={bottleneckLabel(kpis, names)}
        definition={`${KPI_DEFINITIONS.bottleneck}${v.kind === 'found' ? ` Busy ${(v.bottleneck.busyShare * 100).toFixed(0)}%.` : ''}`}
        baseline={baselines.get('bottleneck')}
      />
      <Card label="Collisions" value={kpis.collisionCount.toLocaleString('en-US')} definition={collisionsTitle(kpis)} />
      <Card label="Footprint" value={fixed(d.footprintM2, 1)} unit="m²" definition={KPI_DEFINITIONS.floor} baseline={baselines.get('footprint')}>
        <span className="kpi-sub">{fixed(d.uphPerM2, 1)} UPH per m²</span>
      </Card>
      {plant ? (
        <Card label={`Plant robot density (${plant.plant})`} value={fixed(plant.withCells.density, 0)} unit="per 10,000 employees" definition={KPI_DEFINITIONS.density} wide baseline={baselines.get('plant density')}>
          {plant.withCells.density !== null && <DensityGauge density={plant.withCells.density} compact />}
          <span className="kpi-sub">
            {plant.reachesTarget ? 'reaches the plan’s 500' : plant.copiesForTarget === null ? 'no number of copies reaches 500' : `${plant.copiesForTarget} copies of this cell reach 500`}
          </span>
        </Card>
      ) : (
        <Card label="Robot density (cell only)" value={fixed(d.perTenThousandWorkers, 0)} unit="per 10,000 workers" definition={KPI_DEFINITIONS.density} wide baseline={baselines.get('robot density')}>
          <span className="kpi-sub">
            {d.robots} robot{d.robots === 1 ? '' : 's'}, {d.workers} worker{d.workers === 1 ? '' : 's'}: see Plant density
          </span>
        </Card>
      )}
    </div>
  );
}
