/**
 * Opening a lesson: its cell replaces the document as one undo step ("Undo Open lesson …" goes
 * back to the cell the student had), the lesson's robot is selected with its Kinematics section
 * open, and the lesson card starts judging. `?lesson=ID` in the page address does the same at
 * start-up.
 */
import type { CellItem, RobotItem } from '../../model';
import { requestFocus } from '../../scene/focus';
import { kinematicsViewStore } from '../../scene/kinematics/kinematics-view';
import { robotLoadStore } from '../../scene/robot/load-status';
import { resolvedRobot } from '../../scene/robot/resolved-cache';
import { cellStore } from '../../store/app-store';
import { updateItem } from '../../store/commands';
import { edit } from '../edit';
import { notify } from '../notices';
import { lessonById, lessonCell, lessonEntries } from './lesson-catalog';
import { toolToTarget } from './lesson-judge';
import { lessonStore, openLessonEntry, startLesson } from './lesson-store';

/** Opens lesson `id`; returns false (and says why) when it cannot. */
export function openLesson(id: string): boolean {
  let entries;
  try {
    entries = lessonEntries();
  } catch (e) {
    notify('error', 'The lessons could not be read', [e instanceof Error ? e.message : String(e)]);
    return false;
  }
  const entry = lessonById(id);
  if (!entry) {
    notify('error', `There is no lesson "${id}"`, [`The lessons are: ${entries.map((e) => e.id).join(', ')}.`]);
    return false;
  }
  let cell;
  try {
    cell = lessonCell(entry);
  } catch (e) {
    notify('error', `Could not open the lesson "${entry.lesson.title}"`, [e instanceof Error ? e.message : String(e)]);
    return false;
  }
  const robotId = entry.lesson.robot;
  if (!edit({ label: `Open lesson: ${entry.lesson.title}`, apply: () => cell, select: () => [robotId] })) return false;
  cellStore.getState().select([robotId]);
  // Kinematics open for the lesson robot; ghosts only where the lesson is about branches (its card has the box).
  kinematicsViewStore.setState({ robot: robotId, showGhosts: false });
  frameWhenLoaded(robotId);
  const item = cell.items.find((i): i is RobotItem => i.id === robotId && i.type === 'robot')!;
  startLesson(entry.id, item.source);
  return true;
}

let stopFraming: (() => void) | null = null;

/** Frames the lesson robot now, and again once its meshes have loaded (the bounds change then). */
function frameWhenLoaded(robotId: string): void {
  stopFraming?.();
  requestFocus();
  let seenLoading = robotLoadStore.getState()[robotId]?.done !== true;
  const unsubscribe = robotLoadStore.subscribe((loads) => {
    const status = loads[robotId];
    if (!status?.done) seenLoading = true;
    else if (seenLoading) {
      requestFocus();
      unsubscribe();
      stopFraming = null;
    }
  });
  stopFraming = unsubscribe;
}

/** Opens the lesson named by `?lesson=ID` in `search`, if any. */
export function openLessonFromQuery(search: string): void {
  const id = new URLSearchParams(search).get('lesson');
  if (id) openLesson(id);
}

/** Eight-branches lesson: moves the robot's tool onto the target, on the nearest configuration (one undo step). */
export function moveToolToTarget(): void {
  const entry = openLessonEntry();
  const open = lessonStore.getState().open;
  if (!entry || !open) return;
  const cell = cellStore.getState().cell;
  const item = cell.items.find((i): i is RobotItem => i.id === entry.lesson.robot && i.type === 'robot');
  if (!item) return;
  void resolvedRobot(item.source).then((r) => {
    const q = toolToTarget(entry, cell, item, r.description);
    if (q) edit({ ...updateItem(item.id, { joints: q } as Partial<CellItem>), label: 'Tool to target' });
    else notify('info', 'The tool cannot reach the target from here', ['No solution within the joint limits: jog closer and try again.']);
  });
}
