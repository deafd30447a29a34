/**
 * The Experiment panel's arithmetic, against numbers worked out by hand: main effects (the mean
 * of a KPI at each level of a factor, with the 95 % half-width t₀.₉₇₅,ₙ₋₁ · s / √n) and the
 * Pareto front of throughput against floor area.
 */
import { describe, expect, it } from 'vitest';
import { mainEffect, mainEffects } from '../../src/experiments/main-effects';
import { dominates, paretoFront } from '../../src/experiments/pareto';
import type { RunRow } from '../../src/experiments/results';
import { formatTick, niceTicks } from '../../src/ui/experiment/chart-scale';

/** A run row with factors A and B and one figure y. */
const row = (variant: number, seed: number, A: unknown, B: number, y: number | null): RunRow => ({
  key: `v${variant}-s${seed}`,
  variant,
  variantId: `v${variant}`,
  seed,
  factors: { A, B },
  kpis: { y },
});

// A 2 × 2 design, one seed each: y = 3, 5, 7, 11.
const rows = [row(1, 1, 1, 10, 3), row(2, 1, 1, 20, 5), row(3, 1, 2, 10, 7), row(4, 1, 2, 20, 11)];
/** t₀.₉₇₅ with one degree of freedom has the closed form tan(π(0.975 − ½)). */
const t1 = Math.tan(Math.PI * 0.475);

describe('main effects', () => {
  it('average the KPI over the runs at each level of a factor, the other factor averaged out', () => {
    const a = mainEffect(rows, 'A', 'y');
    expect(a.levels.map((l) => l.level)).toEqual([1, 2]);
    expect(a.levels.map((l) => l.mean)).toEqual([4, 9]);
    expect(a.levels.map((l) => l.n)).toEqual([2, 2]);
    expect(a.grandMean).toBe(6.5);
    expect(a.range).toBe(5);
  });

  it('give each level mean its 95 % half-width from the spread of its runs', () => {
    // Level A = 1: 3 and 5, s = √2, so t·s/√2 = t; level A = 2: 7 and 11, s = 2√2, so 2t.
    const a = mainEffect(rows, 'A', 'y');
    expect(a.levels[0]!.halfWidth).toBeCloseTo(t1, 9);
    expect(a.levels[1]!.halfWidth).toBeCloseTo(2 * t1, 9);
    // Level B = 10: 3 and 7 (s = 2√2); B = 20: 5 and 11 (s = 3√2).
    const [, b] = mainEffects(rows, ['A', 'B'], 'y');
    expect(b!.levels.map((l) => l.mean)).toEqual([5, 8]);
    expect(b!.levels[0]!.halfWidth).toBeCloseTo(2 * t1, 9);
    expect(b!.levels[1]!.halfWidth).toBeCloseTo(3 * t1, 9);
  });

  it('sort numeric levels ascending and keep other levels in the order they first appear', () => {
    const shuffled = [rows[3]!, rows[0]!, rows[2]!, rows[1]!];
    expect(mainEffect(shuffled, 'A', 'y').levels.map((l) => l.level)).toEqual([1, 2]);
    const named = [row(1, 1, 'kr6', 10, 1), row(2, 1, 'ur5e', 10, 2), row(3, 1, 'kr6', 20, 3)];
    const e = mainEffect(named, 'A', 'y');
    expect(e.levels.map((l) => l.level)).toEqual(['kr6', 'ur5e']);
    expect(e.levels.map((l) => l.mean)).toEqual([2, 2]);
    expect(e.levels[1]!.halfWidth).toBeNull(); // one run: no spread to measure
  });

  it('leave out runs that did not measure the KPI', () => {
    const withGap = [...rows, row(5, 1, 1, 30, null)];
    const a = mainEffect(withGap, 'A', 'y');
    expect(a.levels[0]!.n).toBe(2);
    expect(a.levels[0]!.mean).toBe(4);
  });
});

describe('the Pareto front of throughput against floor', () => {
  const points = [
    { id: 'a', x: 10, y: 100 },
    { id: 'b', x: 12, y: 100 }, // a has the same UPH on less floor
    { id: 'c', x: 15, y: 150 },
    { id: 'd', x: 15, y: 140 }, // c has more UPH on the same floor
    { id: 'e', x: 8, y: 50 },
    { id: 'f', x: null, y: 200 }, // not measured: never on the front
    { id: 'g', x: 20, y: 120 }, // c beats it in both
  ];

  it('keeps exactly the variants no other variant beats in both aims, by floor ascending', () => {
    expect(paretoFront(points)).toEqual(['e', 'a', 'c']);
  });

  it('counts a variant as beaten only when another is no worse in both and better in one', () => {
    expect(dominates({ x: 10, y: 100 }, { x: 12, y: 100 })).toBe(true);
    expect(dominates({ x: 10, y: 100 }, { x: 10, y: 100 })).toBe(false);
    expect(dominates({ x: 8, y: 50 }, { x: 10, y: 100 })).toBe(false);
  });

  it('keeps both of two variants that tie exactly', () => {
    expect(paretoFront([{ id: 'p', x: 5, y: 5 }, { id: 'q', x: 5, y: 5 }, { id: 'r', x: 6, y: 5 }])).toEqual(['p', 'q']);
  });
});

describe('the charts’ axes', () => {
  it('put round ticks 1, 2 or 5 × 10ⁿ apart over the data', () => {
    // (556.9 − 443.2) / 4 = 28.4 per tick → 50 apart.
    expect(niceTicks(443.2, 556.9, 4)).toEqual([400, 450, 500, 550, 600]);
    expect(niceTicks(12.25, 13.75, 4)).toEqual([12, 12.5, 13, 13.5, 14]);
    // One value: a band of ±5 % around it, so a flat line still has an axis.
    expect(niceTicks(100, 100, 4)).toEqual([95, 100, 105]);
  });

  it('print ticks with the decimals their spacing needs', () => {
    expect([12, 12.5, 13].map((t, _, all) => formatTick(t, all))).toEqual(['12.0', '12.5', '13.0']);
    expect([440, 460].map((t, _, all) => formatTick(t, all))).toEqual(['440', '460']);
    expect([0.02, 0.04].map((t, _, all) => formatTick(t, all))).toEqual(['0.02', '0.04']);
  });
});
