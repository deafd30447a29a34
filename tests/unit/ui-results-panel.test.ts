/**
 * The results panel's pure rules: the divider's keys and limits, the Gantt's zoom, pan, ticks and
 * merged bars, names cut in the middle, and a density gauge whose scale fits its figure.
 */
import { describe, expect, it } from 'vitest';
import { clampRange, ganttBars, middleEllipsis, panBy, timeTicks, zoomAbout } from '../../src/ui/dashboard/gantt-view';
import { gaugeScale, niceCeil } from '../../src/ui/dashboard/gauge-scale';
import { clampPanel, dividerKey, MIN_PANEL } from '../../src/ui/dashboard/panel-size';
import { isTruncated, resourceKinds, timelineIntervals } from '../../src/ui/dashboard/use-whole-timeline';

const refs = [162, 429, 470, 500, 1012];

describe('the results divider', () => {
  it('keeps the panel between its least height and the room left to the 3D view', () => {
    expect(clampPanel(50, 800)).toBe(MIN_PANEL);
    expect(clampPanel(5000, 800)).toBe(720);
    expect(clampPanel(333.4, 800)).toBe(333);
  });

  it('grows by 20 px on ↑ (100 with Shift), shrinks on ↓, maximises on End and at the top, restores on Escape', () => {
    expect(dividerKey('ArrowUp', false, 300, 800, false)).toEqual({ kind: 'height', height: 320 });
    expect(dividerKey('ArrowUp', true, 300, 800, false)).toEqual({ kind: 'height', height: 400 });
    expect(dividerKey('ArrowDown', false, 300, 800, false)).toEqual({ kind: 'height', height: 280 });
    expect(dividerKey('ArrowUp', false, 720, 800, false)).toEqual({ kind: 'maximise' });
    expect(dividerKey('End', false, 300, 800, false)).toEqual({ kind: 'maximise' });
    expect(dividerKey('Escape', false, 300, 800, true)).toEqual({ kind: 'restore' });
    expect(dividerKey('x', false, 300, 800, false)).toBeNull();
  });
});

describe('the Gantt view', () => {
  const run = { start: 0, end: 100 };

  it('zooms in about the pointer: 40–60 s zoomed ×0.5 about 50 s shows 45–55 s', () => {
    expect(zoomAbout({ start: 40, end: 60 }, 50, 0.5, run)).toEqual({ start: 45, end: 55 });
  });

  it('keeps the time under the pointer in place: ×2 about 42 s of 40–60 (10 % in) shows 38–78 (still 10 % in)', () => {
    expect(zoomAbout({ start: 40, end: 60 }, 42, 2, run)).toEqual({ start: 38, end: 78 });
  });

  it('pans within the run and never past its ends', () => {
    expect(panBy({ start: 40, end: 60 }, 15, run)).toEqual({ start: 55, end: 75 });
    expect(panBy({ start: 40, end: 60 }, 70, run)).toEqual({ start: 80, end: 100 });
    expect(clampRange({ start: -30, end: 500 }, run)).toEqual({ start: 0, end: 100 });
  });

  it('puts ticks at round steps: 0–100 s in 6 → every 20 s', () => {
    expect(timeTicks(run, 6)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(timeTicks({ start: 12.3, end: 13.1 }, 4)).toEqual([12.4, 12.6, 12.8, 13]);
  });

  it('gathers intervals narrower than a pixel into pixel-wide bars of the state that takes most of their time', () => {
    // 1 px per second: a 10 s bar, then 0.1 s slivers for 2 s (first second mostly "b", second
    // mostly "c"), then a 5 s bar.
    const slivers = Array.from({ length: 20 }, (_, k) => ({ start: 10 + k * 0.1, end: 10.1 + k * 0.1, state: k < 10 ? (k < 7 ? 'b' : 'c') : k < 13 ? 'b' : 'c' }));
    const intervals = [{ start: 0, end: 10, state: 'a' }, ...slivers, { start: 12, end: 17, state: 'd' }];
    const bars = ganttBars(intervals, run, 100, 1);
    expect(bars.map((b) => [b.state, b.count])).toEqual([['a', 1], ['b', 10], ['c', 10], ['d', 1]]);
    expect(bars[1]!.x).toBeCloseTo(110, 9);
    expect(bars[2]!.x).toBeCloseTo(111, 9);
    expect(bars[3]).toMatchObject({ x: 112, width: 5 });
  });

  it('colours a long run of slivers by the state that takes most of each pixel, whichever it is', () => {
    // An hour at 0.2 px per second: 1 s moving, 4 s blocked, over and over. Most pixels are blocked.
    const many = Array.from({ length: 720 }, (_, k) => [
      { start: k * 5, end: k * 5 + 1, state: 'moving' },
      { start: k * 5 + 1, end: k * 5 + 5, state: 'blocked' },
    ]).flat();
    const bars = ganttBars(many, { start: 0, end: 3600 }, 0, 0.2);
    expect(new Set(bars.map((b) => b.state))).toEqual(new Set(['blocked']));
    const mixed = Array.from({ length: 720 }, (_, k) => [
      { start: k * 5, end: k * 5 + 4, state: 'moving' },
      { start: k * 5 + 4, end: k * 5 + 5, state: 'blocked' },
    ]).flat();
    expect(ganttBars(mixed, { start: 0, end: 3600 }, 0, 0.2).every((b) => b.state === 'moving')).toBe(true);
  });

  it('cuts long names in the middle so that the ends that tell rows apart stay', () => {
    expect(middleEllipsis('Blank infeed (loaded) source', 20)).toBe('Blank infee…) source');
    expect(middleEllipsis('Blank infeed (loaded) source', 20)).toHaveLength(20);
    expect(middleEllipsis('Blank infeed (loaded)', 30)).toBe('Blank infeed (loaded)');
  });
});

describe('the density gauge scale', () => {
  it('rounds up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([niceCeil(341), niceCeil(1100), niceCeil(2200), niceCeil(5000)]).toEqual([500, 2000, 2500, 5000]);
  });

  it('fits a plant figure of 342 on 0–1,000 with the target inside, not pinned at the end', () => {
    const s = gaugeScale(342, refs, 500);
    expect(s.kind).toBe('linear');
    expect(s.max).toBe(1000);
    expect(s.at(342)).toBeCloseTo(0.342, 9);
    expect(s.ticks).toEqual([0, 250, 500, 750, 1000]);
  });

  it('turns logarithmic for a cell’s 10,000 so that the references stay apart, and the bar is not full', () => {
    const s = gaugeScale(10_000, refs, 500);
    expect(s.kind).toBe('log');
    expect([s.min, s.max]).toEqual([100, 100_000]);
    expect(s.at(10_000)).toBeCloseTo(2 / 3, 9);
    expect(s.at(500) - s.at(162)).toBeGreaterThan(0.1);
  });
});

describe('the Gantt over the whole run', () => {
  it('knows a list that does not reach back to 0 s is only the newest part', () => {
    expect(isTruncated([{ resource: 'r', kind: 'robot', state: 'idle', start: 0, end: 5 }])).toBe(false);
    expect(isTruncated([{ resource: 'r', kind: 'robot', state: 'idle', start: 812.5, end: 815 }])).toBe(true);
    expect(isTruncated([])).toBe(false);
  });

  it('turns the timeline file’s intervals back into the chart’s, kinds taken from what the page knows', () => {
    const kinds = resourceKinds([{ resource: 'conveyor-1/source', kind: 'source', state: 'supplying', start: 900, end: 906 }], null);
    const out = timelineIntervals(
      [
        { resource: 'conveyor-1/source', state: 'supplying', start: 0, end: 6, step: null, label: null },
        { resource: 'robot-1', state: 'processing', start: 1, end: 3, step: 'programs[0].steps[4]', label: 'weld seam 1' },
      ],
      kinds,
    );
    expect(out).toEqual([
      { resource: 'conveyor-1/source', kind: 'source', state: 'supplying', start: 0, end: 6 },
      { resource: 'robot-1', kind: 'robot', state: 'processing', start: 1, end: 3, label: 'weld seam 1', step: 'programs[0].steps[4]' },
    ]);
  });
});
