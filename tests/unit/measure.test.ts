import { describe, expect, it } from 'vitest';
import { addMeasurePoint, measure, snapToVertex, toMm } from '../../src/tools/measure';

describe('the measure tool', () => {
  it('measures 1300 mm from (0, 0, 0) to (1.2, −0.5, 0) with its components', () => {
    const m = measure([0, 0, 0], [1.2, -0.5, 0]);
    expect(m.distance).toBeCloseTo(1.3, 12);
    expect([m.dx, m.dy, m.dz]).toEqual([1.2, -0.5, 0]);
    expect(toMm(m.distance)).toBe(1300);
  });

  it('measures in 3D: from a table top corner up to a point 400 mm above and 300 mm across is 500 mm, 300 mm on the floor', () => {
    const m = measure([0.6, 0.4, 0.75], [0.9, 0.4, 1.15]);
    expect(toMm(m.distance)).toBe(500);
    expect(toMm(m.horizontal)).toBe(300);
    expect(toMm(m.dz)).toBe(400);
  });

  it('takes the first click as A, the second as B, and starts over at the third', () => {
    let p = addMeasurePoint({ a: null, b: null }, [1, 2, 3]);
    expect(p).toEqual({ a: [1, 2, 3], b: null });
    p = addMeasurePoint(p, [4, 5, 6]);
    expect(p).toEqual({ a: [1, 2, 3], b: [4, 5, 6] });
    p = addMeasurePoint(p, [7, 8, 9]);
    expect(p).toEqual({ a: [7, 8, 9], b: null });
  });

  it('snaps a hit 8 mm from a box corner to the corner, but not a hit 30 mm away (limit 20 mm)', () => {
    const corners: Array<[number, number, number]> = [
      [0.6, 0.4, 0.75],
      [-0.6, 0.4, 0.75],
      [0.6, -0.4, 0.75],
    ];
    expect(snapToVertex([0.592, 0.4, 0.75], corners, 0.02)).toEqual([0.6, 0.4, 0.75]);
    expect(snapToVertex([0.57, 0.4, 0.75], corners, 0.02)).toEqual([0.57, 0.4, 0.75]);
  });

  it('rounds to whole millimetres and never shows −0', () => {
    expect(toMm(0.0004)).toBe(0);
    expect(Object.is(toMm(-0.0004), 0)).toBe(true);
    expect(toMm(-0.2496)).toBe(-250);
  });
});
