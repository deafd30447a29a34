/**
 * The stated limits of what CellTwin reads. Every reader (cell file, share link, URDF, xacro,
 * zip) refuses input past these with a message naming the place, so no input can exhaust the
 * stack, the memory or the patience of the user: a refusal comes in bounded time instead.
 *
 * The numbers are far above any real cell (the bench's scale cell has 50 robots and 200 parts)
 * and far below what breaks the engine. README.md ("Limits") lists them for users.
 */

/** A cell file (or an inflated share link) of at most 64 MB of text; embedded meshes are the bulk. */
export const MAX_CELL_CHARS = 64 * 1024 * 1024;
/** JSON nesting depth; a valid cell needs 7 (`programs[0].steps[3].joints[2]`). */
export const MAX_JSON_DEPTH = 32;
/** Entries of any one JSON array or object (the largest legitimate list: a program's steps). */
export const MAX_JSON_ENTRIES = 10_000;
/** JSON values in the whole document, counted before the schema looks at it. */
export const MAX_JSON_VALUES = 2_000_000;

/** Collection caps of the cell schema. */
export const MAX_ITEMS = 2_000;
export const MAX_ROBOTS = 100;
export const MAX_TARGETS = 10_000;
export const MAX_PROGRAMS = MAX_ROBOTS;
export const MAX_STEPS = 10_000;
export const MAX_PARTS = 5_000;
/** Joint values of one robot or one step (the longest real arms have 7 joints, plus grippers). */
export const MAX_JOINTS = 64;

/** The floor's scale: floors up to 1 km a side, and every coordinate within ±1 km of the origin. */
export const MAX_COORDINATE = 1_000;
/** Angles (rad) stay within ±1000 rad: continuous joints turn many times, but not forever. */
export const MAX_ANGLE = 1_000;
/** Physics step: from 0.1 ms (10 kHz) to 100 ms. Smaller never finishes, larger is not physics. */
export const MIN_DT = 1e-4;
export const MAX_DT = 0.1;
/** Simulated duration, and any time in the document (process, interval, wait): at most a week. */
export const MAX_SECONDS = 7 * 24 * 3600;
/** Belt and tool speeds (m/s), and tool accelerations (m/s²). */
export const MAX_SPEED = 10;
export const MAX_ACCELERATION = 1_000;
/** Smallest speed override of a move (0.1 %): below it a move takes longer than any run. */
export const MIN_SPEED_FRACTION = 1e-3;
/** Part mass (kg). */
export const MAX_MASS = 100_000;

/** Share links: the inflated cell may be at most this many bytes (the link itself is capped separately). */
export const MAX_SHARE_INFLATED_BYTES = 32 * 1024 * 1024;

/** Robot descriptions: XML element nesting (xacro-parser recurses once per level). */
export const MAX_XML_DEPTH = 256;
/** Robot descriptions: URDF/xacro text of at most 64 MB. */
export const MAX_ROBOT_TEXT_CHARS = 64 * 1024 * 1024;

/** Where a JSON document breaks a structural limit, and how. */
export interface JsonLimitProblem {
  /** Path in the document, as zod paths: keys and indices. */
  path: (string | number)[];
  message: string;
}

/**
 * Walks a parsed JSON value without recursion and returns the first structural limit it breaks
 * (nesting depth, entries of one array or object, values in total), or null. The schema then
 * only ever sees documents whose size it can check in bounded time and stack.
 */
export function checkJsonLimits(doc: unknown): JsonLimitProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: doc, path: [] }];
  let values = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (++values > MAX_JSON_VALUES) return { path: [], message: `the document holds more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values; refused` };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_JSON_DEPTH) return { path, message: `nested more than ${MAX_JSON_DEPTH} levels deep; refused` };
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    if (count > MAX_JSON_ENTRIES) {
      return { path, message: `${count.toLocaleString('en-US')} ${keys ? 'fields' : 'entries'}, more than the limit of ${MAX_JSON_ENTRIES.toLocaleString('en-US')}` };
    }
    if (keys) for (let k = keys.length - 1; k >= 0; k--) stack.push({ value: (value as Record<string, unknown>)[keys[k]!], path: [...path, keys[k]!] });
    else for (let i = count - 1; i >= 0; i--) stack.push({ value: (value as unknown[])[i], path: [...path, i] });
  }
  return null;
}
