import { useStore } from 'zustand';
import type { DhParameterCheck } from '../../kinematics/lesson-dh';
import { kinematicsViewStore } from '../../scene/kinematics/kinematics-view';
import { closeLesson, lessonStore, openLessonEntry, setLessonAnswer } from './lesson-store';
import { moveToolToTarget, openLesson } from './open-lesson';
import './lessons.css';

/** Shoulder × elbow, the rows of the configuration table (the wrist is its columns), as lesson-branches.ts names them. */
const ARM_CONFIGURATIONS = [
  ['right', 'up'],
  ['right', 'down'],
  ['left', 'up'],
  ['left', 'down'],
] as const;

/** "d₄": the parameter a DH lesson asks for, as its table heads it (Craig's a is a₍ᵢ₋₁₎). */
function answerName(check: DhParameterCheck): string {
  const index = check.parameter === 'a' && check.convention === 'modified' ? check.row - 1 : check.row;
  return check.parameter + String(index).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
}

/**
 * The open lesson beside the 3D view: its title and task, hints revealed one at a time, and
 * the live check ("Not yet: …" with what is missing, then "Done ✓" and why), which follows
 * every jog step, drag and undo.
 */
export function LessonCard() {
  const { open, hintsShown, status, robotGone, answer } = useStore(lessonStore);
  const ghosts = useStore(kinematicsViewStore, (s) => s.showGhosts);
  const entry = open ? openLessonEntry() : null;
  if (!open || !entry) return null;
  const { lesson } = entry;
  const branches = lesson.check.kind === 'eight-branches';
  const visited = new Set(status?.visited ?? []);
  return (
    <aside className={`lesson-card${status?.passed ? ' done' : ''}`} aria-label="Lesson">
      <header>
        <small>Lesson</small>
        <button className="link close" onClick={closeLesson} aria-label="Close the lesson" title="Close the lesson (the cell stays as it is)">
          ×
        </button>
      </header>
      <h3>{lesson.title}</h3>
      <p className="lesson-task">{lesson.task}</p>
      {robotGone ? (
        <p className="lesson-status gone" role="status" aria-label="Lesson check">
          The lesson's robot is not in this cell any more.{' '}
          <button className="link" onClick={() => openLesson(entry.id)}>
            Reopen the lesson
          </button>
        </p>
      ) : (
        <div className={`lesson-status ${status?.passed ? 'ok' : 'pending'}`} role="status" aria-label="Lesson check">
          {status === null ? (
            <p>Reading the robot…</p>
          ) : (
            <>
              <strong>{status.passed ? 'Done ✓' : 'Not yet'}</strong>
              <p>{status.message.replace(/^Not yet: /, '')}</p>
            </>
          )}
        </div>
      )}
      {lesson.check.kind === 'dh-parameter' && (
        <label className="lesson-answer">
          {answerName(lesson.check)} =
          <input inputMode="decimal" aria-label="Your answer (mm)" value={answer} onChange={(e) => setLessonAnswer(e.currentTarget.value)} placeholder="0.0" />
          mm
        </label>
      )}
      {branches && (
        <>
          <table className="lesson-branches" aria-label="Configurations">
            <thead>
              <tr>
                <th>shoulder, elbow</th>
                <th>no flip</th>
                <th>wrist flip</th>
              </tr>
            </thead>
            <tbody>
              {ARM_CONFIGURATIONS.map(([shoulder, elbow]) => (
                <tr key={shoulder + elbow}>
                  <th>
                    {shoulder}, {elbow}
                  </th>
                  {['no flip', 'wrist flip'].map((wrist) => {
                    const label = `shoulder ${shoulder}, elbow ${elbow}, ${wrist}`;
                    const done = visited.has(label);
                    return (
                      <td key={wrist} className={done ? 'visited' : ''} title={label} aria-label={`${label}: ${done ? 'visited' : 'not yet'}`}>
                        {done ? '✓' : '○'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row lesson-actions">
            <button onClick={moveToolToTarget} title="Inverse kinematics from the present pose: the nearest solution, on the configuration you are closest to (one undo step)">
              Tool to target
            </button>
            <label className="toggle">
              <input type="checkbox" checked={ghosts} onChange={(e) => kinematicsViewStore.setState({ showGhosts: e.currentTarget.checked })} />
              Ghosts
            </label>
          </div>
        </>
      )}
      {lesson.hints.length > 0 && (
        <div className="lesson-hints">
          <ol>
            {lesson.hints.slice(0, hintsShown).map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ol>
          {hintsShown < lesson.hints.length && (
            <button className="link" onClick={() => lessonStore.setState({ hintsShown: hintsShown + 1 })}>
              {hintsShown === 0 ? 'Show a hint' : 'Another hint'} ({hintsShown + 1} of {lesson.hints.length})
            </button>
          )}
        </div>
      )}
    </aside>
  );
}
