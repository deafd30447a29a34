/**
 * Moves frames from the simulation worker to the page. With cross-origin isolation the two
 * share memory: the worker writes each frame into a SharedArrayBuffer under a sequence lock and
 * the page copies the latest whole frame when it draws, with no message per frame. Without
 * isolation the worker posts a transferable ArrayBuffer and the page hands it back (ping-pong),
 * so at most two buffers ever exist and nothing is copied on the way.
 *
 * Shared layout: Int32 [0] = sequence (odd while writing), [1] = frame length in floats, then
 * the frame floats (see src/sim/frame-layout.ts) starting at byte 8.
 */

const HEADER_BYTES = 8;

/** True when SharedArrayBuffer can be used here (the page is cross-origin isolated). */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/** Shared memory for frames of up to `maxFloats` floats. */
export function createSharedFrameBuffer(maxFloats: number): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + 4 * maxFloats);
}

/** The worker's side: publishes frames into shared memory. */
export class SharedFrameWriter {
  private readonly header: Int32Array;
  private readonly floats: Float32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 2);
    this.floats = new Float32Array(buffer, HEADER_BYTES);
  }

  /** Room for a frame, in floats. */
  get capacity(): number {
    return this.floats.length;
  }

  /** Copies `frame` in; readers never see a half-written frame (odd sequence while writing). */
  publish(frame: Float32Array, length: number): void {
    Atomics.add(this.header, 0, 1);
    this.floats.set(frame.subarray(0, length));
    Atomics.store(this.header, 1, length);
    Atomics.add(this.header, 0, 1);
  }
}

/** The page's side: copies the newest complete frame out of shared memory. */
export class SharedFrameReader {
  private readonly header: Int32Array;
  private readonly floats: Float32Array;
  private lastSequence = -1;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 2);
    this.floats = new Float32Array(buffer, HEADER_BYTES);
  }

  /**
   * Copies the newest frame into `out` and returns its length, or 0 when there is no new
   * complete frame since the last call (the writer was mid-frame or has published nothing new).
   */
  read(out: Float32Array): number {
    const before = Atomics.load(this.header, 0);
    if (before % 2 === 1 || before === this.lastSequence) return 0;
    const length = Atomics.load(this.header, 1);
    out.set(this.floats.subarray(0, length));
    // A write that started while we copied makes the copy unusable; the next draw tries again.
    if (Atomics.load(this.header, 0) !== before) return 0;
    this.lastSequence = before;
    return length;
  }
}
