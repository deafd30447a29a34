/**
 * The singularity part of the kinematics view: Yoshikawa's w, the Jacobian's smallest singular
 * value and condition number, the joint rates a 10 mm/s straight tool motion needs (in the
 * warning colour above a joint's speed limit), and the toggles of the ellipsoid and the heat map
 * (plane height, progress, legend).
 */
import { Fragment } from 'react';
import { useStore } from 'zustand';
import type { ManipulabilityReport } from '../../kinematics/manipulability';
import type { JointDescription } from '../../model';
import { heatGradientCss, heatMapStore } from '../../scene/kinematics/heat-map-store';
import { kinematicsViewStore } from '../../scene/kinematics/kinematics-view';
import { ELLIPSOID_SCALE } from '../../scene/kinematics/ManipulabilityOverlay';
import { NumberField } from '../NumberField';
import { DEG, MM, roundForDisplay } from '../units';

/** Above this condition number (or with a joint over its speed limit) the pose counts as near a singularity. */
export const NEAR_SINGULAR_CONDITION = 100;

/** Four significant digits, exponent form outside 0.001 … 10 000. */
const sig = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(Number(v.toPrecision(4))) : v.toExponential(2));

/** One joint's rate as text, and whether it exceeds the joint's speed limit (0: no limit given). */
export function jointRateText(rate: number, joint: JointDescription | undefined): { text: string; over: boolean } {
  const limit = joint?.limits?.velocity ?? 0;
  const over = limit > 0 && Math.abs(rate) > limit;
  if (!Number.isFinite(rate)) return { text: '∞', over: true };
  const unit = joint?.type === 'prismatic' ? MM : DEG;
  return { text: `${roundForDisplay(unit.fromSI(Math.abs(rate)), 1).toFixed(1)} ${unit.label}/s`, over };
}

export function ManipulabilitySection({ itemId, report, joints, toolHeight }: { itemId: string; report: ManipulabilityReport; joints: readonly (JointDescription | undefined)[]; toolHeight: number }) {
  const view = useStore(kinematicsViewStore);
  const heat = useStore(heatMapStore);
  const ownMap = heat.owner === itemId;
  const rates = report.jointRates.map((r, i) => jointRateText(report.achievable ? r : Infinity, joints[i]));
  const overLimit = rates.some((r) => r.over);
  const near = overLimit || report.conditionNumber > NEAR_SINGULAR_CONDITION;
  const height = view.heatMapHeight ?? toolHeight;
  return (
    <>
      <h3>Manipulability and singularity</h3>
      <p className={`readout ${near ? 'singular' : ''}`} aria-label="Manipulability">
        {near && <><strong>Near a singularity</strong><br /></>}
        Yoshikawa w = √det(J·Jᵀ) <strong data-value={report.yoshikawa}>{sig(report.yoshikawa)}</strong>
        <br />
        σ_min of J (6×{report.jointRates.length}) <strong data-value={report.sigmaMin}>{sig(report.sigmaMin)}</strong>
        {' · '}condition number σ_max/σ_min <strong data-value={report.conditionNumber}>{Number.isFinite(report.conditionNumber) ? sig(report.conditionNumber) : '∞'}</strong>
      </p>
      <p className="readout" aria-label="Joint rates for 10 mm/s">
        A straight tool motion at {MM.fromSI(report.speed)} mm/s, orientation held, along the hardest direction ({report.worstDirection.map((v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2)).join(', ')}){report.achievable ? ' needs:' : ' is impossible at exactly this pose (J has lost rank along it).'}
        <br />
        {rates.map((r, i) => (
          <Fragment key={i}>
            {i > 0 && ' · '}
            <span className={r.over ? 'rate over-limit' : 'rate'} data-rate={report.jointRates[i]} title={r.over ? 'Above this joint\'s speed limit' : undefined}>
              J{i + 1} {r.text}
            </span>
          </Fragment>
        ))}
      </p>
      <label className="toggle">
        <input type="checkbox" checked={view.showEllipsoid} onChange={(e) => kinematicsViewStore.setState({ showEllipsoid: e.currentTarget.checked })} />
        Show the manipulability ellipsoid at the tool
      </label>
      {view.showEllipsoid && (
        <p className="hint">
          Semi-axes: tool speed per rad/s of joint rates, {report.ellipsoid.lengths.map((l) => roundForDisplay(MM.fromSI(l), 0)).join(' / ')} mm/s; drawn at {ELLIPSOID_SCALE * 1000} mm per 1 m/s (where the tool gets in 1 s with joint rates of norm {ELLIPSOID_SCALE} rad/s).
        </p>
      )}
      <label className="toggle">
        <input type="checkbox" checked={view.showHeatMap} onChange={(e) => kinematicsViewStore.setState({ showHeatMap: e.currentTarget.checked })} />
        Show the manipulability heat map of a horizontal plane
      </label>
      {view.showHeatMap && (
        <div className="kin-heat">
          <div className="row">
            <NumberField label="Plane height" unit={MM} value={height} onCommit={(v) => kinematicsViewStore.setState({ heatMapHeight: v })} />
            <button onClick={() => kinematicsViewStore.setState({ heatMapHeight: null })} disabled={view.heatMapHeight === null} title="Use the tool's current height">At the tool</button>
          </div>
          {heat.status === 'running' && heat.owner === itemId && (
            <p className="hint" aria-label="Heat map progress">
              Solving IK over the plane… <progress max={heat.total} value={heat.done} /> {heat.done}/{heat.total} rows
            </p>
          )}
          {heat.status === 'error' && ownMap && <p className="warning-line">Heat map failed: {heat.message}</p>}
          {heat.grid && ownMap && heat.status !== 'error' && (
            <figure className="kin-legend" aria-label="Heat map legend">
              <div className="kin-legend-bar" style={{ background: heatGradientCss() }} />
              <figcaption>
                <span>w {sig(heat.minW)}</span>
                <span>{roundForDisplay(100 * heat.reachable, 0)} % reachable</span>
                <span>w {sig(heat.maxW)}</span>
              </figcaption>
              <p className="hint">
                Each cell: IK for the tool there with its current orientation, best branch within the limits; colour = w of that branch / the largest w; no colour: unreachable. Plane {roundForDisplay(MM.fromSI(heat.grid.height), 0)} mm above the base, {roundForDisplay(MM.fromSI(2 * heat.grid.halfSize), 0)} mm square, {heat.grid.cells}×{heat.grid.cells} cells.
              </p>
            </figure>
          )}
        </div>
      )}
    </>
  );
}
