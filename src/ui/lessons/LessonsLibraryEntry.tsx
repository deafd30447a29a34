import { lessonStore } from './lesson-store';

const LABEL = 'Kinematics lessons';
const HINT = 'singularity · eight IK branches · DH table, checked as you jog';

/** The library's way into the lessons (the status bar has one too): opens the lesson list. */
export function LessonsLibraryEntry({ matches }: { matches: (text: string) => boolean }) {
  if (!matches(`${LABEL} lesson exercise student ${HINT}`)) return null;
  return (
    <>
      <h2>Lessons</h2>
      <ul className="library">
        <li>
          <button className="library-item" onClick={() => lessonStore.setState({ listOpen: true })} title="Guided exercises on a real robot: each opens its own cell (one undo step) and checks your answer">
            <svg width={28} height={28} viewBox="0 0 28 28" fill="none" stroke="currentColor" strokeWidth={1.6} aria-hidden>
              <path d="M4 7 L14 3 L24 7 L14 11 Z" strokeLinejoin="round" />
              <path d="M8 9 V15 C8 17 20 17 20 15 V9" />
              <path d="M24 7 V14" />
              <path d="M9 21 L12 24 L19 18" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span>
              <strong>{LABEL}</strong>
              <small>{HINT}</small>
            </span>
          </button>
        </li>
      </ul>
    </>
  );
}
