/**
 * Which lessons a student has done, kept in the browser's localStorage so the Lessons list still
 * marks them after a reload or on the next visit. What is read back is checked: only ids of
 * lessons that exist, each once; anything else (another version's list, a hand edit, a refused
 * storage) reads as nothing done, and never stops the page from starting.
 */
import { lessonById } from './lesson-catalog';

/** The localStorage key of the list. */
export const LESSONS_DONE_KEY = 'celltwin:lessons-done';

/** The lessons done as stored, or [] (see the module comment). Never throws. */
export function loadLessonsDone(storage: Pick<Storage, 'getItem'> | undefined): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(LESSONS_DONE_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const ids = raw.filter((id): id is string => typeof id === 'string' && lessonById(id) !== undefined);
  return [...new Set(ids)];
}

/** Stores the lessons done; a full or refused storage loses only the copy. */
export function saveLessonsDone(storage: Pick<Storage, 'setItem'> | undefined, done: readonly string[]): void {
  try {
    storage?.setItem(LESSONS_DONE_KEY, JSON.stringify(done));
  } catch {
    // The marks on screen stay; only the copy for the next visit is lost.
  }
}
