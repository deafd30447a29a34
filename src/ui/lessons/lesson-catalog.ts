/**
 * The lessons bundled with the app (assets/lessons): each `ID.lesson.json` names its cell file
 * beside it. Both are imported as text at build time, so a lesson opens offline and nothing is
 * fetched; each is read and validated like an opened file, with a message naming the file.
 */
import { parseLesson, type Lesson } from '../../kinematics/lesson-check';
import { readCell, type Cell } from '../../model';

/** A lesson and the id it goes by (its file name without `.lesson.json`: `?lesson=ID`). */
export interface LessonEntry {
  id: string;
  lesson: Lesson;
}

const lessonFiles = import.meta.glob<string>('../../../assets/lessons/*.lesson.json', { query: '?raw', import: 'default', eager: true });
const cellFiles = import.meta.glob<string>('../../../assets/lessons/*.cell.json', { query: '?raw', import: 'default', eager: true });

/** The order the list shows them in: the gentlest first; lessons not named here follow by id. */
const ORDER = ['wrist-singularity', 'eight-branches', 'read-the-dh-table'];

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

let entries: LessonEntry[] | null = null;

/** Every bundled lesson, in teaching order. A broken lesson file throws, naming the file. */
export function lessonEntries(): LessonEntry[] {
  if (!entries) {
    entries = Object.entries(lessonFiles).map(([path, text]) => {
      const name = fileName(path);
      return { id: name.replace(/\.lesson\.json$/, ''), lesson: parseLesson(text, name) };
    });
    const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
    entries.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  }
  return entries;
}

/** The lesson with `id`, or undefined. */
export function lessonById(id: string): LessonEntry | undefined {
  return lessonEntries().find((e) => e.id === id);
}

/** The lesson's cell, validated; throws a message naming the file and the place in it. */
export function lessonCell(entry: LessonEntry): Cell {
  const name = entry.lesson.cell;
  const text = cellFiles[`../../../assets/lessons/${name}`];
  if (text === undefined) throw new Error(`${entry.id}.lesson.json: cell: "${name}" is not in assets/lessons`);
  const result = readCell(text);
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  if (!result.cell.items.some((i) => i.id === entry.lesson.robot && i.type === 'robot')) throw new Error(`${entry.id}.lesson.json: robot: "${entry.lesson.robot}" is not a robot of ${name}`);
  return result.cell;
}
