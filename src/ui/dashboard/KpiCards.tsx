import type { CellKpis } from '../../sim/kpi/compute';
import { DensityGauge } from '../DensityGauge';

/** DESIGN.md's definitions, shown next to the numbers (tooltips and the help line). */
export const KPI_DEFINITIONS = {
  cycle: 'Robot cycle time: time between consecutive completions of a robot’s program loop, after the warm-up cycles.',
  cellCycle: 'Cell cycle time (takt): mean time between finished parts leaving the cell in steady state.',
  uph: 'Throughput (UPH) = 3600 / cell cycle time.',
  utilization: 'Utilization: share of time in each state (moving loaded / empty, processing, gripper, I/O, waiting starved / blocked / interlock, idle). States sum to 100%.',
  bottleneck:
    'Bottleneck: the resource with the highest busy share while others starve or are blocked. A part source is it when the cell takes parts as fast as they arrive (cycle within 5 % of the source interval).',
  density: 'Robot density (IFR-equivalent) = robots / workers per shift × 10,000. A cell-level equivalent, not the official statistic.',
  floor: 'Footprint: bounding area of the cell including fences; UPH per m² = throughput / footprint.',
} as const;

const s = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits));

function Card({ label, value, unit, definition }: { label: string; value: string; unit?: string; definition: string }) {
  return (
    <div className="kpi-card" title={definition}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">
        {value}
        {unit && value !== '—' ? <small> {unit}</small> : null}
      </span>
    </div>
  );
}

/** The headline numbers of a run, each with its definition as a tooltip. */
export function KpiCards({ kpis }: { kpis: CellKpis }) {
  const d = kpis.density;
  const all = [...kpis.robots, ...kpis.machines, ...kpis.operators, ...kpis.conveyors, ...kpis.sources];
  const bottleneck = kpis.bottleneck ? (all.find((r) => r.id === kpis.bottleneck?.id)?.name ?? kpis.bottleneck.id) : null;
  return (
    <div className="kpi-cards">
      <Card label="Cell cycle time" value={s(kpis.cellCycleTime)} unit="s" definition={KPI_DEFINITIONS.cellCycle} />
      <Card label="Throughput" value={s(kpis.throughputUph, 0)} unit="UPH" definition={KPI_DEFINITIONS.uph} />
      <Card label="Parts finished" value={String(kpis.partsFinished)} definition="Parts that reached a sink during the run." />
      <Card
        label="Bottleneck"
        value={bottleneck ?? '—'}
        definition={`${KPI_DEFINITIONS.bottleneck}${kpis.bottleneck ? ` Busy ${(kpis.bottleneck.busyShare * 100).toFixed(0)}%.` : ''}`}
      />
      <Card label="Collisions" value={String(kpis.collisions.length)} definition="Robot links touching fixtures, other robots or parts." />
      <div className="kpi-card wide" title={KPI_DEFINITIONS.density}>
        <span className="kpi-label">Robot density (cell-level equivalent)</span>
        <span className="kpi-value">
          {s(d.perTenThousandWorkers, 0)} <small>per 10,000 workers</small>
        </span>
        {d.perTenThousandWorkers !== null && <DensityGauge density={d.perTenThousandWorkers} />}
      </div>
      <Card label="UPH per m²" value={s(d.uphPerM2, 2)} definition={KPI_DEFINITIONS.floor} />
    </div>
  );
}
