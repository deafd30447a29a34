/**
 * The Experiment panel's form as plain data — factors with their levels in display units (mm,
 * mm/s, °, s), replications, seed, duration, warm-up, KPIs — and the functions over it: adding a
 * field to vary, editing, counting variants, and turning the form into a sweep file (SI inside,
 * the cell on screen as its base) that goes through the very schema `celltwin sweep` reads.
 */
import type { Cell } from '../../model/cell';
import type { Problem } from '../../model/validate';
import { validateSweep, type SweepFile } from '../../experiments/sweep-schema';
import { factorName, rangeLevels } from '../../experiments/variants';
import { roundForDisplay } from '../units';
import { unitForPointer, unitOf } from './field-pointer';

/** One factor of the form. Numbers are in the factor's display unit. */
export interface FactorDraft {
  /** Stable key within the form (for React lists). */
  key: number;
  pointer: string;
  label: string;
  /** Display unit label (`mm`, `mm/s`, `°`, `s`, or `` for plain numbers). */
  unit: string;
  mode: 'list' | 'range';
  /** The levels as typed: numbers separated by commas or spaces. */
  list: string;
  from: number;
  to: number;
  steps: number;
  /** Levels that are not numbers (a pose, a model id) from a sweep file: kept, shown, not edited. */
  fixed?: unknown[];
}

/** The whole form. */
export interface ExperimentDraft {
  name: string;
  factors: FactorDraft[];
  design: 'full-factorial' | 'latin-hypercube';
  /** Latin hypercube samples. */
  samples: number;
  replications: number;
  seed: number;
  /** Simulated seconds per run. */
  duration: number;
  warmupCycles: number;
  /** KPI names or `prefix*` groups to collect. */
  kpis: string[];
}

/** KPIs collected unless the user changes them: enough for the table, the main effects and the Pareto plot. */
export const DEFAULT_KPIS = ['throughputUph', 'cellCycleTime', 'partsFinished', 'footprintM2', 'robot.*'];

/** A fresh form: 3 seeds of 10 minutes each, two cycles of warm-up. */
export function emptyDraft(): ExperimentDraft {
  return { name: 'Experiment', factors: [], design: 'full-factorial', samples: 10, replications: 3, seed: 1, duration: 600, warmupCycles: 2, kpis: [...DEFAULT_KPIS] };
}

/** SI from display units, cut to 12 significant digits so 250 mm is 0.25 m, not 0.25000000000000006. */
const toSI = (unit: string, v: number): number => Number(unitOf(unit).toSI(v).toPrecision(12));
const toDisplay = (unit: string, v: number): number => roundForDisplay(unitOf(unit).fromSI(v), 6);

let nextKey = 1;

/** Makes new factors' keys start above `max` (a form read back from storage holds keys up to it). */
export function reserveFactorKeys(max: number): void {
  nextKey = Math.max(nextKey, Math.floor(max) + 1);
}

/** What the inspector knows about a field when the user asks to vary it. */
export interface VariedField {
  pointer: string;
  label: string;
  /** The field's value in SI. */
  value: number;
  unit: string;
}

/** A factor for `field`: a range from 80 % to 120 % of its value in three levels (a single level at 0). */
export function factorFromField(field: VariedField): FactorDraft {
  const shown = toDisplay(field.unit, field.value);
  const base = { key: nextKey++, pointer: field.pointer, label: field.label, unit: field.unit, from: shown, to: shown, steps: 3 };
  if (shown === 0) return { ...base, mode: 'list', list: '0' };
  const [lo, hi] = [roundForDisplay(shown * 0.8, 3), roundForDisplay(shown * 1.2, 3)].sort((a, b) => a - b) as [number, number];
  return { ...base, mode: 'range', list: [lo, shown, hi].join(', '), from: lo, to: hi };
}

/** The form with `factor` added; a pointer already varied is not added twice; labels are made unique. */
export function addFactor(draft: ExperimentDraft, factor: FactorDraft): ExperimentDraft {
  if (draft.factors.some((f) => f.pointer === factor.pointer)) return draft;
  const taken = new Set(draft.factors.map((f) => f.label));
  let label = factor.label;
  for (let n = 2; taken.has(label); n++) label = `${factor.label} (${n})`;
  return { ...draft, factors: [...draft.factors, { ...factor, label }] };
}

/** The form without the factor `key`. */
export const removeFactor = (draft: ExperimentDraft, key: number): ExperimentDraft => ({ ...draft, factors: draft.factors.filter((f) => f.key !== key) });

/** The form with factor `key` changed. */
export const updateFactor = (draft: ExperimentDraft, key: number, patch: Partial<Omit<FactorDraft, 'key'>>): ExperimentDraft => ({
  ...draft,
  factors: draft.factors.map((f) => (f.key === key ? { ...f, ...patch } : f)),
});

/** The numbers typed in a list field, or the first thing that is not a number. */
export function parseList(text: string): { ok: true; values: number[] } | { ok: false; bad: string } {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const values: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isFinite(v)) return { ok: false, bad: p };
    values.push(v);
  }
  return { ok: true, values };
}

/** The levels a factor gives in a full factorial, in display units (null when the form is not valid yet). */
export function factorLevels(f: FactorDraft): unknown[] | null {
  if (f.fixed) return f.fixed;
  if (f.mode === 'range') return Number.isInteger(f.steps) && f.steps >= 2 && Number.isFinite(f.from) && Number.isFinite(f.to) ? rangeLevels(f.from, f.to, f.steps) : null;
  const p = parseList(f.list);
  return p.ok && p.values.length > 0 ? p.values : null;
}

/** Variants the form asks for (null while a factor's levels are not valid). */
export function variantCount(draft: ExperimentDraft): number | null {
  if (draft.factors.length === 0) return 0;
  if (draft.design === 'latin-hypercube') return draft.samples;
  let n = 1;
  for (const f of draft.factors) {
    const l = factorLevels(f);
    if (!l) return null;
    n *= l.length;
  }
  return n;
}

/**
 * The sweep file of the form, on `base` (the cell on screen, inline), checked by the sweep
 * schema. Problems name the factor by its position, as in a sweep file.
 */
export function draftToSweep(draft: ExperimentDraft, base: Cell): { ok: true; sweep: SweepFile } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const factors = draft.factors.map((f, i) => {
    const common = { name: f.label, path: f.pointer };
    if (f.fixed) return { ...common, values: f.fixed };
    if (f.mode === 'range' && draft.design === 'latin-hypercube') return { ...common, range: { from: toSI(f.unit, f.from), to: toSI(f.unit, f.to) } };
    if (f.mode === 'range') return { ...common, range: { from: toSI(f.unit, f.from), to: toSI(f.unit, f.to), steps: f.steps } };
    const p = parseList(f.list);
    if (!p.ok) problems.push({ path: `factors[${i}].values`, message: `${f.label}: "${p.bad}" is not a number` });
    return { ...common, values: p.ok ? p.values.map((v) => toSI(f.unit, v)) : [] };
  });
  if (problems.length > 0) return { ok: false, problems };
  return validateSweep({
    version: 1,
    name: draft.name,
    base,
    factors,
    ...(draft.design === 'latin-hypercube' ? { design: { type: 'latin-hypercube', samples: draft.samples } } : {}),
    replications: draft.replications,
    seed: draft.seed,
    duration: draft.duration,
    warmupCycles: draft.warmupCycles,
    kpis: draft.kpis,
  });
}

/**
 * The form of a sweep file read from disk: numeric levels shown in the unit the inspector would
 * use for that field, other levels kept as they are. Its base is not used (the page runs on the
 * cell on screen).
 */
export function draftFromSweep(sweep: SweepFile): ExperimentDraft {
  const factors = sweep.factors.map((f): FactorDraft => {
    const unit = unitForPointer(f.path).label;
    const base = { key: nextKey++, pointer: f.path, label: factorName(f), unit, from: 0, to: 0, steps: 2 };
    if (f.range) return { ...base, mode: 'range', list: '', from: toDisplay(unit, f.range.from), to: toDisplay(unit, f.range.to), steps: f.range.steps ?? 3 };
    const values = f.values ?? [];
    if (values.every((v) => typeof v === 'number')) return { ...base, mode: 'list', list: (values as number[]).map((v) => toDisplay(unit, v)).join(', ') };
    return { ...base, mode: 'list', list: '', fixed: values };
  });
  const d = sweep.design;
  return {
    name: sweep.name ?? 'Experiment',
    factors,
    design: d === undefined || d === 'full-factorial' ? 'full-factorial' : 'latin-hypercube',
    samples: d !== undefined && d !== 'full-factorial' ? d.samples : 10,
    replications: sweep.replications ?? 1,
    seed: sweep.seed ?? 1,
    duration: sweep.duration,
    warmupCycles: sweep.warmupCycles ?? 2,
    kpis: sweep.kpis ?? [],
  };
}
