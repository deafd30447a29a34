import { describe, expect, it } from 'vitest';
import { FrameInterpolator } from '../../src/scene/sim/frame-interpolator';

/** A frame with one body at x and one joint value q (layout of src/sim/frame-layout.ts). */
function frame(time: number, x: number, q: number, yaw = 0): Float32Array {
  const f = new Float32Array(8 + 8 + 1);
  f.set([1, time, 0, 1, 1, 0, 0, 0]);
  f.set([7, x, 0, 0, 0, 0, Math.sin(yaw / 2), Math.cos(yaw / 2)], 8);
  f[16] = q;
  return f;
}

describe('frame interpolation', () => {
  it('shows the older frame at its arrival and blends halfway at half the interval', () => {
    const fi = new FrameInterpolator();
    fi.push(frame(0, 0, 0), 17, 1000);
    fi.push(frame(0.1, 1, 2), 17, 1100);
    fi.sample(1100);
    expect(fi.out[9]).toBeCloseTo(0, 6);
    fi.sample(1150);
    expect(fi.out[9]).toBeCloseTo(0.5, 6);
    expect(fi.out[16]).toBeCloseTo(1, 6);
    fi.sample(1300);
    expect(fi.out[9]).toBeCloseTo(1, 6);
  });

  it('keeps quaternions unit length while blending a 90° turn', () => {
    const fi = new FrameInterpolator();
    fi.push(frame(0, 0, 0, 0), 17, 0);
    fi.push(frame(0.1, 0, 0, Math.PI / 2), 17, 100);
    fi.sample(150);
    const q = [...fi.out.subarray(12, 16)];
    expect(Math.hypot(...q)).toBeCloseTo(1, 6);
    expect(2 * Math.atan2(q[2] ?? 0, q[3] ?? 1)).toBeCloseTo(Math.PI / 4, 6);
  });
});
