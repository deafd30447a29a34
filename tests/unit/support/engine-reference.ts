/**
 * Recorded physics-engine runs for the engine agreement test (tests/unit/engine-agreement.test.ts).
 *
 * An hour of a template on the fixed-step Rapier engine takes minutes of wall time, too long to
 * repeat in every `npm test` on two cores. So the physics side is run once by `npm run reference`
 * (several cells in parallel, one process each) and its activity log is stored, deflated, under
 * tests/fixtures/engine-reference/, together with a SHA-256 of everything the physics run depends
 * on: the cell file and the sources only the physics engine runs. The test recomputes that hash and fails
 * loudly, naming the command, when a reference is stale. KPIs are recomputed from the stored log
 * by the current KPI code, so changes to the KPI layer never stale the references.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import type { ActivityLog } from '../../../src/sim/activity';
import { REPO_ROOT } from '../corpus-helpers';

/** Simulated seconds each cell runs for in the agreement test. */
export const AGREEMENT_SECONDS = 3600;

/** Where the recorded references live (one JSON file per cell). */
export const REFERENCE_DIR = join(REPO_ROOT, 'tests/fixtures/engine-reference');

/** Every template and every test fixture that runs a robot program, relative to the repository root. */
export const AGREEMENT_CELLS: readonly string[] = [
  ...readdirSync(join(REPO_ROOT, 'assets/cells/templates'))
    .filter((f) => f.endsWith('.cell.json'))
    .sort()
    .map((f) => `assets/cells/templates/${f}`),
  'tests/fixtures/sim-program-pick-place.cell.json',
  'tests/fixtures/sim-program-machine-tending.cell.json',
  'tests/fixtures/sim-pick-place.cell.json',
];

/**
 * The sources only the physics engine runs: its step loop, its program host, contacts, grippers,
 * belts and the Rapier adapter. Code both engines share (programs, equipment, motion, KPIs) is
 * left out on purpose: a change there moves both engines alike, and a change that moves them
 * apart shows as a disagreement, not as a stale reference.
 */
const PHYSICS_SOURCES = [
  'src/sim/simulation-core.ts',
  'src/sim/simulation.ts',
  'src/sim/program-host.ts',
  'src/sim/contact-events.ts',
  'src/sim/grippers.ts',
  'src/sim/physics-port.ts',
  'src/sim/equipment/conveyors.ts',
  'src/physics/rapier-world.ts',
  'src/physics/colliders.ts',
  'src/physics/contacts.ts',
];

/**
 * Source text without comments and with runs of white space collapsed: what the code does, so a
 * reworded comment or a reformatted line does not stale the references. (Crude: a `//` inside a
 * string literal would cut the line; none of the hashed files has one.)
 */
export function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** SHA-256 (hex, first 16 digits) of a cell file and the physics engine's sources (code only). */
export function referenceInputsHash(cellFile: string): string {
  const h = createHash('sha256');
  for (const file of [cellFile, ...PHYSICS_SOURCES]) {
    h.update(relative(REPO_ROOT, join(REPO_ROOT, file)));
    h.update('\0');
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    h.update(file === cellFile ? text : codeOnly(text));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** A recorded physics run. */
export interface EngineReference {
  cell: string;
  hash: string;
  seconds: number;
  /** The run's activity log, JSON, deflated, base64. */
  log: string;
}

/** The reference file of a cell. */
export function referencePath(cellFile: string): string {
  return join(REFERENCE_DIR, `${cellFile.split('/').pop()!.replace('.cell.json', '')}.json`);
}

export function packLog(log: ActivityLog): string {
  return deflateSync(JSON.stringify(log), { level: 9 }).toString('base64');
}

export function unpackLog(packed: string): ActivityLog {
  return JSON.parse(inflateSync(Buffer.from(packed, 'base64')).toString('utf8')) as ActivityLog;
}
