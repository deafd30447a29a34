/**
 * The bundled robot library: the industrial arms and grippers shipped as URDF files in `urdf/`,
 * with the figures a planner picks by (reach, payload, speeds) and the defaults the motion
 * planner starts from. The metadata lives in `urdf/library.json`, imported as JSON so the same
 * module works in the page, in a worker and in Node without touching the file system; the URDF
 * text itself is loaded by whoever needs it (the scene bundles it, the CLI and tests read it).
 *
 * The JSON is checked against a schema on first use, so a hand edit that breaks it fails loudly
 * with the path of the bad field instead of surfacing later as NaN in a cycle time.
 */
import { z } from 'zod';
import libraryJson from '../../urdf/library.json';
import { isVec3, type Vec3 } from './geometry';

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const text = z.string().min(1);
const vec3 = z.custom<Vec3>(isVec3, { error: 'expected 3 numbers' });

const common = {
  /** Stable id, used by cell files (`{"type": "bundled", "id": …}`). */
  id: text,
  /** URDF file name inside `urdf/`. */
  file: text.regex(/^[\w.-]+\.urdf$/),
  maker: text,
  model: text,
  /** Rated payload (kg). */
  payload: positive,
  /** Width × depth (m) of the base (robots) or body (grippers), along base_link x and y. */
  footprint: z.tuple([positive, positive]),
  /** The root link; the mounting frame. */
  baseLink: text,
  /** Maximum speed of each input joint (rad/s or m/s), equal to the URDF velocity limits. */
  jointSpeeds: z.array(positive),
  /** Acceleration of each input joint with no load (rad/s² or m/s²); see `fitted` and `notes`. */
  jointAccelerations: z.array(positive),
  /** Where each figure comes from, with the trust tags of DATASHEETS.md, and every assumption. */
  notes: text,
  sources: z.array(text),
};

/**
 * The vendor's performance figures: the standard pick cycle (25 mm up, `across` mm over, 25 mm
 * down and back, with `payload` kg) when one is published, else null with `note` saying so, and
 * the maximum TCP speed and acceleration when stated. Each figure's tag is in `source`/`note`.
 */
const performanceSchema = z.strictObject({
  standardCycle: z
    .strictObject({
      /** Published cycle time (s). */
      seconds: positive,
      /** Payload the figure is given for (kg). */
      payload: positive,
      /** Up, across, down (m). */
      path: z.tuple([positive, positive, positive]),
      source: text,
    })
    .nullable(),
  note: text,
  maxTcpSpeed: positive.optional(),
  maxTcpAcceleration: positive.optional(),
});

/**
 * Accelerations fitted to the published standard cycle (src/motion/fit.ts, `npm run
 * fit-motion`): every joint reaches full speed in `rampTime` with no load (so
 * jointAccelerations = jointSpeeds / rampTime), which makes the simulated standard cycle
 * `simulatedCycle` at the figure's payload.
 */
const fittedSchema = z.strictObject({
  rampTime: positive,
  /** The figure fitted to, in words, with its tag. */
  figure: text,
  /** The standard cycle the fitted values give (s), at the figure's payload. */
  simulatedCycle: positive,
});

const robotEntrySchema = z.strictObject({
  ...common,
  kind: z.literal('robot'),
  /** The vendor's reach (m); for the industrial arms, to the wrist centre. */
  reach: positive,
  /** The tool flange frame, z out of the flange, where a gripper mounts. */
  flangeLink: text,
  performance: performanceSchema,
  /** Present when the accelerations were fitted to a published figure; absent: assumed. */
  fitted: fittedSchema.optional(),
});

const parallelSchema = z.strictObject({
  type: z.literal('parallel'),
  /** Travel of one finger (m). */
  strokePerFinger: positive,
  /** Jaw opening from closed to fully open (m). */
  stroke: positive,
  /** Squeeze force (N). */
  gripForce: positive,
  /** Time to open or close (s). */
  actuationTime: positive,
});

const vacuumSchema = z.strictObject({
  type: z.literal('vacuum'),
  cupDiameter: positive,
  /** Vacuum level below atmosphere (Pa). */
  vacuum: positive,
  /** Theoretical holding force, vacuum × cup area (N). */
  holdingForce: positive,
  /** Time to build up or release the vacuum (s). */
  actuationTime: positive,
});

const gripperEntrySchema = z.strictObject({
  ...common,
  kind: z.literal('gripper'),
  mass: nonNegative,
  /** The tool centre point frame in the URDF. */
  tcpLink: text,
  /** Pose of the TCP in base_link (the mounting face). */
  tcp: z.strictObject({ xyz: vec3, rpy: vec3 }),
  gripper: z.discriminatedUnion('type', [parallelSchema, vacuumSchema]),
});

const librarySchema = z.object({
  version: z.literal(1),
  entries: z.array(z.discriminatedUnion('kind', [robotEntrySchema, gripperEntrySchema])),
});

/** A bundled industrial arm. */
export type RobotLibraryEntry = z.infer<typeof robotEntrySchema>;
/** A bundled gripper. */
export type GripperLibraryEntry = z.infer<typeof gripperEntrySchema>;
/** Any entry of the bundled library. */
export type LibraryEntry = RobotLibraryEntry | GripperLibraryEntry;

let cache: readonly LibraryEntry[] | undefined;

/** Every bundled robot and gripper, in the order the library panel lists them. */
export function libraryEntries(): readonly LibraryEntry[] {
  if (cache) return cache;
  const parsed = librarySchema.safeParse(libraryJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Path as `entries[2].jointSpeeds[0]`; formatted here, not with validate.ts, which imports us.
    const path = (issue?.path ?? []).map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
    throw new Error(`urdf/library.json: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.entries) {
    if (ids.has(entry.id)) throw new Error(`urdf/library.json: id "${entry.id}" is used twice`);
    ids.add(entry.id);
  }
  cache = parsed.data.entries;
  return cache;
}

/** The bundled arms. */
export function libraryRobots(): RobotLibraryEntry[] {
  return libraryEntries().filter((e): e is RobotLibraryEntry => e.kind === 'robot');
}

/** The bundled grippers. */
export function libraryGrippers(): GripperLibraryEntry[] {
  return libraryEntries().filter((e): e is GripperLibraryEntry => e.kind === 'gripper');
}

/** The entry with this id, or undefined. */
export function findLibraryEntry(id: string): LibraryEntry | undefined {
  return libraryEntries().find((e) => e.id === id);
}

/** The URDF file name (inside `urdf/`) of a bundled id, or null: what the scene's loader asks for. */
export function libraryFileFor(id: string): string | null {
  return findLibraryEntry(id)?.file ?? null;
}
