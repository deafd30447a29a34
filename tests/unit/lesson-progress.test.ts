/**
 * The lessons a student has done are kept across visits: written as a list of lesson ids, read
 * back keeping only lessons that exist, each once; a broken or refused storage reads as nothing
 * done and loses only the copy.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS_DONE_KEY, loadLessonsDone, saveLessonsDone } from '../../src/ui/lessons/lesson-progress';

function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('the lessons done, kept across visits', () => {
  it('reads back what was written', () => {
    const storage = memory();
    saveLessonsDone(storage, ['wrist-singularity', 'read-the-dh-table']);
    expect(storage.items.get(LESSONS_DONE_KEY)).toBe('["wrist-singularity","read-the-dh-table"]');
    expect(loadLessonsDone(storage)).toEqual(['wrist-singularity', 'read-the-dh-table']);
  });

  it('keeps only lessons that exist, each once', () => {
    const storage = memory({ [LESSONS_DONE_KEY]: '["eight-branches", "nine-branches", 7, "eight-branches"]' });
    expect(loadLessonsDone(storage)).toEqual(['eight-branches']);
  });

  it('reads nothing done from a broken value, a refused storage or none at all', () => {
    expect(loadLessonsDone(memory({ [LESSONS_DONE_KEY]: '["wrist-sing' }))).toEqual([]);
    expect(loadLessonsDone(memory({ [LESSONS_DONE_KEY]: '{"done": 3}' }))).toEqual([]);
    expect(loadLessonsDone({ getItem: () => { throw new Error('SecurityError'); } })).toEqual([]);
    expect(loadLessonsDone(undefined)).toEqual([]);
    expect(() => saveLessonsDone({ setItem: () => { throw new Error('QuotaExceededError'); } }, ['eight-branches'])).not.toThrow();
  });
});
