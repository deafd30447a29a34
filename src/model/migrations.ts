/**
 * Named migrations of the cell document. Each one lifts a file by exactly one schema version;
 * `migrateCell` applies them in order, so a file from any older version reaches the current one.
 * A migration receives loosely typed JSON (the old shape) and must not throw on odd input: the
 * validator that runs after it reports what is still wrong, with paths. The one exception is
 * input it would otherwise lose silently (a v0 `objects` that is not a list): that is refused
 * with a MigrationError naming the place, rather than migrated to an empty cell.
 */
import { CURRENT_SCHEMA_VERSION } from './cell-schema';

/** A document no migration can lift, with the path of the offending field (`objects`). */
export class MigrationError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'MigrationError';
  }
}

/** A short description of a JSON value for messages (never the whole value: it may be huge). */
function describeJson(v: unknown): string {
  if (v === undefined) return 'none (the field is missing)';
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** A named step from `from` to `from + 1`. */
export interface Migration {
  name: string;
  from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const mm = (v: unknown): unknown => (typeof v === 'number' ? v / 1000 : v);
const mmList = (v: unknown): unknown => (Array.isArray(v) ? v.map(mm) : v);
const DEG = Math.PI / 180;

/**
 * v0 (the prototype's format) kept lengths in millimetres, called items `objects` with a `kind`,
 * and stored only a yaw angle in degrees. v1 is SI throughout with a full roll/pitch/yaw pose.
 */
const v0ToV1: Migration = {
  name: 'v0-to-v1: objects become items, millimetres become metres, yaw degrees become rpy radians',
  from: 0,
  migrate(doc) {
    const given = doc['objects'];
    if (given !== undefined && !Array.isArray(given)) throw new MigrationError('objects', `expected a list of objects, got ${describeJson(given)}`);
    const objects = given ?? [];
    const items = objects.map((o: unknown) => {
      if (!isObject(o)) return o;
      const { kind, position, rotationDeg, size, length, width, height, speed, ...rest } = o;
      const item: Json = {
        ...rest,
        type: kind,
        name: typeof rest['name'] === 'string' ? rest['name'] : typeof rest['id'] === 'string' ? rest['id'] : '',
        pose: { xyz: mmList(position), rpy: [0, 0, typeof rotationDeg === 'number' ? rotationDeg * DEG : 0] },
      };
      if (size !== undefined) item['size'] = mmList(size);
      if (length !== undefined) item['length'] = mm(length);
      if (width !== undefined) item['width'] = mm(width);
      if (height !== undefined) item['height'] = mm(height);
      if (speed !== undefined) item['speed'] = mm(speed); // v0 belt speed was in mm/s
      if (kind === 'robot') {
        // Not String(model): an object would become "[object Object]"; the validator names a bad one.
        item['source'] = { type: 'bundled', id: rest['model'] };
        item['tool'] = null;
        delete item['model'];
      }
      return item;
    });
    const floor = isObject(doc['floor']) ? doc['floor'] : {};
    return {
      schemaVersion: 1,
      name: typeof doc['title'] === 'string' ? doc['title'] : 'Untitled cell',
      units: 'SI: m, rad, s, kg',
      floor: { width: mm(floor['width'] ?? 10_000), depth: mm(floor['depth'] ?? 8_000) },
      workersPerShift: typeof doc['workers'] === 'number' ? doc['workers'] : 1,
      items,
      targets: [],
      programs: [],
      simulation: { dt: 1 / 240, seed: 1, duration: 60 },
    };
  },
};

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** The schema version a raw document declares: `schemaVersion`, or v0's `version`. */
export function declaredVersion(doc: Json): unknown {
  return 'schemaVersion' in doc ? doc['schemaVersion'] : doc['version'];
}

/** Result of migrating: the lifted document and the names of the migrations that ran. */
export interface MigrationResult {
  doc: Json;
  applied: string[];
}

/**
 * Lifts `doc` to the current schema version. Throws a MigrationError (path `schemaVersion`) when
 * the version is not a known integer (newer than this build, negative, or missing), or when a
 * migration meets input it cannot carry over.
 */
export function migrateCell(doc: Json): MigrationResult {
  const version = declaredVersion(doc);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MigrationError('schemaVersion', `expected an integer from 0 to ${CURRENT_SCHEMA_VERSION}, got ${describeJson(version)}`);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new MigrationError('schemaVersion', `${version} is newer than this CellTwin understands (${CURRENT_SCHEMA_VERSION}); update CellTwin`);
  }
  let current = doc;
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.from >= version && m.from < CURRENT_SCHEMA_VERSION) {
      current = m.migrate(current);
      applied.push(m.name);
    }
  }
  return { doc: current, applied };
}
