import { useMemo } from 'react';
import { activeJoints, type CellItem, type JointDescription, type RobotItem } from '../model';
import { mat4Position } from '../kinematics/mat4';
import { mat4Rpy } from '../kinematics/rpy';
import { posableJoints } from '../kinematics/start-pose';
import { useResolvedRobot } from '../scene/robot/resolved-cache';
import { robotKinematics } from '../scene/robot/robot-kinematics';
import { ikStatusStore } from '../scene/ik-status';
import { viewOptionsStore } from '../scene/view-options';
import { gizmoStore } from '../tools/gizmo-state';
import { useStore } from 'zustand';
import { teachAtTool } from './teach';
import { cellStore } from '../store/app-store';
import { updateItem } from '../store/commands';
import { DEG, MM, roundForDisplay } from './units';
import { EditCollisionWarning } from './EditCollisionWarning';

const jointsCommand = (id: string, joints: number[], label: string) => ({ ...updateItem(id, { joints } as Partial<CellItem>), label });

/** Slider range of a joint: its limits, or one turn each way for continuous joints. */
function range(j: JointDescription): [number, number] {
  const lower = j.limits && Number.isFinite(j.limits.lower) ? j.limits.lower : -2 * Math.PI;
  const upper = j.limits && Number.isFinite(j.limits.upper) ? j.limits.upper : 2 * Math.PI;
  return [lower, upper];
}

function JointSlider({ item, joint, index, q }: { item: RobotItem; joint: JointDescription; index: number; q: number[] }) {
  const unit = joint.type === 'prismatic' ? MM : DEG;
  const [lower, upper] = range(joint);
  const value = q[index] ?? 0;
  const label = `Jog ${joint.name}`;
  const set = (v: number) => {
    const next = [...q];
    next[index] = Math.min(upper, Math.max(lower, v));
    cellStore.getState().updateGesture(jointsCommand(item.id, next, label));
  };
  const end = () => cellStore.getState().gestureActive && cellStore.getState().endGesture();
  return (
    <div className="jog-joint">
      <div className="jog-head">
        <span title={joint.name}>J{index + 1}</span>
        <strong>
          {roundForDisplay(unit.fromSI(value), 1)} {unit.label}
        </strong>
        <small>
          {roundForDisplay(unit.fromSI(lower), 0)} … {roundForDisplay(unit.fromSI(upper), 0)}
        </small>
      </div>
      <input
        type="range"
        aria-label={`${joint.name} (${unit.label})`}
        min={unit.fromSI(lower)}
        max={unit.fromSI(upper)}
        step={joint.type === 'prismatic' ? 1 : 0.5}
        value={unit.fromSI(value)}
        onPointerDown={() => cellStore.getState().beginGesture(label)}
        onChange={(e) => set(unit.toSI(Number(e.currentTarget.value)))}
        onPointerUp={end}
        onKeyUp={end}
        onBlur={end}
      />
    </div>
  );
}

/**
 * Joint jogging for the selected robot: a slider per joint within its limits (degrees, or mm
 * for prismatic joints) and the tool flange pose, in mm and degrees, updating as you drag. A
 * drag of a slider is one undo step.
 */
export function JogPanel({ item }: { item: RobotItem }) {
  const resolved = useResolvedRobot(item.source);
  const kin = useMemo(() => (resolved ? robotKinematics(resolved.description, item.source) : null), [resolved, item.source]);
  const ikMode = useStore(gizmoStore, (s) => s.ik);
  const showReach = useStore(viewOptionsStore, (s) => s.showReach);
  const ikStatus = useStore(ikStatusStore);
  if (!resolved || !kin) return <p className="hint">Reading the robot description…</p>;
  const joints = activeJoints(resolved.description);
  const q = posableJoints(joints, item.joints);
  const { fk, flange } = kin;
  kin.ik.jacobian.compute(q);
  const manipulability = kin.ik.jacobian.manipulability() / kin.typicalManipulability;
  const nearSingular = manipulability < 0.05;
  const pose = fk.relativePose(resolved.description.root, flange);
  const p = mat4Position(pose);
  const r = mat4Rpy(pose);
  return (
    <fieldset className="jog">
      <legend>Joints</legend>
      <EditCollisionWarning robot={item.id} />
      {joints.map((j, i) => (
        <JointSlider key={j.name} item={item} joint={j} index={i} q={q} />
      ))}
      <div className="row">
        <button onClick={() => cellStore.getState().execute(jointsCommand(item.id, joints.map(() => 0), 'Home joints'))}>Home (all 0)</button>
        <button onClick={() => teachAtTool(item, kin)} title="Save the current flange pose as a named target in the cell">
          Teach target here
        </button>
      </div>
      <label className="toggle" title="Drag the tool frame with the handles; the arm follows by inverse kinematics (T)">
        <input type="checkbox" checked={ikMode} onChange={(e) => gizmoStore.setState({ ik: e.currentTarget.checked })} />
        Drag the tool (IK)
      </label>
      <label className="toggle" title="Sample the reachable workspace of the flange (computed in a worker)">
        <input type="checkbox" checked={showReach} onChange={(e) => viewOptionsStore.setState({ showReach: e.currentTarget.checked })} />
        Show reach envelope
      </label>
      {ikMode && !ikStatus.reachable && <p className="warning-line">Target out of reach: {MM.fromSI(ikStatus.positionError).toFixed(0)} mm short. The arm stays at its last reachable pose.</p>}
      <p className={`readout ${nearSingular ? 'singular' : ''}`} title="Yoshikawa manipulability √det(J·Jᵀ), relative to this robot's median over random poses. Near 0: a singularity, where some tool motions need huge joint speeds.">
        Manipulability <strong>{manipulability.toFixed(2)}</strong> × typical{nearSingular ? ' · near a singularity' : ''}
      </p>
      <p className="readout tool-pose" aria-label="Tool pose">
        {flange} in {resolved.description.root}:
        <br />
        X {MM.fromSI(p[0]).toFixed(1)} Y {MM.fromSI(p[1]).toFixed(1)} Z {MM.fromSI(p[2]).toFixed(1)} mm
        <br />
        R {DEG.fromSI(r[0]).toFixed(1)} P {DEG.fromSI(r[1]).toFixed(1)} Y {DEG.fromSI(r[2]).toFixed(1)} °
      </p>
    </fieldset>
  );
}
