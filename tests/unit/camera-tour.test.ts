/**
 * The camera tour (src/motion/camera-tour.ts): exact poses at the stops, the eased midpoint of a
 * travel, the loop back to the first stop, and the captions.
 */
import { describe, expect, it } from 'vitest';
import { HOLD_SHARE, smootherstep, stopStartTime, tour, tourPeriod } from '../../src/motion/camera-tour';
import type { CameraStop } from '../../src/model/presentation-schema';

const stops: CameraStop[] = [
  { position: [4, 0, 2], target: [0, 0, 0.5], duration: 10, caption: 'Infeed' },
  { position: [0, 4, 3], target: [1, 1, 0.8], duration: 5, caption: 'Robot' },
  { position: [-2, -2, 6], target: [0, 0, 0], duration: 5, caption: 'From above' },
];

const expectVec = (actual: readonly number[] | undefined, expected: readonly number[]) => {
  expect(actual).toHaveLength(3);
  expected.forEach((v, i) => expect(actual![i]).toBeCloseTo(v, 12));
};

describe('the camera tour', () => {
  it('lasts the sum of the stops’ durations', () => {
    expect(tourPeriod(stops)).toBe(20);
    expect(stopStartTime(stops, 2)).toBe(15);
  });

  it('is exactly on each stop when its slot begins and until its hold ends', () => {
    for (const [i, stop] of stops.entries()) {
      const start = stopStartTime(stops, i);
      for (const t of [start, start + HOLD_SHARE * stop.duration]) {
        const pose = tour(stops, t)!;
        expect(pose.position).toEqual(stop.position);
        expect(pose.target).toEqual(stop.target);
        expect(pose.caption).toBe(stop.caption);
        expect(pose.stop).toBe(i);
        expect(pose.travel).toBe(0);
      }
    }
  });

  it('is half way between two stops in the middle of the travel', () => {
    // Stop 0 holds 6 s, travels 6 → 10 s: the middle is t = 8.
    const pose = tour(stops, 8)!;
    expectVec(pose.position, [2, 2, 2.5]);
    expectVec(pose.target, [0.5, 0.5, 0.65]);
    expect(pose.travel).toBeCloseTo(0.5, 12);
    expect(pose.caption).toBe('Robot');
  });

  it('eases: a quarter into the travel it has covered smootherstep(¼) = 0.103515625 of the way', () => {
    expect(smootherstep(0.25)).toBe(0.103515625);
    const pose = tour(stops, 7)!; // 1 s into the 4 s travel
    expectVec(pose.position, [4 - 4 * 0.103515625, 4 * 0.103515625, 2 + 0.103515625]);
    expect(pose.caption).toBe('Infeed');
  });

  it('travels from the last stop back to the first and loops', () => {
    // Stop 2 holds 15 → 18 s, travels back to stop 0 over 18 → 20 s.
    expectVec(tour(stops, 19)!.position, [1, -1, 4]);
    expect(tour(stops, 20)!.position).toEqual(stops[0]!.position);
    expectVec(tour(stops, 28)!.position, tour(stops, 8)!.position);
    expectVec(tour(stops, -12)!.position, tour(stops, 8)!.position);
  });

  it('holds on a single stop and has nothing to show without stops', () => {
    const one = stops.slice(0, 1);
    expect(tour(one, 123.4)!.position).toEqual([4, 0, 2]);
    expect(tour([], 3)).toBeNull();
  });
});
