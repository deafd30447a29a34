/**
 * The robot program step language of the cell document. A program is a loop of steps that one
 * robot runs (src/sim/program executes them at exact event times). Lengths in metres, angles in
 * radians, times in seconds.
 *
 * Motion: `moveJ` (synchronized joint move, to a named target or to joint values) and `moveL`
 * (straight tool line to a named target). Both take a speed override in (0, 1], an optional blend
 * radius (the corner is rounded into the next move instead of stopping there) and an optional
 * approach offset (stop short of the target along its −z axis, the tool axis: `0.1` = 100 mm
 * above a target whose z points down).
 *
 * Tool: `pick` and `place` with the robot's gripper; their times default to the library's
 * actuation time of the tool (jaw close/open, or vacuum build-up/release for a cup).
 *
 * Coordination: `waitSignal` / `setSignal` (named boolean signals, shared by all robots and set
 * by equipment too: `cnc-1.done`), `waitSensor` (a conveyor's light barrier), `zoneRequest` /
 * `zoneRelease` (a named shared zone: a robot waits while another robot holds it).
 *
 * Work: `process` (a dwell with a label: weld, grind, inspect…), `wait` (a plain dwell).
 *
 * `moveJoints`, `grip` and `release` are the interim steps of the first simulation build (a
 * constant-speed joint move without ramps, a bare grip and release); they stay valid so older
 * files keep running unchanged.
 */
import { z } from 'zod';
import { MAX_ACCELERATION, MAX_COORDINATE, MAX_JOINTS, MAX_SECONDS, MAX_SPEED, MAX_STEPS, MIN_SPEED_FRACTION } from './input-limits';

const text = z.string({ error: 'expected a string' });
const name = text.min(1, { error: 'expected a non-empty name' });
const finite = z.number({ error: 'expected a number' }).finite();
const nonNegative = finite.nonnegative({ error: 'expected a number ≥ 0' });
const positive = finite.positive({ error: 'expected a positive number' });
/** A speed override from 0.1 % to 100 %: slower moves outlast any run (input-limits.ts). */
const fraction = finite
  .gt(0, { error: 'expected a number in (0, 1]' })
  .lte(1, { error: 'expected a number in (0, 1]' })
  .refine((v) => !(v > 0 && v < MIN_SPEED_FRACTION), { error: `expected at least ${MIN_SPEED_FRACTION} (0.1 %): slower moves outlast any run` });
/** A time in seconds, at most a week. */
const seconds = nonNegative.max(MAX_SECONDS, { error: `expected at most ${MAX_SECONDS} s (a week)` });
/** Joint values (rad or m) of one step. */
const jointValues = z
  .array(finite.min(-MAX_COORDINATE).max(MAX_COORDINATE, { error: `expected a joint value within ±${MAX_COORDINATE} (rad or m)` }))
  .max(MAX_JOINTS, { error: `expected at most ${MAX_JOINTS} joint values` });

/** Options every move has. */
const moveOptions = {
  /** Speed override in (0, 1], like a teach pendant's 0–100 % (default 1). */
  speed: fraction.optional(),
  /**
   * Blend radius into the next move (default 0: stop at the target). Measured the way the motion
   * layer measures it: joint-space distance (rad) for moveJ, tool-path length (m) for moveL.
   */
  blend: nonNegative.max(MAX_COORDINATE, { error: `expected at most ${MAX_COORDINATE}` }).optional(),
  /** Stop this far (m) before the target along the target's −z axis (default 0). */
  approach: finite.min(-MAX_COORDINATE).max(MAX_COORDINATE, { error: `expected a distance within ±${MAX_COORDINATE} m` }).optional(),
};

/** A synchronized joint move (trapezoidal profile at the robot's joint speed and acceleration limits). */
export const moveJStepSchema = z.strictObject({
  type: z.literal('moveJ'),
  /** A named target (the tool centre point goes there, by inverse kinematics). */
  target: name.optional(),
  /** Or joint values (rad or m) in the arm's input order. Exactly one of `target` and `joints`. */
  joints: jointValues.optional(),
  ...moveOptions,
});

/** A straight tool line to a named target. */
export const moveLStepSchema = z.strictObject({
  type: z.literal('moveL'),
  target: name,
  ...moveOptions,
  /** Tool speed (m/s, default 1) and acceleration (m/s², default 4); joints are slowed when needed. */
  tcpSpeed: positive.max(MAX_SPEED, { error: `expected at most ${MAX_SPEED} m/s` }).optional(),
  tcpAcceleration: positive.max(MAX_ACCELERATION, { error: `expected at most ${MAX_ACCELERATION} m/s²` }).optional(),
});

/**
 * Takes the part at the tool (the nearest part within reach of the TCP). With a machine or an
 * operator station as the location it unloads the station, with a pallet it takes the top part.
 * `target` names the location; it defaults to the target of the last move.
 */
export const pickStepSchema = z.strictObject({
  type: z.literal('pick'),
  target: name.optional(),
  /** Time to close the jaws or build up the vacuum (default: the tool's library actuation time). */
  gripTime: seconds.optional(),
});

/** Lets go of the held part at the location: a pallet slot, a machine, a conveyor, a sink. */
export const placeStepSchema = z.strictObject({
  type: z.literal('place'),
  target: name.optional(),
  /** Time to open the jaws or release the vacuum (default: the tool's library actuation time). */
  releaseTime: seconds.optional(),
});

/** What a robot's waiting counts as in the utilization (docs/ARCHITECTURE.md). */
export const waitReasonSchema = z.enum(['starved', 'blocked', 'interlock']);

/** Waits until a signal has a value. */
export const waitSignalStepSchema = z.strictObject({
  type: z.literal('waitSignal'),
  signal: name,
  /** Default true. Signals nobody has set yet are false. */
  value: z.boolean().optional(),
  /** What the wait means (default starved: waiting for a part; `*.ready` of a station: blocked). */
  as: waitReasonSchema.optional(),
});

/** Waits for a conveyor's light barrier, then lets the reading settle. */
export const waitSensorStepSchema = z.strictObject({
  type: z.literal('waitSensor'),
  conveyor: name,
  /** Wait for a part (true, default: the robot is starved meanwhile) or for the barrier to clear (blocked). */
  occupied: z.boolean().optional(),
  /** Settle time after the barrier switched (s, default 0), counted as I/O dwell. */
  settle: seconds.optional(),
});

/** Sets a signal; `dwell` is the I/O time it takes (default 0). */
export const setSignalStepSchema = z.strictObject({
  type: z.literal('setSignal'),
  signal: name,
  value: z.boolean().optional(),
  dwell: seconds.optional(),
});

/** A process dwell: the robot works in place (welding, grinding, inspecting…). */
export const processStepSchema = z.strictObject({
  type: z.literal('process'),
  seconds,
  /** What the process is, for people reading the program: weld, grind, polish, inspect, glue… */
  label: text.optional(),
});

/** Asks for a shared zone; waits (interlock) while another robot holds it. First come, first served. */
export const zoneRequestStepSchema = z.strictObject({ type: z.literal('zoneRequest'), zone: name });
/** Gives a held zone back. */
export const zoneReleaseStepSchema = z.strictObject({ type: z.literal('zoneRelease'), zone: name });
/** A plain dwell, counted as I/O dwell. */
export const waitStepSchema = z.strictObject({ type: z.literal('wait'), seconds });

/** Interim: a constant-speed joint move without ramps, the slowest joint at its limit × speed. */
export const moveJointsStepSchema = z.strictObject({ type: z.literal('moveJoints'), q: jointValues, speed: fraction.optional() });
/** Interim: grip the part at the TCP, then the tool's actuation time (no waiting for a part). */
export const gripStepSchema = z.strictObject({ type: z.literal('grip') });
/** Interim: release, then the tool's actuation time. */
export const releaseStepSchema = z.strictObject({ type: z.literal('release') });

const STEP_SCHEMAS = [
  moveJStepSchema,
  moveLStepSchema,
  pickStepSchema,
  placeStepSchema,
  waitSignalStepSchema,
  waitSensorStepSchema,
  setSignalStepSchema,
  processStepSchema,
  zoneRequestStepSchema,
  zoneReleaseStepSchema,
  waitStepSchema,
  moveJointsStepSchema,
  gripStepSchema,
  releaseStepSchema,
] as const;

/** Every step type, in the order the messages list them. */
export const STEP_TYPES = STEP_SCHEMAS.map((s) => s.shape.type.value);

/** One step of a program. Narrow on `type`. */
export const programStepSchema = z.discriminatedUnion('type', [...STEP_SCHEMAS], {
  error: (issue) => {
    const input = issue.input;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'expected a step object with a "type"';
    const type = (input as Record<string, unknown>)['type'];
    if (type === undefined) return `the step has no "type" (known: ${STEP_TYPES.join(', ')})`;
    return `unknown step type ${JSON.stringify(type)} (known: ${STEP_TYPES.join(', ')})`;
  },
});

/** A robot program: its steps run in order, and again from the first when `loop` (default true). */
export const programSchema = z.strictObject({
  id: name,
  robot: text,
  steps: z.array(programStepSchema).max(MAX_STEPS, { error: `expected at most ${MAX_STEPS} steps` }),
  /** Run the steps once and stop (false), or loop forever (true, default). */
  loop: z.boolean().optional(),
});
