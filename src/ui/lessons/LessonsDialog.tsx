import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { lessonCell, lessonEntries, type LessonEntry } from './lesson-catalog';
import { lessonStore } from './lesson-store';
import { openLesson } from './open-lesson';

const close = () => lessonStore.setState({ listOpen: false });

/** What a lesson is about, in one line: its check. */
const KIND_NOTES: Record<LessonEntry['lesson']['check']['kind'], string> = {
  'wrist-singularity': 'Singularities · the Jacobian',
  'eight-branches': 'Inverse kinematics · configurations',
  'dh-parameter': 'Denavit–Hartenberg parameters',
};

/** The robot the lesson is on, as its cell names it ("KR 6 R900"). */
function robotName(entry: LessonEntry): string {
  try {
    const item = lessonCell(entry).items.find((i) => i.id === entry.lesson.robot);
    return item ? item.name.replace(/\s*\(lesson\)$/, '') : entry.lesson.robot;
  } catch {
    return entry.lesson.cell;
  }
}

/** The lesson list: every bundled lesson with its topic; a click opens it (one undo step). */
export function LessonsDialog() {
  const open = useStore(lessonStore, (s) => s.listOpen);
  const done = useStore(lessonStore, (s) => s.done);
  useEffect(() => {
    if (!open) return;
    // Escape closes the list before the page's own Escape (which would clear the selection).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (!open) return null;
  let entries: LessonEntry[];
  let problem: string | null = null;
  try {
    entries = lessonEntries();
  } catch (e) {
    entries = [];
    problem = e instanceof Error ? e.message : String(e);
  }
  return createPortal(
    <div className="modal-backdrop" onClick={close}>
      <div className="modal wide lessons-dialog" role="dialog" aria-label="Lessons" onClick={(e) => e.stopPropagation()}>
        <h3>Kinematics lessons</h3>
        <p className="hint">Each lesson opens its own cell (Undo brings yours back) and checks your answer as you jog the robot.</p>
        {problem && <p className="warning-line">{problem}</p>}
        <ul className="plain lesson-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button className="lesson-entry" onClick={() => openLesson(entry.id)} title={`Open the lesson (also: ?lesson=${entry.id} in the address)`}>
                <strong>
                  {entry.lesson.title}
                  {done.includes(entry.id) && <em className="lesson-done"> ✓ done</em>}
                </strong>
                <small>
                  {KIND_NOTES[entry.lesson.check.kind]} · {robotName(entry)}
                </small>
                <span>{entry.lesson.task.split(/(?<=\.)\s/)[0]}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button onClick={close}>Close</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
