import { useMemo } from 'react';
import { mainEffects } from '../../experiments/main-effects';
import type { RunRow } from '../../experiments/results';
import { clip, formatFigure, formatLevel, formatTick, linear, niceTicks } from './chart-scale';

const W = 200;
const H = 156;
const PAD = { left: 44, right: 18, top: 26, bottom: 30 };

/**
 * One small chart per factor: the mean of `kpi` at each of its levels (the other factors and the
 * seeds averaged out) with its 95 % confidence bar, the grand mean dashed. All charts share one
 * vertical scale, so the steepest line is the factor that matters most.
 */
export function MainEffectsPlot({ rows, factorNames, units, kpi }: { rows: RunRow[]; factorNames: string[]; units: Record<string, string>; kpi: string }) {
  const effects = useMemo(() => mainEffects(rows, factorNames, kpi), [rows, factorNames, kpi]);
  const ends = effects.flatMap((e) => e.levels.flatMap((l) => (l.mean === null ? [] : [l.mean - (l.halfWidth ?? 0), l.mean + (l.halfWidth ?? 0)])));
  if (ends.length === 0) return <p className="hint">No run measured {kpi} yet.</p>;
  const ticks = niceTicks(Math.min(...ends), Math.max(...ends), 4);
  const y = linear(ticks[0]!, ticks[ticks.length - 1]!, H - PAD.bottom, PAD.top);
  return (
    <div className="main-effects" role="group" aria-label={`Main effects on ${kpi}`}>
      {effects.map((e) => {
        const n = e.levels.length;
        const x = (i: number) => PAD.left + (n === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (n - 1));
        const pts = e.levels.flatMap((l, i) => (l.mean === null ? [] : [`${x(i)},${y(l.mean)}`]));
        return (
          <svg key={e.factor} className="effect-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${e.factor}: ${e.levels.map((l) => `${formatLevel(l.level, units[e.factor])} → ${formatFigure(l.mean)}`).join(', ')}`}>
            <text x={6} y={12} className="chart-title">
              <title>{e.factor}</title>
              {clip(`${e.factor}${units[e.factor] ? ` (${units[e.factor]})` : ''}`, 34)}
            </text>
            {ticks.map((t) => (
              <g key={t}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
                <text x={PAD.left - 4} y={y(t) + 3} className="tick" textAnchor="end">
                  {formatTick(t, ticks)}
                </text>
              </g>
            ))}
            {e.grandMean !== null && <line x1={PAD.left} x2={W - PAD.right} y1={y(e.grandMean)} y2={y(e.grandMean)} className="grand-mean" />}
            <polyline points={pts.join(' ')} className="effect-line" />
            {e.levels.map((l, i) =>
              l.mean === null ? null : (
                <g key={i}>
                  {l.halfWidth !== null && (
                    <g className="ci">
                      <line x1={x(i)} x2={x(i)} y1={y(l.mean - l.halfWidth)} y2={y(l.mean + l.halfWidth)} />
                      <line x1={x(i) - 4} x2={x(i) + 4} y1={y(l.mean - l.halfWidth)} y2={y(l.mean - l.halfWidth)} />
                      <line x1={x(i) - 4} x2={x(i) + 4} y1={y(l.mean + l.halfWidth)} y2={y(l.mean + l.halfWidth)} />
                    </g>
                  )}
                  <circle cx={x(i)} cy={y(l.mean)} r={3.5} className="effect-point">
                    <title>{`${e.factor} = ${formatLevel(l.level, units[e.factor])}: ${kpi} ${formatFigure(l.mean)}${l.halfWidth !== null ? ` ± ${formatFigure(l.halfWidth)}` : ''} (${l.n} runs)`}</title>
                  </circle>
                  <text x={x(i)} y={H - PAD.bottom + 13} className="tick" textAnchor="middle">
                    {clip(formatLevel(l.level, units[e.factor]), 12)}
                  </text>
                </g>
              ),
            )}
          </svg>
        );
      })}
    </div>
  );
}
