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
