/**
 * Starting and finishing a drawn fence run from the UI: the library entry starts it, and the
 * finished polyline becomes fence panels in one undoable edit.
 */
import { addFenceRun } from '../store/fence-run';
import { fenceRunPanels, type Point2 } from '../tools/fence-run';
import { startFenceDraw } from '../tools/fence-draw-state';
import { edit } from './edit';
import { notify } from './notices';
import { refuseIfReadOnly } from './session';

/** Enters the drawing mode (the library's "Fence run (draw)"). */
export function startFenceRun(): void {
  if (refuseIfReadOnly()) return;
  startFenceDraw(); // the active-tool machine ends the other tools
}

/** Adds the panels of a finished run; a run without a usable segment is explained, not added. */
export function finishFenceRun(points: Point2[]): void {
  const panels = fenceRunPanels(points);
  if (panels.length === 0) {
    notify('info', 'No fence added', ['A fence run needs two points at least 100 mm apart.']);
    return;
  }
  edit(addFenceRun(panels));
}
