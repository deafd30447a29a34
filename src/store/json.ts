/**
 * Small helpers for plain JSON data (cells are nothing else): structural equality, a stable key
 * order for files, and locating a JSON syntax error by line and column.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Structural equality of JSON values. Identical references short-circuit, so comparing two cells
 * that share most of their items (as commands produce) touches only the parts that differ.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/**
 * Keys written first, in this order, wherever they appear; every other key follows in
 * alphabetical order. A file then reads top-down (version, name, …, items) and the same cell
 * always gives the same bytes, whatever order an edit happened to insert its keys in.
 */
const KEY_ORDER = [
  'schemaVersion', 'type', 'id', 'name', 'units', 'floor', 'workersPerShift',
  'items', 'targets', 'programs', 'simulation', 'pose', 'xyz', 'rpy',
];
const rank = (k: string): number => {
  const i = KEY_ORDER.indexOf(k);
  return i < 0 ? KEY_ORDER.length : i;
};

/** A copy of `value` with every object's keys in the stable order above. Arrays keep their order. */
export function withStableKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStableKeys);
  if (!isObject(value)) return value;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Json = {};
  for (const k of keys) out[k] = withStableKeys(value[k]);
  return out;
}

/** Where JSON text stops being valid: 0-based offset, 1-based line and column, and why. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  message: string;
}

class Stop {
  constructor(readonly offset: number, readonly message: string) {}
}

/**
 * Finds the first syntax error in `text`, or null if it is valid JSON. We scan ourselves instead
 * of parsing `JSON.parse`'s message because engines word it differently and Node 20's V8 gives no
 * position at all, yet planners who edit files by hand need the line.
 */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const show = (): string => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const fail = (what: string): never => {
    throw new Stop(i, `${what}, found ${show()}`);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) throw new Stop(i, 'line break or control character inside a string');
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== '' && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop(i, 'invalid escape in string');
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        string();
        space();
        if (text[i] !== ':') fail('expected ":" after the property name');
        i++;
        value();
        space();
        if (text[i] === '}') return void i++;
        if (text[i] !== ',') fail('expected "," or "}" after a property value');
        i++;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ']') return void i++;
        if (text[i] !== ',') fail('expected "," or "]" after an array element');
        i++;
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === '') fail('expected a value');
    i += (m as RegExpExecArray)[0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail('expected the end of the file after the JSON value');
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) return null; // e.g. absurd nesting overflowing the stack
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    return { offset: e.offset, line, column: e.offset - before.lastIndexOf('\n'), message: e.message };
  }
}
