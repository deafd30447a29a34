/**
 * The frame: what the renderer needs after each step, packed in one `Float32Array` so the worker
 * can write it into a SharedArrayBuffer (or a transferable buffer) without building objects.
 *
 * Layout (indices in floats):
 * ```
 * [0]  FRAME_LAYOUT_VERSION (1)
 * [1]  simulated time (s)
 * [2]  step count (exact up to 2^24 steps, 19 h at 240 Hz; use Simulation.stepCount beyond)
 * [3]  B = number of body records that follow
 * [4]  J = number of joint values after the bodies
 * [5..7] reserved (0)
 * [8 + 8 i .. 8 + 8 i + 7]  body record i: id, px, py, pz, qx, qy, qz, qw
 * [8 + 8 B .. 8 + 8 B + J − 1]  joint values, robot by robot (see Simulation.jointLayout)
 * ```
 * A body record's `id` indexes `Simulation.bodies()` (name, kind, item, link): ids are never
 * reused, so a part that leaves the cell simply stops appearing. Positions are metres in the
 * world frame (Z up), quaternions are unit [x, y, z, w]. Robot link bodies carry the pose of
 * their link; the joint values let a URDF view (urdf-loader) pose the links itself instead.
 * Float32 keeps positions to ~0.1 µm near the origin — plenty for drawing; the state hash and
 * the KPIs use the doubles inside the simulation, never the frame.
 */

/** Bumped when the layout changes, so a page and a worker from different builds notice. */
export const FRAME_LAYOUT_VERSION = 1;
/** Floats before the first body record. */
export const FRAME_HEADER_FLOATS = 8;
/** Floats per body record. */
export const FRAME_BODY_FLOATS = 8;

/** Indices of the header fields. */
export const FRAME = {
  VERSION: 0,
  TIME: 1,
  STEP: 2,
  BODY_COUNT: 3,
  JOINT_COUNT: 4,
} as const;

/** Offsets inside a body record. */
export const BODY = { ID: 0, PX: 1, PY: 2, PZ: 3, QX: 4, QY: 5, QZ: 6, QW: 7 } as const;

/** Floats a frame with `bodies` body records and `joints` joint values takes. */
export function frameLength(bodies: number, joints: number): number {
  return FRAME_HEADER_FLOATS + FRAME_BODY_FLOATS * bodies + joints;
}

/** One body record read back from a frame (allocates: for tests and tools, not per frame). */
export interface FrameBody {
  id: number;
  position: [number, number, number];
  quaternion: [number, number, number, number];
}

/** Decodes a frame into plain objects. Throws when the version does not match this build. */
export function readFrame(frame: Float32Array): { time: number; step: number; bodies: FrameBody[]; joints: number[] } {
  if (frame[FRAME.VERSION] !== FRAME_LAYOUT_VERSION) {
    throw new Error(`frame layout version ${String(frame[FRAME.VERSION])}, expected ${FRAME_LAYOUT_VERSION}`);
  }
  const count = frame[FRAME.BODY_COUNT] ?? 0;
  const jointCount = frame[FRAME.JOINT_COUNT] ?? 0;
  const bodies: FrameBody[] = [];
  for (let i = 0; i < count; i++) {
    const o = FRAME_HEADER_FLOATS + FRAME_BODY_FLOATS * i;
    const f = (k: number): number => frame[o + k] ?? NaN;
    bodies.push({ id: f(BODY.ID), position: [f(BODY.PX), f(BODY.PY), f(BODY.PZ)], quaternion: [f(BODY.QX), f(BODY.QY), f(BODY.QZ), f(BODY.QW)] });
  }
  const start = FRAME_HEADER_FLOATS + FRAME_BODY_FLOATS * count;
  return { time: frame[FRAME.TIME] ?? NaN, step: frame[FRAME.STEP] ?? NaN, bodies, joints: Array.from(frame.subarray(start, start + jointCount)) };
}

/**
 * Writes a frame's header for `bodies` body records and `joints` joint values and returns where
 * the first body record goes. Both engines write frames through this and {@link writeBodyRecord}
 * / {@link writeJointValues}, so the layout has one writer. Throws RangeError when `out` is
 * shorter than {@link frameLength}.
 */
export function writeFrameHeader(out: Float32Array, time: number, step: number, bodies: number, joints: number): number {
  const need = frameLength(bodies, joints);
  if (out.length < need) throw new RangeError(`frame buffer of ${out.length} floats is too short: ${need} needed`);
  out[FRAME.VERSION] = FRAME_LAYOUT_VERSION;
  out[FRAME.TIME] = time;
  out[FRAME.STEP] = step;
  out[FRAME.BODY_COUNT] = bodies;
  out[FRAME.JOINT_COUNT] = joints;
  out.fill(0, FRAME.JOINT_COUNT + 1, FRAME_HEADER_FLOATS);
  return FRAME_HEADER_FLOATS;
}

/** Writes body record `id` with the 7 pose numbers at `pose[at…]` at offset `o`; returns the next offset. */
export function writeBodyRecord(out: Float32Array, o: number, id: number, pose: ArrayLike<number>, at = 0): number {
  out[o + BODY.ID] = id;
  for (let k = 0; k < FRAME_BODY_FLOATS - 1; k++) out[o + 1 + k] = pose[at + k]!;
  return o + FRAME_BODY_FLOATS;
}

/** Writes every robot's arm then tool joint values from offset `o` (the frame's tail). */
export function writeJointValues(out: Float32Array, o: number, robots: ReadonlyArray<{ arm: { q: ArrayLike<number> }; tool: { q: ArrayLike<number> } }>): void {
  for (const r of robots) {
    for (let k = 0; k < r.arm.q.length; k++) out[o++] = r.arm.q[k]!;
    for (let k = 0; k < r.tool.q.length; k++) out[o++] = r.tool.q[k]!;
  }
}
