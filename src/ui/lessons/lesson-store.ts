/**
 * The open lesson: which one, how many hints are shown, and its live verdict. UI state only
 * (never saved in the cell). The verdict follows the document: {@link startLessonWatch}
 * re-judges on every change of the lesson robot's item (a jog step, a drag, an undo), so
 * nothing the student does between two renders is missed, and stays cheap: one FK and one
 * closed-form IK per change.
 */
import { createStore } from 'zustand/vanilla';
import type { RobotDescription, RobotItem } from '../../model';
import { resolvedRobot } from '../../scene/robot/resolved-cache';
import { cellStore } from '../../store/app-store';
import { lessonById, type LessonEntry } from './lesson-catalog';
import { judgeLesson, lessonRobotItem, type LessonStatus } from './lesson-judge';
import { browserStorage } from '../browser-storage';
import { loadLessonsDone, saveLessonsDone } from './lesson-progress';

export interface LessonUiState {
  /** The lesson list is open. */
  listOpen: boolean;
  /** The open lesson's id, and the robot source its cell came with (to tell when the cell changed). */
  open: { id: string; source: RobotItem['source'] } | null;
  /** Hints revealed so far. */
  hintsShown: number;
  /** The verdict now; null while the robot is read. */
  status: LessonStatus | null;
  /** The lesson's robot is no longer in the cell (another cell was opened, or the lesson undone). */
  robotGone: boolean;
  /** What the student typed, for a lesson that asks for a number (mm as typed). */
  answer: string;
  /** Lessons done, in this browser (the list marks them; kept across visits by lesson-progress.ts). */
  done: string[];
}

export const lessonStore = createStore<LessonUiState>(() => ({ listOpen: false, open: null, hintsShown: 0, status: null, robotGone: false, answer: '', done: loadLessonsDone(browserStorage()) }));

lessonStore.subscribe((s, before) => {
  if (s.done !== before.done) saveLessonsDone(browserStorage(), s.done);
});

/** The entry of the open lesson, or null. */
export function openLessonEntry(): LessonEntry | null {
  const open = lessonStore.getState().open;
  return open ? (lessonById(open.id) ?? null) : null;
}

let judged: RobotItem | null = null;
let parsed: { source: RobotItem['source']; robot: RobotDescription } | null = null;

function judge(entry: LessonEntry, item: RobotItem, robot: RobotDescription): void {
  judged = item;
  const s = lessonStore.getState();
  const visited = s.status?.visited ?? [];
  const typed = s.answer.trim().replace(',', '.');
  const answer = typed === '' || !Number.isFinite(Number(typed)) ? null : Number(typed) / 1000;
  const status = judgeLesson(entry, cellStore.getState().cell, item, robot, visited, answer);
  const done = status.passed && !s.done.includes(entry.id) ? [...s.done, entry.id] : s.done;
  lessonStore.setState({ status, robotGone: false, done });
}

/** Judges the open lesson against the cell now (does nothing when the robot item has not changed). */
export function refreshLesson(): void {
  const s = lessonStore.getState();
  const entry = openLessonEntry();
  if (!s.open || !entry) return;
  const item = lessonRobotItem(entry, cellStore.getState().cell, s.open.source);
  if (!item) {
    judged = null;
    if (!s.robotGone) lessonStore.setState({ robotGone: true });
    return;
  }
  if (item === judged && !s.robotGone) return;
  if (parsed && parsed.source === item.source) return judge(entry, item, parsed.robot);
  void resolvedRobot(item.source).then(
    (r) => {
      parsed = { source: item.source, robot: r.description };
      // Judge only if it is still the same lesson and the item it was asked for is still current.
      if (openLessonEntry() === entry && lessonRobotItem(entry, cellStore.getState().cell, s.open!.source) === item) judge(entry, item, r.description);
    },
    () => lessonStore.setState({ status: { passed: false, message: 'The lesson robot could not be read.', visited: [], missing: [] } }),
  );
}

/** Re-judges the open lesson on every document change; returns the unsubscribe. */
export function startLessonWatch(): () => void {
  const unsubscribe = cellStore.subscribe((state, prev) => {
    if (state.cell !== prev.cell) refreshLesson();
  });
  refreshLesson();
  return unsubscribe;
}

/** Starts a lesson fresh in the store (the caller has put its cell in place). */
export function startLesson(id: string, source: RobotItem['source']): void {
  judged = null;
  lessonStore.setState({ open: { id, source }, hintsShown: 0, status: null, robotGone: false, listOpen: false, answer: '' });
  refreshLesson();
}

/** Closes the lesson card. */
export function closeLesson(): void {
  judged = null;
  lessonStore.setState({ open: null, status: null, robotGone: false, hintsShown: 0, answer: '' });
}

/** The student typed `text` (mm) as the answer: judged at once. */
export function setLessonAnswer(text: string): void {
  lessonStore.setState({ answer: text });
  judged = null;
  refreshLesson();
}
