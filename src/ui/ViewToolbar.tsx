import { useStore } from 'zustand';
import { robotLoadStore } from '../scene/robot/load-status';
import { requestFocus } from '../scene/focus';
import { viewOptionsStore } from '../scene/view-options';
import { gizmoStore } from '../tools/gizmo-state';
import { measureStore, toggleMeasuring } from '../tools/measure-state';
import { boxSelectStore } from '../tools/box-select-state';
import { toggleBoxSelect } from './box-select-actions';
import { planViewStore, togglePlanView } from '../tools/plan-view';
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

/** Overlay on the 3D view: view switches and load progress. */
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
        <button className={mode === 'translate' ? 'on' : ''} aria-pressed={mode === 'translate'} onClick={() => gizmoStore.setState({ mode: 'translate' })} title="Move handles (W)">
          Move
        </button>
        <button className={mode === 'rotate' ? 'on' : ''} aria-pressed={mode === 'rotate'} onClick={() => gizmoStore.setState({ mode: 'rotate' })} title="Rotate handles (E)">
          Rotate
        </button>
        <button className={snap ? 'on' : ''} aria-pressed={snap} onClick={() => gizmoStore.setState({ snap: !snap })} title="Snap to 10 mm / 15° (hold Shift while dragging to move freely)">
          Snap 10 mm / 15°
        </button>
        <button onClick={requestFocus} title="Frame the selection, or the whole cell (F)">
          Frame
        </button>
      </div>
      <div className="tool-buttons" role="toolbar" aria-label="View">
        <button className={view === 'perspective' ? 'on' : ''} aria-pressed={view === 'perspective'} onClick={() => viewOptionsStore.setState({ view: 'perspective' })} title="Perspective view (orbit with the mouse)">
          3D
        </button>
        <button className={view === 'top' ? 'on' : ''} aria-pressed={view === 'top'} onClick={() => viewOptionsStore.setState({ view: 'top' })} title="Orthographic top view (pan and zoom)">
          Top
        </button>
        <button className={plan ? 'on' : ''} aria-pressed={plan} onClick={togglePlanView} title="2D plan with dimensions in mm (P)">
          Plan
        </button>
      </div>
      <div className="tool-buttons" role="toolbar" aria-label="Tools">
        <button className={boxArmed ? 'on' : ''} aria-pressed={boxArmed} onClick={toggleBoxSelect} title="Box select: drag a rectangle, left → right for items wholly inside, right → left for items it touches (B, or Shift+drag on empty floor)">
          Box
        </button>
        <button className={measuring ? 'on' : ''} aria-pressed={measuring} onClick={toggleMeasuring} title="Measure the distance between two points (M)">
          Measure
        </button>
      </div>
      <PresentationButtons />
      <label title="Show robots' collision geometry instead of their visual meshes">
        <input type="checkbox" checked={collision} onChange={(e) => viewOptionsStore.setState({ showCollision: e.currentTarget.checked })} />
        Collision geometry
      </label>
      <LoadProgress />
    </div>
  );
}
