import { edit } from './edit';
import { ErrorBoundary } from './ErrorBoundary';
import type { Cell, CellItem, Pose } from '../model';
import { itemTypeLabel } from '../model';
import { setItemPose, setWorkersPerShift, updateItem } from '../store/commands';
import { deleteItems } from './delete-items';
import { useCell } from '../store/use-cell';
import { ArrangePanel } from './ArrangePanel';
import { ItemFields } from './ItemFields';
import { JogPanel } from './JogPanel';
import { LayoutPanel } from './LayoutPanel';
import { TargetsPanel } from './TargetsPanel';
import { NumberField } from './NumberField';
import { COUNT, DEG, MM } from './units';
import { cellPointer, itemPointer } from './experiment/field-pointer';
import { useStore } from 'zustand';
import { openProgramEditor, programPanelStore } from '../tools/program-panel-state';
import { PanelTabs } from './program/PanelTabs';
import { ProgramPanel } from './program/ProgramPanel';
import { CalibrateDialog } from './CalibrateDialog';
import { KinematicsPanel } from './kinematics/KinematicsPanel';

/** Opens the robot's program in the Program tab. */
function ProgramButton({ robot }: { robot: string }) {
  const steps = useCell((s) => s.cell.programs.find((p) => p.robot === robot)?.steps.length ?? 0);
  return (
    <button className="program-open-button" onClick={() => openProgramEditor(robot)} title="Edit this robot's program (steps, targets, speeds, timing)">
      {steps > 0 ? `Edit program (${steps} steps)` : 'Program this robot'}
    </button>
  );
}

function PoseFields({ item }: { item: CellItem }) {
  const set = (pose: Pose) => edit(setItemPose(item.id, pose));
  const { xyz, rpy } = item.pose;
  return (
    <fieldset>
      <legend>Pose (in the cell, Z up)</legend>
      {(['X', 'Y', 'Z'] as const).map((axis, i) => (
        <NumberField key={axis} label={axis} value={xyz[i] ?? 0} unit={MM} step={10} pointer={itemPointer(item.id, 'pose', 'xyz', i)} onCommit={(v) => set({ xyz: xyz.map((c, j) => (j === i ? v : c)) as Pose['xyz'], rpy })} />
      ))}
      {(['Roll', 'Pitch', 'Yaw'] as const).map((axis, i) => (
        <NumberField key={axis} label={axis} value={rpy[i] ?? 0} unit={DEG} step={15} pointer={itemPointer(item.id, 'pose', 'rpy', i)} onCommit={(v) => set({ xyz, rpy: rpy.map((c, j) => (j === i ? v : c)) as Pose['rpy'] })} />
      ))}
    </fieldset>
  );
}

function ItemInspector({ item }: { item: CellItem }) {
  return (
    <>
      <h2>
        {itemTypeLabel(item.type)} <small className="muted">{item.id}</small>
      </h2>
      <label className="field wide">
        <span className="field-label">Name</span>
        <input
          aria-label="Item name"
          key={item.name}
          defaultValue={item.name}
          onBlur={(e) => {
            const name = e.currentTarget.value.trim();
            if (name && name !== item.name) edit(updateItem(item.id, { name }));
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </label>
      <label className="toggle" title="A locked item cannot be moved with the handles or deleted">
        <input type="checkbox" checked={item.locked === true} onChange={(e) => edit(updateItem(item.id, { locked: e.currentTarget.checked }))} />
        Locked
      </label>
      <PoseFields item={item} />
      <fieldset>
        <legend>Parameters</legend>
        <ItemFields item={item} />
      </fieldset>
      {item.type === 'robot' && <ProgramButton robot={item.id} />}
      {item.type === 'robot' && (
        <ErrorBoundary area="jog panel" compact>
          <JogPanel item={item} />
        </ErrorBoundary>
      )}
      {item.type === 'robot' && (
        <ErrorBoundary area="kinematics view" compact>
          <KinematicsPanel item={item} />
        </ErrorBoundary>
      )}
      {item.type === 'robot' && (
        <ErrorBoundary area="calibration" compact>
          <CalibrateDialog item={item} />
        </ErrorBoundary>
      )}
      <button className="danger" onClick={() => deleteItems([item.id])} title="Delete (Del)" disabled={item.locked === true}>
        Delete
      </button>
    </>
  );
}

const floorCommand = (floor: Cell['floor']) => ({ label: 'Change floor size', apply: (c: Cell): Cell => ({ ...c, floor }) });

function CellInspector() {
  const cell = useCell((s) => s.cell);
  const area = cell.floor.width * cell.floor.depth;
  return (
    <>
      <h2>Cell</h2>
      <p className="hint">Select an item in the scene or in the list to edit it.</p>
      <fieldset>
        <legend>Floor</legend>
        <NumberField label="Width (X)" value={cell.floor.width} unit={MM} min={100} step={100} pointer={cellPointer('floor', 'width')} onCommit={(v) => edit(floorCommand({ ...cell.floor, width: v }))} />
        <NumberField label="Depth (Y)" value={cell.floor.depth} unit={MM} min={100} step={100} pointer={cellPointer('floor', 'depth')} onCommit={(v) => edit(floorCommand({ ...cell.floor, depth: v }))} />
        <p className="readout">
          Area <strong>{area.toFixed(1)} m²</strong>
        </p>
      </fieldset>
      <fieldset>
        <legend>Staffing</legend>
        <NumberField label="Workers / shift" value={cell.workersPerShift} unit={COUNT} min={0} integer pointer={cellPointer('workersPerShift')} onCommit={(v) => edit(setWorkersPerShift(v))} />
      </fieldset>
      <ErrorBoundary area="targets panel" compact>
        <TargetsPanel />
      </ErrorBoundary>
      <ErrorBoundary area="layout checks" compact>
        <LayoutPanel />
      </ErrorBoundary>
    </>
  );
}

/** The right panel: the selected item's fields, or the cell's when nothing is selected. */
export function Inspector() {
  const items = useCell((s) => s.cell.items);
  const selection = useCell((s) => s.selection);
  const selected = items.filter((i) => selection.includes(i.id));
  const tab = useStore(programPanelStore, (s) => s.tab);
  if (tab === 'program') {
    return (
      <aside className="panel right" aria-label="Program">
        <PanelTabs />
        <ProgramPanel />
      </aside>
    );
  }
  return (
    <aside className="panel right" aria-label="Inspector">
      <PanelTabs />
      {selected.length === 0 && <CellInspector />}
      {selected.length === 1 && selected[0] && <ItemInspector item={selected[0]} />}
      {selected.length > 1 && (
        <>
          <h2>{selected.length} items selected</h2>
          <ul className="plain">
            {selected.map((i) => (
              <li key={i.id}>{i.name}</li>
            ))}
          </ul>
          <ArrangePanel items={selected} />
          <button className="danger" onClick={() => deleteItems(selected.map((i) => i.id))}>
            Delete {selected.length} items
          </button>
        </>
      )}
    </aside>
  );
}
