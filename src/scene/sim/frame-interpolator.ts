/**
 * Smooths the simulation's frames for drawing: the worker steps at its own pace, the screen
 * refreshes at another, so the page draws one frame behind and blends the two newest frames by
 * how far the wall clock has got between their arrivals. Without it motion stutters whenever
 * a step batch and a screen refresh fall out of phase.
 */
import { BODY, FRAME, FRAME_BODY_FLOATS, FRAME_HEADER_FLOATS } from '../../sim/frame-layout';

export class FrameInterpolator {
  private prev = new Float32Array(0);
  private curr = new Float32Array(0);
  private prevLength = 0;
  private currLength = 0;
  private prevAt = 0;
  private currAt = 0;
  /** The blended frame (same layout as the simulation's). */
  out = new Float32Array(0);
  outLength = 0;

  /** Takes a newly arrived frame (copied), received at `now` (ms). */
  push(frame: Float32Array, length: number, now: number): void {
    [this.prev, this.curr] = [this.curr, this.prev];
    this.prevLength = this.currLength;
    this.prevAt = this.currAt;
    if (this.curr.length < length) this.curr = new Float32Array(length * 2);
    this.curr.set(frame.subarray(0, length));
    this.currLength = length;
    this.currAt = now;
  }

  /** Forgets every frame (the simulation stopped). */
  clear(): void {
    this.prevLength = 0;
    this.currLength = 0;
    this.outLength = 0;
  }

  /** Blends the two newest frames for time `now` (ms). Returns false when there is no frame. */
  sample(now: number): boolean {
    if (this.currLength === 0) return false;
    if (this.out.length < this.currLength) this.out = new Float32Array(this.currLength * 2);
    const a = this.curr;
    this.out.set(a.subarray(0, this.currLength));
    this.outLength = this.currLength;
    const span = this.currAt - this.prevAt;
    if (this.prevLength === 0 || span <= 0 || span > 250) return true;
    const t = Math.min(1, Math.max(0, (now - this.currAt) / span));
    const b = this.prev;
    // Blend only when both frames list the same bodies and joints in the same order.
    if (b[FRAME.BODY_COUNT] !== a[FRAME.BODY_COUNT] || b[FRAME.JOINT_COUNT] !== a[FRAME.JOINT_COUNT]) return true;
    const w = 1 - t; // weight of the older frame: at t = 0 we show `prev`, at t = 1 `curr`
    const bodies = a[FRAME.BODY_COUNT] ?? 0;
    for (let i = 0; i < bodies; i++) {
      const o = FRAME_HEADER_FLOATS + i * FRAME_BODY_FLOATS;
      if (a[o + BODY.ID] !== b[o + BODY.ID]) return true;
      for (let k = BODY.PX; k <= BODY.PZ; k++) this.out[o + k] = (b[o + k] ?? 0) * w + (a[o + k] ?? 0) * t;
      nlerpQuaternion(this.out, o + BODY.QX, b, a, w, t);
    }
    const jointStart = FRAME_HEADER_FLOATS + bodies * FRAME_BODY_FLOATS;
    const joints = a[FRAME.JOINT_COUNT] ?? 0;
    for (let j = jointStart; j < jointStart + joints; j++) this.out[j] = (b[j] ?? 0) * w + (a[j] ?? 0) * t;
    return true;
  }
}

/** Normalised linear blend of two unit quaternions (shortest way round), written into `out`. */
function nlerpQuaternion(out: Float32Array, o: number, b: Float32Array, a: Float32Array, w: number, t: number): void {
  const dot = (b[o] ?? 0) * (a[o] ?? 0) + (b[o + 1] ?? 0) * (a[o + 1] ?? 0) + (b[o + 2] ?? 0) * (a[o + 2] ?? 0) + (b[o + 3] ?? 0) * (a[o + 3] ?? 0);
  const s = dot < 0 ? -t : t;
  let len = 0;
  for (let k = 0; k < 4; k++) {
    const v = (b[o + k] ?? 0) * w + (a[o + k] ?? 0) * s;
    out[o + k] = v;
    len += v * v;
  }
  len = Math.sqrt(len) || 1;
  for (let k = 0; k < 4; k++) out[o + k] = (out[o + k] ?? 0) / len;
}
