/**
 * Main effects of a sweep: for one factor and one KPI, the mean of the KPI over every run at each
 * of the factor's levels (the other factors and the seeds averaged out), with the 95 % half-width
 * of that mean (Student t over those runs, stats.ts). A level's spread therefore includes the
 * other factors' effects as well as the seeds' noise: a wide bar says "this factor alone does
 * not settle the figure", which is what a planner reading the plot needs to know.
 */
import type { RunRow } from './results';
import { estimate } from './stats';

/** One level of a factor and the KPI's mean there. */
export interface EffectLevel {
  /** The factor's value (as in the sweep: SI numbers, or any JSON). */
  level: unknown;
  /** Runs at this level that measured the KPI. */
  n: number;
  mean: number | null;
  halfWidth: number | null;
}

/** The main effect of one factor on one KPI. */
export interface MainEffect {
  factor: string;
  kpi: string;
  levels: EffectLevel[];
  /** The KPI's mean over all runs (the plot's reference line). */
  grandMean: number | null;
  /** Largest minus smallest level mean: the size of the effect (null with fewer than two means). */
  range: number | null;
}

const keyOf = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

/**
 * The main effect of `factor` on `kpi` over `rows` (run rows). Levels come in ascending order
 * when they are all numbers, else in the order they first appear (variant order).
 */
export function mainEffect(rows: readonly RunRow[], factor: string, kpi: string): MainEffect {
  const groups = new Map<string, { level: unknown; values: Array<number | null> }>();
  for (const r of rows) {
    const level = r.factors[factor];
    const k = keyOf(level);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { level, values: [] }));
    g.values.push(r.kpis[kpi] ?? null);
  }
  let list = [...groups.values()];
  if (list.every((g) => typeof g.level === 'number')) list = list.sort((a, b) => (a.level as number) - (b.level as number));
  const levels = list.map((g) => {
    const e = estimate(g.values);
    return { level: g.level, n: e.n, mean: e.mean, halfWidth: e.halfWidth };
  });
  const means = levels.flatMap((l) => (l.mean === null ? [] : [l.mean]));
  return {
    factor,
    kpi,
    levels,
    grandMean: estimate(rows.map((r) => r.kpis[kpi] ?? null)).mean,
    range: means.length < 2 ? null : Math.max(...means) - Math.min(...means),
  };
}

/** The main effects of every factor on `kpi`, in the factors' order. */
export function mainEffects(rows: readonly RunRow[], factors: readonly string[], kpi: string): MainEffect[] {
  return factors.map((f) => mainEffect(rows, f, kpi));
}
