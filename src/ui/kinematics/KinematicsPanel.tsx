import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { dhLinkTransform, type DhTable } from '../../kinematics/dh';
import { labelledBranches } from '../../kinematics/ik-branches';
import { posableJoints } from '../../kinematics/start-pose';
import { activeJoints, type CellItem, type RobotItem } from '../../model';
import { kinematicsViewStore, toggleFrame } from '../../scene/kinematics/kinematics-view';
import { useResolvedRobot } from '../../scene/robot/resolved-cache';
import { cellStore } from '../../store/app-store';
import { updateItem } from '../../store/commands';
import { DEG, MM, roundForDisplay } from '../units';
import { kinematicsModel } from '../../scene/kinematics/kinematics-model';
import { formatTransform } from './singular';
import { jacobianRows, manipulabilityReport } from '../../kinematics/manipulability';
import { ManipulabilitySection } from './ManipulabilitySection';

const deg = (v: number) => roundForDisplay(DEG.fromSI(v), 2).toFixed(2);
const mm = (v: number) => roundForDisplay(MM.fromSI(v), 2).toFixed(2);

function DhTableView({ table }: { table: DhTable }) {
  const standard = table.convention === 'standard';
  return (
    <table className="kin-table" aria-label={`DH table (${table.convention})`}>
      <thead>
        <tr>
          <th>i</th>
          <th>joint</th>
          <th>{standard ? 'a' : 'a₍ᵢ₋₁₎'} mm</th>
          <th>{standard ? 'α' : 'α₍ᵢ₋₁₎'} °</th>
          <th>d mm</th>
          <th>θ °</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={r.joint}>
            <td>{i + 1}</td>
            <td>{r.joint}</td>
            <td>{mm(r.a)}</td>
            <td>{deg(r.alpha)}</td>
            <td>{r.prismatic ? `q + ${mm(r.d)}` : mm(r.d)}</td>
            <td>{r.prismatic ? deg(r.theta) : `q + ${deg(r.theta)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The kinematics section of a robot's inspector: the chain, its DH tables (or why it has
 * none), the FK product at the current pose, the labelled IK branches (click to jump, one undo
 * step) and how close the pose is to a singularity (ManipulabilitySection). Opening it draws the joint frames (and, on
 * request, the branches as ghosts) in the scene.
 */
export function KinematicsPanel({ item }: { item: RobotItem }) {
  const resolved = useResolvedRobot(item.source);
  const view = useStore(kinematicsViewStore);
  const [convention, setConvention] = useState<'standard' | 'modified'>('standard');
  const [copied, setCopied] = useState(false);
  const model = useMemo(() => (resolved ? kinematicsModel(resolved.description, item.source) : null), [resolved, item.source]);
  const open = view.robot === item.id;
  const joints = useMemo(() => (resolved ? activeJoints(resolved.description) : []), [resolved]);
  const q = useMemo(() => posableJoints(joints, item.joints), [joints, item.joints]);
  const data = useMemo(() => {
    if (!model || !open) return null;
    const { fk, ik, base, flange } = model;
    const target = fk.compute(q).relativePose(base, flange);
    ik.jacobian.compute(q);
    const report = manipulabilityReport(jacobianRows(ik.jacobian), 0.01);
    const columnJoints = report.jointRates.map((_, k) => joints[ik.jacobian.inputOfColumn(k)]);
    const branches = labelledBranches(ik, target, q);
    return { target, report, columnJoints, branches };
  }, [model, open, q, joints]);

  const toggle = (isOpen: boolean) => kinematicsViewStore.setState({ robot: isOpen ? item.id : view.robot === item.id ? null : view.robot });
  if (!resolved || !model) return null;
  const table = model.dh.ok ? model.dh[convention] : null;
  const product = table ? [formatTransform(table.base), ...table.rows.map((r) => formatTransform(dhLinkTransform(table, r, q))), formatTransform(table.tool)] : [];
  const productNames = table ? ['base', ...table.rows.map((r, i) => `A${i + 1} (${r.joint})`), 'tool'] : [];
  const copy = () => {
    if (!data) return;
    const text = [...productNames.map((n, i) => `${n}\n${product[i]!.join('\n')}`), `result (${model.flange} in ${model.base}, mm)\n${formatTransform(data.target).join('\n')}`].join('\n\n');
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
  };
  const jump = (branchQ: number[], label: string) =>
    cellStore.getState().execute({ ...updateItem(item.id, { joints: branchQ } as Partial<CellItem>), label: `Jump to IK branch: ${label}` });

  return (
    <details className="kinematics" open={open} onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary>Kinematics</summary>
      {open && data && (
        <div className="kin-body">
          <h3>Chain {model.base} → {model.flange}</h3>
          <table className="kin-table" aria-label="Kinematic chain">
            <thead>
              <tr><th>frame</th><th>joint</th><th>type</th><th>axis</th><th>limits</th><th>value</th></tr>
            </thead>
            <tbody>
              {joints.map((j, i) => {
                const unit = j.type === 'prismatic' ? MM : DEG;
                const lim = j.limits && Number.isFinite(j.limits.lower) ? `${roundForDisplay(unit.fromSI(j.limits.lower), 1)} … ${roundForDisplay(unit.fromSI(j.limits.upper), 1)}` : '—';
                return (
                  <tr key={j.name}>
                    <td><input type="checkbox" aria-label={`Show the frame of ${j.name}`} checked={!view.hiddenFrames.includes(j.name)} onChange={() => toggleFrame(j.name)} /></td>
                    <td>{j.name}</td>
                    <td>{j.type}</td>
                    <td>{j.axis.map((v) => roundForDisplay(v, 3)).join(' ')}</td>
                    <td>{lim} {unit.label}</td>
                    <td>{roundForDisplay(unit.fromSI(q[i] ?? 0), 2)} {unit.label}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="toggle"><input type="checkbox" checked={view.showFrames} onChange={(e) => kinematicsViewStore.setState({ showFrames: e.currentTarget.checked })} />Show joint frames (x red, y green, z blue)</label>

          <h3>DH parameters</h3>
          {model.dh.ok ? (
            <>
              <div className="row" role="radiogroup" aria-label="DH convention">
                {(['standard', 'modified'] as const).map((c) => (
                  <label key={c} className="toggle"><input type="radio" name={`dh-${item.id}`} checked={convention === c} onChange={() => setConvention(c)} />{c === 'standard' ? 'Standard (distal)' : 'Modified (Craig)'}</label>
                ))}
              </div>
              {table && <DhTableView table={table} />}
              <p className="hint">Rebuilt FK = base · A1 ⋯ A{table?.rows.length} · tool, checked against the URDF to 1e-9 m.</p>
            </>
          ) : (
            <p className="warning-line" role="note">{model.dh.note}</p>
          )}

          {table && (
            <>
              <h3>FK product at this pose <button onClick={copy} title="Copy every 4×4 and the result as text">{copied ? 'Copied' : 'Copy'}</button></h3>
              <div className="kin-product" aria-label="FK product">
                {productNames.map((n, i) => (
                  <figure key={n}><figcaption>{n}</figcaption><pre>{product[i]!.join('\n')}</pre></figure>
                ))}
                <figure><figcaption>= {model.flange} (mm)</figcaption><pre>{formatTransform(data.target).join('\n')}</pre></figure>
              </div>
            </>
          )}

          <h3>IK branches for this tool pose</h3>
          {data.branches.length === 0 ? (
            <p className="hint">No closed-form IK for this chain (only 6-axis spherical-wrist and UR-type arms have one).</p>
          ) : (
            <>
              <label className="toggle"><input type="checkbox" checked={view.showGhosts} onChange={(e) => kinematicsViewStore.setState({ showGhosts: e.currentTarget.checked })} />Show branches as ghosts</label>
              <ul className="kin-branches" aria-label="IK branches">
                {data.branches.map((b) => {
                  const current = b.q.every((v, i) => Math.abs(v - (q[i] ?? 0)) < 1e-6);
                  return (
                    <li key={b.branch} className={b.withinLimits ? '' : 'out-of-limits'}>
                      <button disabled={!b.withinLimits || current} onClick={() => jump(b.q, b.label)} title={b.withinLimits ? 'Jump to this configuration (one undo step)' : 'A joint has no value within its limits on this branch'}>
                        {b.label}
                      </button>
                      <small>{current ? ' current' : b.withinLimits ? '' : ' outside limits'}</small>
                    </li>
                  );
                })}
              </ul>
            </>
          )}

          <ManipulabilitySection itemId={item.id} report={data.report} joints={data.columnJoints} toolHeight={data.target[14]!} />
        </div>
      )}
    </details>
  );
}
