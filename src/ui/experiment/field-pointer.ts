/**
 * Where an inspector field lives in the cell document, as a JSON Pointer (RFC 6901, with the
 * sweep files' extension: an item is named by its id, `/items/infeed/speed`), and which display
 * unit a pointer's number is shown in. The inspector passes these pointers to its number fields
 * so that "Vary this in an experiment" knows what to vary.
 */
import { COUNT, DEG, MM, MM_PER_S, SECONDS, type DisplayUnit } from '../units';

/** Escapes one pointer token (`~` → `~0`, `/` → `~1`). */
export const pointerToken = (t: string | number): string => String(t).replace(/~/g, '~0').replace(/\//g, '~1');

/** The pointer of a field of item `id`: `itemPointer('infeed', 'source', 'interval')` → `/items/infeed/source/interval`. */
export function itemPointer(id: string, ...path: Array<string | number>): string {
  return ['', 'items', id, ...path].map((t, i) => (i === 0 ? '' : pointerToken(t))).join('/');
}

/** The pointer of a top-level field of the cell: `cellPointer('floor', 'width')` → `/floor/width`. */
export function cellPointer(...path: Array<string | number>): string {
  return path.map((t) => `/${pointerToken(t)}`).join('');
}

/** Display units by their label, so a factor's unit can be kept as plain data. */
export const UNITS_BY_LABEL: Readonly<Record<string, DisplayUnit>> = { mm: MM, 'mm/s': MM_PER_S, '°': DEG, s: SECONDS, '': COUNT };

/** The display unit of a label (unknown labels: shown as they are, no conversion). */
export const unitOf = (label: string): DisplayUnit => UNITS_BY_LABEL[label] ?? { label, fromSI: (v) => v, toSI: (v) => v };

const LENGTHS = new Set(['length', 'width', 'height', 'depth', 'position', 'radius', 'spacing', 'gap', 'offset', 'elevation']);
const TIMES = new Set(['interval', 'jitter', 'processTime', 'taskTime', 'duration', 'dwell', 'time']);

/**
 * The display unit a number at `pointer` is shown in, guessed from its field name the way the
 * inspector shows it (a sweep file written by hand says nothing about units): speeds in mm/s,
 * poses' xyz and lengths in mm, rpy in degrees, times in s; anything else as it is.
 */
export function unitForPointer(pointer: string): DisplayUnit {
  const tokens = pointer.split('/');
  const last = tokens[tokens.length - 1] ?? '';
  const parent = tokens[tokens.length - 2] ?? '';
  if (last === 'speed') return MM_PER_S;
  if (TIMES.has(last)) return SECONDS;
  if (parent === 'rpy' || last === 'yaw' || last === 'roll' || last === 'pitch') return DEG;
  if (parent === 'xyz' || parent === 'size' || LENGTHS.has(last)) return MM;
  return COUNT;
}
