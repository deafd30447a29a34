import { describe, expect, it } from 'vitest';
import { clockText, estimateSecondsLeft } from '../../src/ui/analysis-estimate';

describe('the analysis time-left estimate', () => {
  it('says nothing during the first second of wall time', () => {
    expect(estimateSecondsLeft({ from: 0, until: 600, time: 25, wallElapsed: 0.8 })).toBeNull();
  });

  it('uses the average rate since the start: 300 s of 600 s in 9 s leaves 9 s', () => {
    expect(estimateSecondsLeft({ from: 0, until: 600, time: 300, wallElapsed: 9 })).toBeCloseTo(9, 12);
  });

  it('counts from where the analysis began, not from t = 0: 60 s done of 3600 s from t = 120 in 2 s', () => {
    // Rate 30 simulated s per wall s; 3720 − 180 = 3540 s to go → 118 s.
    expect(estimateSecondsLeft({ from: 120, until: 3720, time: 180, wallElapsed: 2 })).toBeCloseTo(118, 12);
  });

  it('has no estimate before any progress, and zero left at the end', () => {
    expect(estimateSecondsLeft({ from: 0, until: 600, time: 0, wallElapsed: 3 })).toBeNull();
    expect(estimateSecondsLeft({ from: 0, until: 600, time: 600, wallElapsed: 18 })).toBe(0);
  });
});

describe('the clock text of "Analysis stopped at"', () => {
  it('reads like the top bar clock, not rounded to minutes', () => {
    expect(clockText(695.24)).toBe('11:35.2'); // was "12 min"
    expect(clockText(5.06)).toBe('0:05.1');
    expect(clockText(59.96)).toBe('1:00.0');
    expect(clockText(3 * 3600 + 62.5)).toBe('3:01:02.5');
  });
});
