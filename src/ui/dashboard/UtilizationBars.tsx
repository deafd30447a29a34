import type { CellKpis, ResourceKpis, RobotKpis } from '../../sim/kpi/compute';
import { KPI_DEFINITIONS } from './KpiCards';
import { stateColour } from './state-colours';

const pct = (v: number, digits = 1) => `${(v * 100).toFixed(digits)}%`;

function Bar({ resource, name }: { resource: ResourceKpis; name: string }) {
  const shares = Object.entries(resource.utilization ?? {}).filter(([, v]) => v > 0);
  return (
    <div className="util-row">
      <span className="util-name" title={`${name} (${resource.kind})`}>
        {name}
      </span>
      <div className="util-bar" role="img" aria-label={`${name}: ${shares.map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`}>
        {shares.map(([state, share]) => (
          <div key={state} style={{ width: pct(share), background: stateColour(state) }} title={`${state}: ${pct(share)}`}>
            {share >= 0.1 && <span>{pct(share, 0)}</span>}
          </div>
        ))}
      </div>
      <span className="util-busy" title="Busy: share of time in working states (not waiting, not idle)">
        {resource.utilization ? `${pct(resource.busyShare, 0)} busy` : '—'}
      </span>
    </div>
  );
}

function CycleTable({ robots, names }: { robots: RobotKpis[]; names: ReadonlyMap<string, string> }) {
  const s3 = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2));
  return (
    <table className="cycle-table" title={KPI_DEFINITIONS.cycle}>
      <thead>
        <tr>
          <th>Robot cycle time</th>
          <th>cycles</th>
          <th>mean (s)</th>
          <th>p50 (s)</th>
          <th>p95 (s)</th>
          <th>min (s)</th>
          <th>max (s)</th>
        </tr>
      </thead>
      <tbody>
        {robots.map((r) => (
          <tr key={r.id}>
            <td>{names.get(r.id) ?? r.name} {r.motionSource && <small className="motion-source" title="Motion data: vendor-fitted (fitted to a published cycle), calibrated (from measured times) or assumed (documented default) — docs/FIDELITY.md">{r.motionSource}</small>}</td>
            <td>{r.cycleTime?.count ?? 0}</td>
            <td>{s3(r.cycleTime?.mean)}</td>
            <td>{s3(r.cycleTime?.p50)}</td>
            <td>{s3(r.cycleTime?.p95)}</td>
            <td>{s3(r.cycleTime?.min)}</td>
            <td>{s3(r.cycleTime?.max)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per-resource utilization as stacked bars with % labels and a legend; the robots' cycle statistics. */
export function UtilizationBars({ kpis, names }: { kpis: CellKpis; names: ReadonlyMap<string, string> }) {
  const resources = [...kpis.robots, ...kpis.machines, ...kpis.operators, ...kpis.sources];
  const states = [...new Set(resources.flatMap((r) => Object.entries(r.utilization ?? {}).filter(([, v]) => v > 0).map(([k]) => k)))];
  return (
    <section className="dash-section util" aria-label="Utilization" title={KPI_DEFINITIONS.utilization}>
      <h3>Utilization <small>share of each resource’s steady-state window</small></h3>
      {resources.map((r) => (
        <Bar key={r.id} resource={r} name={names.get(r.id) ?? r.name} />
      ))}
      <div className="legend">
        {states.map((s) => (
          <span key={s}>
            <i style={{ background: stateColour(s) }} /> {s}
          </span>
        ))}
      </div>
      {kpis.robots.length > 0 && <CycleTable robots={kpis.robots} names={names} />}
    </section>
  );
}
