/**
 * The cell document, current schema version. A cell is one JSON file that every view, the CLI
 * and the tests read. Zod checks it so that every problem comes back with its path inside the
 * file. Lengths in metres, angles in radians, times in seconds, speeds in m/s.
 */
import { z } from 'zod';
import { cellReferenceProblems } from './cell-checks';
import { isVec3, type Vec3 } from './geometry';
import { programSchema } from './program-schema';
import { MAX_COORDINATE, MAX_DT, MAX_ITEMS, MAX_JOINTS, MAX_MASS, MAX_PARTS, MAX_PROGRAMS, MAX_SECONDS, MAX_SPEED, MAX_TARGETS, MIN_DT } from './input-limits';
import { plantSchema } from './plant-schema';
import { presentationSchema } from './presentation-schema';

export { programStepSchema, STEP_TYPES } from './program-schema';

/** The schema version this build writes. Older files are migrated (see migrations.ts). */
export const CURRENT_SCHEMA_VERSION = 1;

/** Numbers within the floor's scale (input-limits.ts): ±1000 m, ±1000 rad. */
const withinScale = (v: unknown): v is Vec3 => isVec3(v) && v.every((x) => Math.abs(x) <= MAX_COORDINATE);
const vec3 = z.custom<Vec3>(withinScale, {
  error: (iss) => (isVec3(iss.input) ? `expected 3 numbers, each within ±${MAX_COORDINATE}` : 'expected 3 numbers'),
});
const positive = z.number({ error: 'expected a number' }).finite().positive({ error: 'expected a positive number' });
const nonNegative = z.number({ error: 'expected a number' }).finite().nonnegative({ error: 'expected a number ≥ 0' });
/** A length or distance in metres, within the floor's scale. */
const length = positive.max(MAX_COORDINATE, { error: `expected a length of at most ${MAX_COORDINATE} m` });
const offset = nonNegative.max(MAX_COORDINATE, { error: `expected a distance of at most ${MAX_COORDINATE} m` });
/** A time in seconds, at most a week. */
const seconds = nonNegative.max(MAX_SECONDS, { error: `expected at most ${MAX_SECONDS} s (a week)` });
const positiveSeconds = positive.max(MAX_SECONDS, { error: `expected at most ${MAX_SECONDS} s (a week)` });
const text = z.string({ error: 'expected a string' });
const size3 = z.custom<Vec3>((v) => isVec3(v) && v.every((x) => x > 0 && x <= MAX_COORDINATE), {
  error: (iss) =>
    isVec3(iss.input) && iss.input.every((x) => x > 0) ? `expected 3 positive numbers, each at most ${MAX_COORDINATE} m` : 'expected 3 positive numbers',
});

export const poseSchema = z.strictObject({ xyz: vec3, rpy: vec3 }, { error: 'expected a pose {xyz, rpy}' });

const itemBase = {
  id: text.min(1, { error: 'expected a non-empty id' }),
  name: text,
  pose: poseSchema,
  locked: z.boolean().optional(),
  /** Items sharing a group id are selected, moved and copied together (flat groups, no nesting). */
  group: text.min(1, { error: 'expected a non-empty group id' }).optional(),
};

/** Where a robot's description comes from. */
export const robotSourceSchema = z.discriminatedUnion(
  'type',
  [
    /** A robot from the bundled library in `urdf/`, by id. */
    z.strictObject({ type: z.literal('bundled'), id: text.min(1) }),
    /** A robot the user brought: the URDF text and its meshes (base64), kept inside the file. */
    z.strictObject({
      type: z.literal('embedded'),
      fileName: text,
      urdf: text.min(1),
      meshes: z.record(z.string(), z.string()).optional(),
      /** Horizontal reach (m) of the flange from the base axis, sampled at import: the layout checks' reach disc. */
      reach: z.number().finite().positive().optional(),
    }),
  ],
  { error: 'expected a robot source of type "bundled" or "embedded"' },
);

const toolSchema = z.strictObject({ type: z.literal('bundled'), id: text.min(1) }).nullable();

export const robotItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('robot'),
  source: robotSourceSchema,
  /** The tool mounted on the flange, or null for a bare flange. */
  tool: toolSchema,
  /** Joint values (rad or m) in tree order; empty means all zeros. */
  joints: z
    .array(z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE, { error: `expected a joint value within ±${MAX_COORDINATE} (rad or m)` }))
    .max(MAX_JOINTS, { error: `expected at most ${MAX_JOINTS} joint values` })
    .optional(),
  /**
   * What the robot stands on: a pedestal, or a track with the carriage `position` metres along the
   * track's x axis from its centre. `pose` stays the world pose, derived from the mount (mounts.ts).
   */
  mount: z.strictObject({ item: text.min(1, { error: 'expected a non-empty item id' }), position: z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE, { error: `expected a number within ±${MAX_COORDINATE} m` }).optional() }).optional(),
  /**
   * The robot's motion calibrated from measured times (`celltwin calibrate`): factors on its
   * joint speeds and on its accelerations, and what they were fitted to. Absent: library data.
   */
  motion: z
    .strictObject({ speedScale: positive, accelerationScale: positive, calibratedFrom: text.optional() }, { error: 'expected {speedScale, accelerationScale}' })
    .optional(),
});

/** The shape of a part, in its own frame with the origin at its centre (a cylinder's axis is z). */
export const partShapeSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('box'), size: size3 }),
    z.strictObject({ type: z.literal('cylinder'), radius: length, length }),
  ],
  { error: 'expected a part shape of type "box" or "cylinder"' },
);

/** What a part is made of: its shape, mass (kg) and friction coefficient (default 0.5). */
const partKind = {
  shape: partShapeSchema,
  mass: positive.max(MAX_MASS, { error: `expected a mass of at most ${MAX_MASS} kg` }),
  friction: nonNegative.max(10, { error: 'expected a friction coefficient of at most 10' }).optional(),
};

/** A kind of part a source makes. */
export const partSpecSchema = z.strictObject(partKind);

/** A part placed in the cell when the simulation starts. */
export const partSchema = z.strictObject({ id: text.min(1, { error: 'expected a non-empty id' }), name: text.optional(), ...partKind, pose: poseSchema });

/**
 * A part source at the infeed (−x) end of a conveyor. The time between parts follows
 * `distribution`: `fixed` — every `interval` seconds; `uniform` — `interval` ± `jitter`;
 * `exponential` — random with mean `interval` (arrivals at random, a Poisson stream). Without
 * `distribution`: uniform when `jitter` > 0, else fixed. Each part is shifted across the belt by
 * ±`lateral` m. Random draws come from the cell's seeded generator. A source waits while its
 * spot on the belt is occupied.
 */
export const partSourceSchema = z.strictObject({
  part: partSpecSchema,
  interval: positiveSeconds,
  distribution: z.enum(['fixed', 'uniform', 'exponential']).optional(),
  jitter: seconds.optional(),
  lateral: offset.optional(),
  /** Time of the first part (default 0). */
  start: seconds.optional(),
  /** Stop after this many parts (default: no limit). */
  count: z.number().int().positive().optional(),
});

export const conveyorItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('conveyor'),
  length,
  width: length,
  height: length,
  /** Belt speed in m/s along the conveyor's +x axis. */
  speed: z.number().finite().min(-MAX_SPEED).max(MAX_SPEED, { error: `expected a belt speed within ±${MAX_SPEED} m/s` }),
  /**
   * A light barrier across the belt, `position` metres from the infeed (−x) end. With
   * `accumulate`, the belt stops while the barrier is occupied (a stop for the robot to pick
   * from; parts behind it wait) and runs again when the part is taken.
   */
  sensor: z.strictObject({ position: offset, accumulate: z.boolean().optional() }).optional(),
  /** Parts put on the belt at its infeed end. */
  source: partSourceSchema.optional(),
  /** The outfeed (+x) end is the cell's exit: parts reaching it are finished and leave the cell. */
  sink: z.boolean().optional(),
});

export const tableItemSchema = z.strictObject({ ...itemBase, type: z.literal('table'), size: size3 });

/** Slots along one direction of a pallet pattern (1 to 1000). */
const slots = z.number({ error: 'expected a number' }).int({ error: 'expected a whole number' }).min(1, { error: 'expected a whole number from 1 to 1000' }).max(1000, { error: 'expected a whole number from 1 to 1000' });

export const palletItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('pallet'),
  size: size3,
  /**
   * Slot pattern. Targets attached to the pallet are the first slot's; each `place` on the pallet
   * fills the next slot, row by row: along x (columns, `pitch[0]` apart), then y (rows,
   * `pitch[1]`), then up (layers, `pitch[2]`), offsets in the pallet's frame. A full pallet
   * blocks the robot that wants to place on it.
   */
  pattern: z
    .object({ rows: slots, columns: slots, layers: slots, pitch: vec3 })
    .optional(),
  /** Parts placed here leave the cell: each counts as finished when it is put down. */
  sink: z.boolean().optional(),
  /** A full pallet is swapped for an empty one this many seconds after its last part (default: never). */
  exchangeTime: positiveSeconds.optional(),
});

export const machineItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('machine'),
  machineType: z.enum(['cnc', 'press', 'inspection', 'generic']),
  size: size3,
  /** Time from the door closing on a loaded part to the door opening on a finished one (s). */
  processTime: seconds,
  /** Time to close or to open the door (s, default 0). Signals: `ID.ready` (empty, door open), `ID.done`. */
  doorTime: seconds.optional(),
});

export const fenceItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('fence'),
  length,
  height: length,
});

export const operatorItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('operator'),
  /**
   * Manual task time per part in seconds (0 when the operator only supervises). A part a robot
   * places at a target attached to the operator is worked on for this long, then it is ready to
   * pick up again (signals `ID.ready`, `ID.done`, like a machine's).
   */
  taskTime: seconds,
});

/** A steel riser a robot stands on: `size` is its footprint (x, y) and height (top at size[2]). */
export const pedestalItemSchema = z.strictObject({ ...itemBase, type: z.literal('pedestal'), size: size3 });

/**
 * A floor-mounted linear axis (a 7th axis): a rail bed `length` long along its x axis and `width`
 * wide, with a carriage whose top is at `height`. The robot on it says where the carriage is.
 */
export const trackItemSchema = z.strictObject({ ...itemBase, type: z.literal('track'), length, width: length, height: length });

/**
 * A safety light curtain guarding an opening: an emitter post and a receiver post along the
 * item's x axis, `width` m apart (the beam span, between the posts' inner faces), with a
 * protective field `height` m tall whose lowest beam is `elevation` m above the floor (default
 * 0.3 m, the usual ISO 13855 limit against crawling under). The layout checks count it as
 * guarding, like a fence; in the simulation only its posts are solid (the beams are light).
 */
export const lightCurtainItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('lightCurtain'),
  width: length,
  height: length,
  elevation: offset.optional(),
});

/**
 * A loose part placed in the cell (from the library). It simulates exactly like an entry of the
 * cell's `parts`: a dynamic body at its pose (its centre) when the run starts.
 */
export const partItemSchema = z.strictObject({ ...itemBase, type: z.literal('part'), ...partKind });

export const itemSchema = z.discriminatedUnion(
  'type',
  [robotItemSchema, conveyorItemSchema, tableItemSchema, palletItemSchema, machineItemSchema, fenceItemSchema, operatorItemSchema, lightCurtainItemSchema, partItemSchema, pedestalItemSchema, trackItemSchema],
  { error: 'expected an item whose type is robot, conveyor, table, pallet, machine, fence, operator, lightCurtain, part, pedestal or track' },
);

/**
 * A named frame: in the world, or attached to an item so that it moves with it (its pose is in
 * the item's frame, composed with the item's pose). Programs move the tool centre point to it.
 */
export const targetSchema = z.strictObject({
  id: text.min(1),
  name: text,
  parent: z.union([z.literal('world'), z.strictObject({ item: text })], { error: 'expected "world" or {"item": ID}' }),
  pose: poseSchema,
});

export { programSchema };

export const simulationSchema = z.strictObject({
  /** Fixed physics step in seconds, from 0.1 ms to 100 ms (input-limits.ts). */
  dt: z
    .number({ error: 'expected a number' })
    .finite()
    .min(MIN_DT, { error: `expected a step from ${MIN_DT} s to ${MAX_DT} s (smaller never finishes)` })
    .max(MAX_DT, { error: `expected a step from ${MIN_DT} s to ${MAX_DT} s (larger is not a physics step)` }),
  seed: z.number().int(),
  /** Simulated duration of a headless run, in seconds (at most a week). */
  duration: positiveSeconds,
  /**
   * The engine: `events` (next-event, the default when absent: exact event times, an 8 h shift
   * in seconds) or `physics` (the fixed-step Rapier loop, the reference). See README "Engines".
   */
  engine: z.enum(['events', 'physics'], { error: 'expected "events" or "physics"' }).optional(),
});

const cellObjectSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION, { error: `expected ${CURRENT_SCHEMA_VERSION}` }),
  name: text,
  units: z.literal('SI: m, rad, s, kg', { error: 'expected "SI: m, rad, s, kg"' }),
  /** Floor area the planner has, in metres along x and y. */
  floor: z.strictObject({ width: length, depth: length }),
  /** People the cell needs per shift: the denominator of the robot density figure. */
  workersPerShift: nonNegative,
  items: z.array(itemSchema).max(MAX_ITEMS, { error: `expected at most ${MAX_ITEMS} items` }),
  targets: z.array(targetSchema).max(MAX_TARGETS, { error: `expected at most ${MAX_TARGETS} targets` }),
  programs: z.array(programSchema).max(MAX_PROGRAMS, { error: `expected at most ${MAX_PROGRAMS} programs (one per robot)` }),
  simulation: simulationSchema,
  /** Parts lying in the cell at the start (optional; none when absent). */
  parts: z.array(partSchema).max(MAX_PARTS, { error: `expected at most ${MAX_PARTS} parts` }).optional(),
  /** The plant the cell is planned for: robot density at plant level (plant-schema.ts; optional). */
  plant: plantSchema.optional(),
  /** A camera tour for the embed and Present mode (presentation-schema.ts; optional). */
  presentation: presentationSchema.optional(),
});

/** The cell document's shape before the cross-reference checks (what cell-checks.ts reads). */
export type CellShape = z.infer<typeof cellObjectSchema>;

/**
 * The cell document. Beyond the shape, the references inside it must resolve (cell-checks.ts):
 * program robots, step targets, sensors, signals, zones, target parents.
 */
export const cellSchema = cellObjectSchema.superRefine((cell, ctx) => {
  for (const p of cellReferenceProblems(cell)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});
