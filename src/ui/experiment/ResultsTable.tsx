import { Fragment, useMemo } from 'react';
import { kpiNames, summarize, type RunRow } from '../../experiments/results';
import { formatFigure, formatLevel } from './chart-scale';

/**
 * The results as `celltwin sweep` writes them — variant, variant id, seed, key, one column per
 * factor (in the unit the inspector shows), one per KPI — with each variant's summary (mean ±
 * 95 % half-width over its seeds, n) above its runs. Clicking a variant's number opens it.
 */
export function ResultsTable({ rows, factorNames, units, onOpen }: { rows: RunRow[]; factorNames: string[]; units: Record<string, string>; onOpen(variantId: string): void }) {
  const names = useMemo(() => kpiNames(rows), [rows]);
  const summaries = useMemo(() => summarize(rows), [rows]);
  return (
    <div className="exp-table-wrap">
      <table className="exp-table" aria-label="Experiment results">
        <thead>
          <tr>
            <th>kind</th>
            <th>variant</th>
            <th>variant_id</th>
            <th>seed</th>
            <th>key</th>
            {factorNames.map((f) => (
              <th key={f} className="factor-col">
                {f}
                {units[f] ? ` (${units[f]})` : ''}
              </th>
            ))}
            {names.map((k) => (
              <th key={k}>{k}</th>
            ))}
            <th>n</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <Fragment key={s.variantId}>
              <tr className="summary" data-variant={s.variant}>
                <td>summary</td>
                <td>
                  <button className="link" onClick={() => onOpen(s.variantId)} title="Open this variant as the cell (one undo step back)">
                    {s.variant}
                  </button>
                </td>
                <td>{s.variantId}</td>
                <td />
                <td />
                {factorNames.map((f) => (
                  <td key={f}>{formatLevel(s.factors[f], units[f])}</td>
                ))}
                {names.map((k) => (
                  <td key={k}>
                    {formatFigure(s.mean[k])}
                    {s.halfWidth[k] !== null && s.halfWidth[k] !== undefined && <small> ± {formatFigure(s.halfWidth[k])}</small>}
                  </td>
                ))}
                <td>{s.n}</td>
              </tr>
              {rows
                .filter((r) => r.variant === s.variant)
                .map((r) => (
                  <tr key={r.key} className="run" data-key={r.key}>
                    <td>run</td>
                    <td>{r.variant}</td>
                    <td>{r.variantId}</td>
                    <td>{r.seed}</td>
                    <td>{r.key}</td>
                    {factorNames.map((f) => (
                      <td key={f} />
                    ))}
                    {names.map((k) => (
                      <td key={k}>{formatFigure(r.kpis[k])}</td>
                    ))}
                    <td />
                  </tr>
                ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
