import type { CellKpis, ResourceKpis, RobotKpis } from '../../sim/kpi/compute';
import { KPI_DEFINITIONS } from './KpiCards';
import { stateColour } from './state-colours';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function Bar({ resource }: { resource: ResourceKpis }) {
  const shares = Object.entries(resource.utilization ?? {}).filter(([, v]) => v > 0);
  return (
    <div className="util-row">
      <span className="util-name" title={resource.id}>
        {resource.name}
      </span>
      <div className="util-bar" role="img" aria-label={`${resource.name}: ${shares.map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`}>
        {shares.map(([state, share]) => (
          <div key={state} style={{ width: pct(share), background: stateColour(state) }} title={`${state}: ${pct(share)}`} />
        ))}
      </div>
    </div>
  );
}

function CycleTable({ robots }: { robots: RobotKpis[] }) {
  return (
    <table className="cycle-table" title={KPI_DEFINITIONS.cycle}>
      <thead>
        <tr>
          <th>Robot</th>
          <th>cycles</th>
          <th>mean s</th>
          <th>p50</th>
          <th>p95</th>
          <th>min</th>
          <th>max</th>
          <th title="Per cycle: motion / gripper / I/O / process / waiting, seconds">breakdown s</th>
        </tr>
      </thead>
      <tbody>
        {robots.map((r) => (
          <tr key={r.id}>
            <td>{r.name}</td>
            <td>{r.cycleTime?.count ?? 0}</td>
            <td>{r.cycleTime?.mean.toFixed(3) ?? '—'}</td>
            <td>{r.cycleTime?.p50.toFixed(3) ?? '—'}</td>
            <td>{r.cycleTime?.p95.toFixed(3) ?? '—'}</td>
            <td>{r.cycleTime?.min.toFixed(3) ?? '—'}</td>
            <td>{r.cycleTime?.max.toFixed(3) ?? '—'}</td>
            <td>
              {r.breakdown
                ? `${r.breakdown.motion.toFixed(2)} / ${r.breakdown.gripper.toFixed(2)} / ${r.breakdown.io.toFixed(2)} / ${r.breakdown.process.toFixed(2)} / ${r.breakdown.waiting.toFixed(2)}`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per-resource utilization as stacked bars, and the robots' cycle-time statistics. */
export function UtilizationBars({ kpis }: { kpis: CellKpis }) {
  const resources = [...kpis.robots, ...kpis.machines, ...kpis.operators];
  const states = [...new Set(resources.flatMap((r) => Object.keys(r.utilization ?? {})))];
  return (
    <div className="util" title={KPI_DEFINITIONS.utilization}>
      {resources.map((r) => (
        <Bar key={r.id} resource={r} />
      ))}
      <div className="legend">
        {states.map((s) => (
          <span key={s}>
            <i style={{ background: stateColour(s) }} /> {s}
          </span>
        ))}
      </div>
      {kpis.robots.length > 0 && <CycleTable robots={kpis.robots} />}
    </div>
  );
}
