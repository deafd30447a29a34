/**
 * Every editor command, declared once (see registry.ts for the fields). The keyboard shortcuts,
 * the shortcut help, the top bar, its Export menu, the run controls and the view toolbar read
 * this list.
 */
import { cellStore } from '../../store/app-store';
import { duplicateItems, nextItemId } from '../../store/commands';
import { requestFocus } from '../../scene/focus';
import { activeToolStore, dispatchTool } from '../../tools/active-tool-bridge';
import { gizmoStore } from '../../tools/gizmo-state';
import { toggleMeasuring } from '../../tools/measure-state';
import { togglePlanView } from '../../tools/plan-view';
import { toggleBoxSelect } from '../box-select-actions';
import { copySelection, pasteClipboard } from '../clipboard';
import { deleteItems } from '../delete-items';
import { edit } from '../edit';
import { pickAndOpenCellFile, saveCellFile } from '../file-actions';
import { groupSelection, ungroupSelection } from '../group-actions';
import { notify } from '../notices';
import { cancelAnalysis, resetRun, stepRun, toggleRun } from '../run-actions';
import { exportGltf, exportPlanSvg, exportScreenshot } from '../export-actions';
import { viewOptionsStore } from '../../scene/view-options';
import { showExperimentPanel } from '../experiment/experiment-store';
import { shareCell } from '../session';
import { openEmbedDialog } from '../embed/embed-dialog-state';
import { lessonStore } from '../lessons/lesson-store';
import { addCameraStopFromView, toggleCameraStopsPanel } from '../present/camera-stop-actions';
import { leavePresent, presentStore, togglePresent } from '../present/present-state';
import { recordTour } from '../present/record-tour';
import type { Action, GestureHint } from './registry';

const state = () => cellStore.getState();
const hasSelection = () => state().selection.length > 0;

function deleteSelection(): void {
  const s = state();
  const locked = s.cell.items.filter((i) => s.selection.includes(i.id) && i.locked);
  if (locked.length > 0) notify('info', `${locked.map((i) => i.name).join(', ')} ${locked.length > 1 ? 'are' : 'is'} locked`, ['Unlock it in the inspector to delete it.']);
  else deleteItems(s.selection);
}

/** Escape: leave Present mode, else the active tool, else cancel an analysis run, else clear the selection. */
function escape(): void {
  if (presentStore.getState().active) return leavePresent();
  if (activeToolStore.getState().tool !== 'gizmo') return dispatchTool({ type: 'cancel' });
  if (!cancelAnalysis()) state().select([]);
}

/** The commands, in the order the shortcut help lists them. */
export const ACTIONS: readonly Action[] = [
  { id: 'undo', label: 'Undo', help: 'undo', keys: ['Mod+Z'], edits: true, run: () => state().undo() },
  { id: 'redo', label: 'Redo', help: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], edits: true, run: () => state().redo() },
  { id: 'delete', label: 'Delete', help: 'delete the selection', keys: ['Delete', 'Backspace'], edits: true, undoLabel: 'Delete …', enabled: hasSelection, run: deleteSelection },
  {
    id: 'duplicate',
    label: 'Duplicate',
    help: 'duplicate the selection',
    keys: ['Mod+D'],
    edits: true,
    undoLabel: 'Duplicate …',
    enabled: hasSelection,
    run: () => edit(duplicateItems(state().selection, (prefix) => nextItemId(state().cell, prefix))),
  },
  { id: 'copy', label: 'Copy', help: 'copy items', keys: ['Mod+C'], run: copySelection },
  { id: 'paste', label: 'Paste', help: 'paste items', keys: ['Mod+V'], edits: true, undoLabel: 'Paste …', run: pasteClipboard },
  { id: 'selectAll', label: 'Select all', help: 'select everything', keys: ['Mod+A'], run: () => state().select(state().cell.items.map((i) => i.id)) },
  { id: 'boxSelect', label: 'Box', help: 'box select: left → right takes items wholly inside, right → left items it touches (Shift adds)', keys: ['B'], run: toggleBoxSelect },
  { id: 'group', label: 'Group', help: 'group the selection', keys: ['Mod+G'], edits: true, undoLabel: 'Group …', run: groupSelection },
  { id: 'ungroup', label: 'Ungroup', help: 'ungroup the selection', keys: ['Mod+Shift+G'], edits: true, undoLabel: 'Ungroup …', run: ungroupSelection },
  { id: 'escape', label: 'Cancel', help: 'leave the active tool, cancel an analysis run, else clear the selection', keys: ['Escape'], run: escape },
  { id: 'move', label: 'Move', help: 'move handles on the selection (several items move together)', keys: ['W'], run: () => gizmoStore.setState({ mode: 'translate' }) },
  { id: 'rotate', label: 'Rotate', help: 'rotate handles on the selection (several items turn together)', keys: ['E'], run: () => gizmoStore.setState({ mode: 'rotate' }) },
  { id: 'frame', label: 'Frame', help: 'frame the selection (or the whole cell)', keys: ['F'], run: requestFocus },
  { id: 'ikDrag', label: 'Drag the tool (IK)', help: 'drag the selected robot by its tool (inverse kinematics) or move the robot', keys: ['T'], run: () => dispatchTool({ type: 'toggle', tool: 'ikDrag' }) },
  { id: 'measure', label: 'Measure', help: 'measure: click two points (Esc leaves)', keys: ['M'], run: toggleMeasuring },
  { id: 'plan', label: 'Plan', help: 'show / hide the 2D plan with dimensions', keys: ['P'], run: togglePlanView },
  { id: 'run', label: 'Run', help: 'run / pause the simulation', keys: ['Space'], run: () => void toggleRun() },
  { id: 'step', label: 'Step', help: 'advance 0.1 s of simulated time', run: () => void stepRun() },
  { id: 'reset', label: 'Reset', help: 'stop and go back to the cell as laid out', run: resetRun },
  { id: 'snap', label: 'Snap 10 mm / 15°', help: 'snap moves to 10 mm and turns to 15° (hold Shift while dragging to move freely)', run: () => gizmoStore.setState((g) => ({ snap: !g.snap })) },
  { id: 'view3d', label: '3D', help: 'perspective view (orbit with the mouse)', run: () => viewOptionsStore.setState({ view: 'perspective' }) },
  { id: 'viewTop', label: 'Top', help: 'orthographic top view (pan and zoom)', run: () => viewOptionsStore.setState({ view: 'top' }) },
  { id: 'collisionGeometry', label: 'Collision geometry', help: "show robots' collision geometry instead of their visual meshes", run: () => viewOptionsStore.setState((v) => ({ showCollision: !v.showCollision })) },
  { id: 'experiment', label: 'Experiment', help: 'vary fields of the cell, run every variant × seed on web workers and compare the results (Experiment tab)', run: showExperimentPanel },
  { id: 'exportScreenshot', label: 'Screenshot (PNG)', help: 'download a PNG of the 3D view', run: () => void exportScreenshot() },
  { id: 'exportGltf', label: 'Layout 3D (glTF .glb)', help: 'download the layout as glTF binary, for other 3D tools', run: () => void exportGltf() },
  { id: 'exportPlanSvg', label: 'Plan with dimensions (SVG)', help: 'download the 2D plan with dimensions in mm as SVG', run: () => void exportPlanSvg() },
  { id: 'save', label: 'Save', help: 'save the cell as .cell.json', keys: ['Mod+S'], edits: true, run: saveCellFile },
  { id: 'open', label: 'Open', help: 'open a .cell.json file', keys: ['Mod+O'], edits: true, run: pickAndOpenCellFile },
  { id: 'share', label: 'Share', help: 'copy a link that holds the whole cell', run: () => void shareCell() },
  { id: 'embed', label: 'Embed', help: 'get an <iframe> snippet that shows this cell running on another page', run: openEmbedDialog },
  { id: 'addCameraStop', label: 'Add camera stop', help: 'save the current view as a stop of the camera tour (then type its caption)', edits: true, undoLabel: 'Add camera stop', run: addCameraStopFromView },
  { id: 'cameraStops', label: 'Stops…', help: 'show the camera tour’s stops: captions, durations, order', run: toggleCameraStopsPanel },
  { id: 'present', label: 'Present', help: 'present: full screen, the cell running, the camera tour with captions and KPIs (Esc leaves)', keys: ['F5'], run: togglePresent },
  { id: 'recordTour', label: 'Record tour as WebM', help: 'record one loop of the camera tour, with captions, as a WebM video', run: () => void recordTour() },
  { id: 'lessons', label: 'Lessons', help: 'kinematics lessons: exercises on a real robot that check your answer as you jog', run: () => lessonStore.setState({ listOpen: true }) },
  { id: 'help', label: 'Shortcuts', help: 'show these shortcuts', keys: ['?'], run: (ctx) => ctx.toggleHelp() },
];

/** Gestures the help lists beside the commands. */
export const GESTURES: readonly GestureHint[] = [
  { keys: 'Shift+drag on empty floor', help: 'box select without arming it' },
  { keys: 'Alt+click / double-click', help: 'select one item of a group (a click selects the whole group)' },
  { keys: 'Shift (while dragging)', help: 'move freely, without the 10 mm / 15° snap' },
  { keys: 'Enter / Backspace / Esc', help: 'while drawing a fence run: finish / remove the last point / cancel' },
];

/** The action with `id` (a typo in a caller is a bug, so it throws). */
export function action(id: string): Action {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`no action "${id}"`);
  return a;
}
