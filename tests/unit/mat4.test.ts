import { describe, expect, it } from 'vitest';
import {
  mat4Create,
  mat4FromXyzRpy,
  mat4InvertRigid,
  mat4MultiplyRigid,
  mat4Quaternion,
  mat4RotateAxisAngle,
  mat4RotateFrameAxis,
  mat4RotationAngle,
  mat4ToRowMajor,
  mat4TranslateLocal,
} from '../../src/kinematics/mat4';
import { seededRandom } from './support/kinematics-fixtures';

const expectClose = (a: ArrayLike<number>, b: ArrayLike<number>, digits = 12): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, digits);
};

describe('mat4 helpers', () => {
  it('builds URDF origins as Rz(yaw) · Ry(pitch) · Rx(roll), column-major', () => {
    const [roll, pitch, yaw] = [0.3, -0.7, 1.9];
    const composed = mat4Create();
    mat4RotateFrameAxis(composed, 2, yaw);
    mat4RotateFrameAxis(composed, 1, pitch);
    mat4RotateFrameAxis(composed, 0, roll);
    const m = mat4FromXyzRpy(mat4Create(), [1, 2, 3], [roll, pitch, yaw]);
    expectClose(m.subarray(0, 12), composed.subarray(0, 12));
    expect([m[12], m[13], m[14]]).toEqual([1, 2, 3]);
    // Row-major output puts the translation in the last column.
    expect(mat4ToRowMajor(m).filter((_, i) => i % 4 === 3)).toEqual([1, 2, 3, 1]);
  });

  it('rotates about x, y and z by the right-hand rule', () => {
    // +90° about z takes x to y; about x takes y to z; about y takes z to x.
    // Each case: [rotation axis, the axis whose image we read, the axis it must land on].
    const cases: [number, number, number][] = [[2, 0, 1], [0, 1, 2], [1, 2, 0]];
    for (const [axis, from, to] of cases) {
      const m = mat4RotateFrameAxis(mat4Create(), axis, Math.PI / 2);
      const image = [m[4 * from], m[4 * from + 1], m[4 * from + 2]];
      image.forEach((x, i) => expect(x).toBeCloseTo(i === to ? 1 : 0, 12));
    }
  });

  it('agrees between the frame-axis and the general axis-angle rotation', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 20; n++) {
      const base = mat4FromXyzRpy(mat4Create(), [random(), random(), random()], [random() * 6, random() * 6, random() * 6]);
      const angle = (random() - 0.5) * 10;
      for (let axis = 0; axis < 3; axis++) {
        const unit = [0, 0, 0];
        unit[axis] = -1;
        const a = mat4RotateFrameAxis(Float64Array.from(base), axis, -angle);
        const b = mat4RotateAxisAngle(Float64Array.from(base), unit[0]!, unit[1]!, unit[2]!, angle);
        expectClose(a, b);
      }
    }
  });

  it('inverts rigid transforms and moves along local axes', () => {
    const m = mat4FromXyzRpy(mat4Create(), [0.4, -0.2, 1.1], [0.5, 1.0, -2.0]);
    const product = mat4MultiplyRigid(mat4Create(), m, mat4InvertRigid(mat4Create(), m));
    expectClose(product, mat4Create());
    const moved = mat4TranslateLocal(Float64Array.from(m), 0, 0, 0.25);
    // A local z move goes along m's third column.
    expectClose([moved[12]! - m[12]!, moved[13]! - m[13]!, moved[14]! - m[14]!], [m[8]! * 0.25, m[9]! * 0.25, m[10]! * 0.25]);
  });

  it('reports quaternions [x, y, z, w] with w ≥ 0, also near 180°', () => {
    const q = mat4Quaternion(mat4FromXyzRpy(mat4Create(), [0, 0, 0], [0, 0, Math.PI / 2]));
    expectClose(q, [0, 0, Math.SQRT1_2, Math.SQRT1_2]);
    const flip = mat4Quaternion(mat4FromXyzRpy(mat4Create(), [0, 0, 0], [Math.PI, 0, 0]));
    expectClose(flip.map(Math.abs), [1, 0, 0, 0]);
  });

  it('measures small rotation differences without losing precision', () => {
    const a = mat4FromXyzRpy(mat4Create(), [0, 0, 0], [0.2, 0.3, 0.4]);
    const b = mat4RotateFrameAxis(Float64Array.from(a), 1, 1e-9);
    expect(mat4RotationAngle(a, b)).toBeCloseTo(1e-9, 15);
    expect(mat4RotationAngle(a, mat4RotateFrameAxis(Float64Array.from(a), 0, 2))).toBeCloseTo(2, 12);
  });
});
