/**
 * A sweep's results: one row per run (variant × seed) and one summary row per variant (each
 * figure's mean and 95 % half-width over its seeds), as CSV or JSON — and read back from such a
 * file, so that re-running a sweep skips the runs it already has.
 *
 * Rows are ordered by variant, then seed, whatever order the runs finished in; numbers are the
 * KPIs as rounded by the run (1e-6) and printed in JavaScript's shortest round-trip form, so the
 * same sweep gives byte-identical files from the local pool and from queue workers.
 *
 * CSV columns: `kind` (run | summary), `variant` (1-based), `variant_id`, `seed` (empty on a
 * summary), `key`, one column per factor (numbers as numbers, anything else as JSON), one per
 * KPI figure (a summary's mean), then `<figure> ±95%` (a summary's half-width; empty on runs)
 * and `n` (seeds behind a summary).
 */
import type { KpiRecord } from './kpi-fields';
import { estimate } from './stats';
import type { SweepRun } from './variants';

/** The result of one run, as stored. */
export interface RunRow {
  key: string;
  variant: number;
  variantId: string;
  seed: number;
  factors: Record<string, unknown>;
  kpis: KpiRecord;
}

/** A variant's summary over its seeds. */
export interface SummaryRow {
  variant: number;
  variantId: string;
  factors: Record<string, unknown>;
  n: number;
  mean: KpiRecord;
  halfWidth: KpiRecord;
}

/** The row of `run` with its KPI figures. */
export function runRow(run: SweepRun, kpis: KpiRecord): RunRow {
  return { key: run.key, variant: run.variant.index + 1, variantId: run.variant.id, seed: run.seed, factors: run.variant.values, kpis };
}

/** Rows by variant, then seed. */
export function sortRows(rows: readonly RunRow[]): RunRow[] {
  return [...rows].sort((a, b) => a.variant - b.variant || a.seed - b.seed);
}

/** The KPI names of `rows`, in first-appearance order. */
export function kpiNames(rows: readonly RunRow[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const k of Object.keys(r.kpis)) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  return names;
}

const round6 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);

/** One summary per variant present in `rows` (sorted), over its seeds. */
export function summarize(rows: readonly RunRow[]): SummaryRow[] {
  const sorted = sortRows(rows);
  const names = kpiNames(sorted);
  const out: SummaryRow[] = [];
  for (const r of sorted) {
    if (out.length > 0 && out[out.length - 1]!.variant === r.variant) continue;
    const group = sorted.filter((x) => x.variant === r.variant);
    const mean: KpiRecord = {};
    const halfWidth: KpiRecord = {};
    for (const k of names) {
      const e = estimate(group.map((g) => g.kpis[k] ?? null));
      mean[k] = round6(e.mean);
      halfWidth[k] = round6(e.halfWidth);
    }
    out.push({ variant: r.variant, variantId: r.variantId, factors: r.factors, n: group.length, mean, halfWidth });
  }
  return out;
}

/** A CSV field (RFC 4180 quoting). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A factor's value in a CSV cell: numbers and strings as they are, anything else as JSON. */
const factorField = (v: unknown): string => field(typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));

/** The CSV text of the results (see the module comment); `factorNames` in the sweep's order. */
export function resultsCsv(rows: readonly RunRow[], factorNames: readonly string[]): string {
  const sorted = sortRows(rows);
  const names = kpiNames(sorted);
  const header = ['kind', 'variant', 'variant_id', 'seed', 'key', ...factorNames, ...names, ...names.map((k) => `${k} ±95%`), 'n'];
  const lines = [header.map(field).join(',')];
  const figures = (k: KpiRecord) => names.map((n) => field(k[n] ?? null));
  const blanks = names.map(() => '');
  for (const r of sorted) {
    lines.push(['run', field(r.variant), field(r.variantId), field(r.seed), field(r.key), ...factorNames.map((f) => factorField(r.factors[f])), ...figures(r.kpis), ...blanks, ''].join(','));
  }
  for (const s of summarize(sorted)) {
    lines.push(['summary', field(s.variant), field(s.variantId), '', '', ...factorNames.map((f) => factorField(s.factors[f])), ...figures(s.mean), ...figures(s.halfWidth), field(s.n)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON text of the results: the runs, then a summary per variant. */
export function resultsJson(rows: readonly RunRow[], meta: Record<string, unknown>): string {
  const sorted = sortRows(rows);
  return `${JSON.stringify({ ...meta, runs: sorted, summary: summarize(sorted) }, null, 2)}\n`;
}

/** Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, line breaks in quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cur);
      cur = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += c;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}

/**
 * The run rows of a results file written before (CSV or JSON, by `format`), to resume from.
 * Only the keys and KPI figures matter: factor values come from the sweep file again. Throws
 * Error with a plain message when the file is not a results file.
 */
export function readRunRows(text: string, format: 'csv' | 'json', runs: readonly SweepRun[]): RunRow[] {
  const byKey = new Map(runs.map((r) => [r.key, r]));
  const out: RunRow[] = [];
  if (format === 'json') {
    const doc = JSON.parse(text) as { runs?: Array<{ key?: unknown; kpis?: unknown }> };
    if (!Array.isArray(doc.runs)) throw new Error('no "runs" list: not a sweep results file');
    for (const r of doc.runs) {
      const run = typeof r.key === 'string' ? byKey.get(r.key) : undefined;
      if (run && typeof r.kpis === 'object' && r.kpis !== null) out.push(runRow(run, r.kpis as KpiRecord));
    }
    return out;
  }
  const [header, ...rows] = parseCsv(text);
  if (!header || header[0] !== 'kind' || !header.includes('key')) throw new Error('the first line is not the header of a sweep results file');
  const keyAt = header.indexOf('key');
  const kpiColumns = header.flatMap((h, i) => (i > keyAt && !h.endsWith(' ±95%') && h !== 'n' ? [[h, i] as const] : []));
  for (const cells of rows) {
    if (cells[0] !== 'run') continue;
    const run = byKey.get(cells[keyAt] ?? '');
    if (!run) continue;
    const factorNames = new Set(Object.keys(run.variant.values));
    const kpis: KpiRecord = {};
    for (const [name, i] of kpiColumns) {
      if (factorNames.has(name)) continue;
      const v = cells[i] ?? '';
      kpis[name] = v === '' ? null : Number(v);
    }
    out.push(runRow(run, kpis));
  }
  return out;
}
