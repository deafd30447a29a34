import { useStore } from 'zustand';
import { robotLoadStore } from '../scene/robot/load-status';
import { viewOptionsStore } from '../scene/view-options';
import { gizmoStore } from '../tools/gizmo-state';
import { measureStore } from '../tools/measure-state';
import { boxSelectStore } from '../tools/box-select-state';
import { planViewStore } from '../tools/plan-view';
import { action } from './actions/actions';
import { actionTitle } from './actions/registry';
import { PresentationButtons } from './present/CameraStopsPanel';

/** Loading progress of robot meshes: shown while any robot is still loading. */
function LoadProgress() {
  const statuses = useStore(robotLoadStore, (s) => s);
  const loading = Object.values(statuses).filter((s) => !s.done);
  if (loading.length === 0) return null;
  const loaded = loading.reduce((n, s) => n + s.loaded, 0);
  const total = loading.reduce((n, s) => n + s.total, 0);
  const label = loading.map((s) => s.label).join(', ');
  return (
    <div className="load-progress" role="progressbar" aria-label={`Loading ${label}`} aria-valuemin={0} aria-valuemax={total} aria-valuenow={loaded}>
      <span>
        Loading {label}
        {total > 0 ? `: ${loaded} of ${total} meshes` : '…'}
      </span>
      <div className="bar">
        <div style={{ width: total > 0 ? `${(100 * loaded) / total}%` : '10%' }} />
      </div>
    </div>
  );
}

const NO_HELP = { toggleHelp: () => undefined };

/** A registry action's tooltip, capitalised as a button's tooltip is. */
function titleOf(id: string): string {
  const t = actionTitle(action(id));
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A toolbar button for registry action `id`; `on` marks a mode or switch that is on. */
function ActionButton({ id, on }: { id: string; on?: boolean }) {
  const a = action(id);
  return (
    <button className={on ? 'on' : ''} aria-pressed={on} onClick={() => a.run(NO_HELP)} title={titleOf(id)}>
      {a.label}
    </button>
  );
}

/** Overlay on the 3D view: view switches and load progress; every button is a registry action. */
export function ViewToolbar() {
  const collision = useStore(viewOptionsStore, (s) => s.showCollision);
  const { mode, snap } = useStore(gizmoStore);
  const view = useStore(viewOptionsStore, (s) => s.view);
  const measuring = useStore(measureStore, (s) => s.active);
  const boxArmed = useStore(boxSelectStore, (s) => s.armed);
  const plan = useStore(planViewStore, (s) => s.open);
  return (
    <div className="view-toolbar">
      <div className="tool-buttons" role="toolbar" aria-label="Transform">
        <ActionButton id="move" on={mode === 'translate'} />
        <ActionButton id="rotate" on={mode === 'rotate'} />
        <ActionButton id="snap" on={snap} />
        <ActionButton id="frame" />
      </div>
      <div className="tool-buttons" role="toolbar" aria-label="View">
        <ActionButton id="view3d" on={view === 'perspective'} />
        <ActionButton id="viewTop" on={view === 'top'} />
        <ActionButton id="plan" on={plan} />
      </div>
      <div className="tool-buttons" role="toolbar" aria-label="Tools">
        <ActionButton id="boxSelect" on={boxArmed} />
        <ActionButton id="measure" on={measuring} />
      </div>
      <PresentationButtons />
      <label title={titleOf('collisionGeometry')}>
        <input type="checkbox" checked={collision} onChange={() => action('collisionGeometry').run(NO_HELP)} />
        {action('collisionGeometry').label}
      </label>
      <LoadProgress />
    </div>
  );
}
