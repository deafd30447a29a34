import { describe, expect, it } from 'vitest';
import { createSharedFrameBuffer, SharedFrameReader, SharedFrameWriter } from '../../src/bridge/frame-channel';

describe('the shared frame channel', () => {
  it('hands the reader the newest whole frame once, then nothing until the next', () => {
    const buffer = createSharedFrameBuffer(16);
    const writer = new SharedFrameWriter(buffer);
    const reader = new SharedFrameReader(buffer);
    const out = new Float32Array(16);
    expect(reader.read(out)).toBe(0);
    writer.publish(new Float32Array([1, 2, 3, 4]), 4);
    writer.publish(new Float32Array([5, 6, 7]), 3);
    expect(reader.read(out)).toBe(3);
    expect([...out.subarray(0, 3)]).toEqual([5, 6, 7]);
    expect(reader.read(out)).toBe(0);
  });

  it('refuses a frame while the writer is in the middle of one (odd sequence)', () => {
    const buffer = createSharedFrameBuffer(8);
    const reader = new SharedFrameReader(buffer);
    new SharedFrameWriter(buffer).publish(new Float32Array([1]), 1);
    Atomics.add(new Int32Array(buffer, 0, 1), 0, 1); // a write has begun
    expect(reader.read(new Float32Array(8))).toBe(0);
  });
});
