import { useMemo } from 'react';
import { activeJoints, type CellItem, type JointDescription, type RobotItem } from '../model';
import { ForwardKinematics } from '../kinematics/forward';
import { mat4Position } from '../kinematics/mat4';
import { mat4Rpy } from '../kinematics/rpy';
import { flangeLink } from '../scene/robot/flange';
import { useResolvedRobot } from '../scene/robot/resolved-cache';
import { cellStore } from '../store/app-store';
import { updateItem } from '../store/commands';
import { DEG, MM, roundForDisplay } from './units';

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
  const fk = useMemo(() => (resolved ? new ForwardKinematics(resolved.description) : null), [resolved]);
  if (!resolved || !fk) return <p className="hint">Reading the robot description…</p>;
  const joints = activeJoints(resolved.description);
  const q = joints.map((_, i) => item.joints?.[i] ?? 0);
  const flange = flangeLink(item.source, resolved.description);
  fk.compute(q);
  const pose = fk.relativePose(resolved.description.root, flange);
  const p = mat4Position(pose);
  const r = mat4Rpy(pose);
  return (
    <fieldset className="jog">
      <legend>Joints</legend>
      {joints.map((j, i) => (
        <JointSlider key={j.name} item={item} joint={j} index={i} q={q} />
      ))}
      <button onClick={() => cellStore.getState().execute(jointsCommand(item.id, joints.map(() => 0), 'Home joints'))}>Home (all 0)</button>
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
