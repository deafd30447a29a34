/**
 * The variants of a sweep: each factor's levels, the design that combines them (full factorial,
 * or a Latin hypercube of N samples), and each variant's cell — the base cell with the factors'
 * values written at their JSON Pointers, checked like any cell file.
 *
 * A variant's id is a fingerprint of its factor values, not its position, so a run's key
 * (`<variant id>-s<seed>`) stays the same when the sweep is re-run, resumed or queued again:
 * that is what makes resuming and the queue's job keys idempotent.
 */
import type { Cell } from '../model/cell';
import { validateCell, formatProblem } from '../model/validate';
import { Rng } from '../sim/rng';
import { StateHasher } from '../sim/state-hash';
import { PointerError, getPointer, setPointer } from './json-pointer';
import type { FactorSpec, SweepFile } from './sweep-schema';

/** A problem with a sweep that is only found by looking at the cell: a path into the sweep file and what is wrong. */
export class SweepError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SweepError';
  }
}

/** One variant: its position in the design, its id and the value of each factor (by factor name). */
export interface Variant {
  index: number;
  id: string;
  values: Record<string, unknown>;
}

/** A run of the sweep: a variant and a seed, with the key that identifies it everywhere. */
export interface SweepRun {
  key: string;
  variant: Variant;
  seed: number;
}

/** A factor's name: its own, else its path. */
export const factorName = (f: FactorSpec): string => f.name ?? f.path;

/** Levels evenly spaced from `from` to `to` (inclusive), rounded to 1e-9 so they print cleanly. */
export function rangeLevels(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => Math.round((from + ((to - from) * i) / (steps - 1)) * 1e9) / 1e9);
}

/**
 * A Latin hypercube of `n` points in [0, 1)^k: in each dimension the n strata [j/n, (j+1)/n) hold
 * exactly one point each, in a random order, at a random place inside the stratum.
 */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let d = 0; d < k; d++) {
    const strata = Array.from({ length: n }, (_, j) => j);
    for (let j = n - 1; j > 0; j--) {
      const r = Math.floor(rng.next() * (j + 1));
      [strata[j], strata[r]] = [strata[r]!, strata[j]!];
    }
    for (let i = 0; i < n; i++) points[i]![d] = (strata[i]! + rng.next()) / n;
  }
  return points;
}

/** The fingerprint id of a variant's values (8 hex digits). */
export function variantId(values: Record<string, unknown>): string {
  return new StateHasher().addString(JSON.stringify(values)).digest();
}

/** The variants the sweep's design asks for, in order. Throws SweepError naming the factor at fault. */
export function designVariants(sweep: SweepFile): Variant[] {
  const names = sweep.factors.map(factorName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new SweepError(`factors[${names.lastIndexOf(dup)}].name`, `two factors are called "${dup}"`);
  const design = sweep.design ?? 'full-factorial';
  const rows: unknown[][] = [];
  if (design === 'full-factorial') {
    const levels = sweep.factors.map((f, i) => {
      if (f.values) return f.values as unknown[];
      const r = f.range!;
      if (r.steps === undefined) throw new SweepError(`factors[${i}].range.steps`, 'a full factorial needs the number of levels of a range ("steps")');
      return rangeLevels(r.from, r.to, r.steps);
    });
    const total = levels.reduce((n, l) => n * l.length, 1);
    if (total > 100_000) throw new SweepError('factors', `the full factorial has ${total} variants, more than 100,000; use a Latin hypercube`);
    // The first factor varies slowest, like nested loops written in the file's order.
    for (let v = 0; v < total; v++) {
      let rest = v;
      const row = new Array<unknown>(levels.length);
      for (let f = levels.length - 1; f >= 0; f--) {
        const l = levels[f]!;
        row[f] = l[rest % l.length];
        rest = Math.floor(rest / l.length);
      }
      rows.push(row);
    }
  } else {
    const unit = latinHypercube(design.samples, sweep.factors.length, new Rng(sweep.seed ?? 1));
    for (const point of unit) {
      rows.push(
        sweep.factors.map((f, d) => {
          const u = point[d]!;
          if (f.values) return f.values[Math.min(f.values.length - 1, Math.floor(u * f.values.length))];
          const r = f.range!;
          return Math.round((r.from + (r.to - r.from) * u) * 1e9) / 1e9;
        }),
      );
    }
  }
  const taken = new Set<string>();
  return rows.map((row, index) => {
    const values: Record<string, unknown> = {};
    names.forEach((n, f) => (values[n] = row[f]));
    // A Latin hypercube over lists can draw the same combination twice: each still gets its own id.
    let id = variantId(values);
    if (taken.has(id)) id = `${id}-${index + 1}`;
    taken.add(id);
    return { index, id, values };
  });
}

/** Every run of the sweep: each variant with seeds seed … seed + replications − 1. */
export function sweepRuns(sweep: SweepFile, variants: readonly Variant[]): SweepRun[] {
  const first = sweep.seed ?? 1;
  const n = sweep.replications ?? 1;
  return variants.flatMap((variant) => Array.from({ length: n }, (_, r) => ({ key: `${variant.id}-s${first + r}`, variant, seed: first + r })));
}

/**
 * The checked cell of `variant`: a copy of `base` with each factor's value written at its path.
 * Throws SweepError naming the factor when a path does not resolve or the result is not a valid cell.
 */
export function variantCell(base: Cell, sweep: SweepFile, variant: Variant): Cell {
  const doc = structuredClone(base) as unknown;
  sweep.factors.forEach((f, i) => {
    try {
      getPointer(doc, f.path);
      setPointer(doc, f.path, structuredClone(variant.values[factorName(f)]));
    } catch (e) {
      if (e instanceof PointerError) throw new SweepError(`factors[${i}].path`, e.message);
      throw e;
    }
  });
  const checked = validateCell(doc);
  if (!checked.ok) {
    const where = sweep.factors.map((f) => `${factorName(f)} = ${JSON.stringify(variant.values[factorName(f)])}`).join(', ');
    throw new SweepError(`factors`, `variant ${variant.index + 1} (${where}) is not a valid cell: ${checked.problems.map(formatProblem).join('; ')}`);
  }
  return checked.cell;
}
