import { describe, expect, it } from 'vitest';
import { mat4Create, mat4FromXyzRpy } from '../../src/kinematics/mat4';
import type { RobotItem, TableItem } from '../../src/model/cell';
import { isMountedOn } from '../../src/sim/collision-filter';
import { FRAME, FRAME_LAYOUT_VERSION, frameLength, readFrame } from '../../src/sim/frame-layout';
import { halfWidthAcross } from '../../src/sim/grippers';
import { JointDriver, LinearJointMove, type JointTrajectory } from '../../src/sim/joint-motion';
import { decimatePoints } from '../../src/sim/link-shapes';
import { mat4FromPose, poseFromMat4 } from '../../src/sim/pose';
import { Rng } from '../../src/sim/rng';
import { StateHasher } from '../../src/sim/state-hash';

describe('the seeded random numbers', () => {
  it('repeat for a seed, differ between seeds, and resume from a saved state', () => {
    const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());
    const a = new Rng(42);
    const b = new Rng(42);
    expect(draw(a, 5)).toEqual(draw(b, 5));
    expect(draw(new Rng(43), 5)).not.toEqual(draw(new Rng(42), 5));
    const saved = a.state();
    const next = draw(a, 5);
    const c = new Rng(0);
    c.restore(saved);
    expect(draw(c, 5)).toEqual(next);
  });

  it('stay in [0, 1) and spread evenly (mean of 10,000 draws within 1% of 0.5)', () => {
    const rng = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.005);
  });
});

describe('the state hash', () => {
  it('ignores differences below its rounding, sees those above, and hashes −0 as 0', () => {
    const h = (...xs: number[]) => xs.reduce((s, x) => s.addFloat(x), new StateHasher()).digest();
    expect(h(1.0000000001, 2)).toBe(h(1, 2));
    expect(h(1.000002, 2)).not.toBe(h(1, 2));
    expect(h(-0)).toBe(h(0));
    expect(h(1, 2)).not.toBe(h(2, 1));
    expect(h(1, 2)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('joint motion', () => {
  it('plans a synchronized linear move: the slowest joint at its limit, all arriving together', () => {
    const move = LinearJointMove.plan([0, 0], [1, -3], [2, 3], 0.5);
    expect(move.duration).toBe(2); // joint 2: 3 rad at 1.5 rad/s
    const q = [0, 0];
    move.sample(1, q);
    expect(q).toEqual([0.5, -1.5]);
    move.sample(5, q);
    expect(q).toEqual([1, -3]);
  });

  it('saves any trajectory as plain data and replays it exactly at the step times', () => {
    const dt = 1 / 240;
    const curve: JointTrajectory = { duration: 0.5, sample: (t, out) => ((out[0] = Math.sin(7 * t)), (out[1] = t * t)) };
    const live = new JointDriver([0, 0]);
    live.follow(curve, 0.1);
    for (let n = 1; n <= 40; n++) live.advance(n * dt);
    const copy = new JointDriver([9, 9]);
    copy.load(structuredClone(live.save(41, dt)));
    for (let n = 41; n <= 250; n++) {
      live.advance(n * dt);
      copy.advance(n * dt);
      expect(Array.from(copy.q)).toEqual(Array.from(live.q));
    }
    expect(copy.moving).toBe(false);
  });
});

describe('geometry helpers', () => {
  it('turn a pose into a matrix and back', () => {
    const m = mat4FromXyzRpy(mat4Create(), [1, 2, 3], [0.3, -0.4, 2.5]);
    const back = mat4FromPose(mat4Create(), poseFromMat4(m, new Float64Array(7)));
    back.forEach((v, i) => expect(v).toBeCloseTo(m[i]!, 12));
  });

  it('measure a part across the jaws from its orientation', () => {
    const tcp = mat4Create();
    const part = mat4FromXyzRpy(mat4Create(), [0, 0, 0], [0, 0, Math.PI / 2]);
    expect(halfWidthAcross(tcp, part, [0.05, 0.02, 0.1])).toBeCloseTo(0.05, 12); // turned 90°: x lies across
  });

  it('thin a large point cloud to at most one point per grid cell, keeping its extent', () => {
    const n = 30_000;
    const pts = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) pts.set([Math.cos(i), Math.sin(i), (i % 100) / 100], 3 * i);
    const thin = decimatePoints(pts, 2000);
    expect(thin.length / 3).toBeLessThan(n / 3);
    const small = pts.subarray(0, 300);
    expect(decimatePoints(small, 2000)).toBe(small); // 100 points: kept as they are
    const max = (a: Float32Array, k: number) => Math.max(...Array.from({ length: a.length / 3 }, (_, i) => a[3 * i + k]!));
    expect(max(thin, 0)).toBeGreaterThan(0.99);
  });

  it('tell whether a robot stands on a fixture (within 1 cm of its top, inside its footprint)', () => {
    const table = { id: 't', name: 't', type: 'table', pose: { xyz: [1, 0, 0], rpy: [0, 0, 0.3] }, size: [0.6, 0.6, 0.75] } as TableItem;
    const robot = (xyz: [number, number, number]) => ({ id: 'r', name: 'r', type: 'robot', pose: { xyz, rpy: [0, 0, 0] } }) as RobotItem;
    expect(isMountedOn(robot([1.1, 0.1, 0.755]), table)).toBe(true);
    expect(isMountedOn(robot([1.1, 0.1, 0.8]), table)).toBe(false);
    expect(isMountedOn(robot([2, 0, 0.75]), table)).toBe(false);
    expect(isMountedOn(robot([2, 0, 0]), null)).toBe(true);
  });
});

describe('the frame layout', () => {
  it('decodes what it describes and refuses another version', () => {
    const f = new Float32Array(frameLength(1, 2));
    f[FRAME.VERSION] = FRAME_LAYOUT_VERSION;
    f[FRAME.TIME] = 1.5;
    f[FRAME.STEP] = 360;
    f[FRAME.BODY_COUNT] = 1;
    f[FRAME.JOINT_COUNT] = 2;
    f.set([7, 1, 2, 3, 0, 0, 0, 1, 0.5, -0.5], 8);
    expect(readFrame(f)).toEqual({ time: 1.5, step: 360, bodies: [{ id: 7, position: [1, 2, 3], quaternion: [0, 0, 0, 1] }], joints: [0.5, -0.5] });
    f[FRAME.VERSION] = 2;
    expect(() => readFrame(f)).toThrow(/version 2/);
  });
});
