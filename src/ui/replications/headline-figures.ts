/**
 * The figures of a replication summary as the page shows them: a readable label, the display
 * unit (shares as %, times in s, throughput in UPH) and "mean ± 95 % half-width" in that unit.
 * The summary's keys are the KPI record's (experiments/kpi-fields.ts); the footprint is left
 * out (it is the same in every run).
 */
import type { Estimate } from '../../experiments/stats';
import type { Cell } from '../../model';
import { KPI_DEFINITIONS } from '../dashboard/KpiCards';

/** One figure ready to show. */
export interface HeadlineFigure {
  /** The KPI record's name (`throughputUph`, `robot.robot-1.busy`). */
  key: string;
  label: string;
  unit: string;
  /** Mean and half-width in the display unit (null: not measured / fewer than 2 runs). */
  mean: number | null;
  halfWidth: number | null;
  /** Runs the figure was measured in. */
  n: number;
  /** `896.7 ± 3.2`; the mean alone when every run gave the same (or fewer than 2 ran); `—` when not measured. */
  text: string;
  /** What the figure means (a tooltip). */
  definition: string;
}

interface Shape {
  label: string;
  unit: string;
  scale: number;
  digits: number;
  definition: string;
}

const CELL_FIGURES: Record<string, Shape> = {
  throughputUph: { label: 'Throughput', unit: 'UPH', scale: 1, digits: 1, definition: KPI_DEFINITIONS.uph },
  cellCycleTime: { label: 'Cell cycle time', unit: 's', scale: 1, digits: 3, definition: KPI_DEFINITIONS.cellCycle },
  partsFinished: { label: 'Parts finished', unit: 'parts', scale: 1, digits: 1, definition: 'Parts that left the cell finished during the run (warm-up included).' },
  uphPerM2: { label: 'UPH per m²', unit: 'UPH/m²', scale: 1, digits: 1, definition: KPI_DEFINITIONS.floor },
  stalls: { label: 'Stalls', unit: 'stalls', scale: 1, digits: 1, definition: 'Robots that completed no loop for 3 mean cycles, or a deadlock.' },
  collisions: { label: 'Collisions', unit: 'collisions', scale: 1, digits: 1, definition: 'Collisions of robot links with anything, counted once each.' },
};

const SHARE = { unit: '%', scale: 100, digits: 1 };

/** The shape of a resource figure `kind.id.field`, named after the cell's item. */
function resourceShape(key: string, cell: Cell): Shape | null {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0 || last <= first) return null;
  const kind = key.slice(0, first);
  const id = key.slice(first + 1, last);
  const field = key.slice(last + 1);
  const itemId = kind === 'source' ? id.replace(/\/source$/, '') : id;
  const item = cell.items.find((i) => i.id === itemId);
  const name = `${item?.name || itemId}${kind === 'source' ? ' (source)' : ''}`;
  if (field === 'cycleTime') return { label: `${name} cycle time`, unit: 's', scale: 1, digits: 3, definition: KPI_DEFINITIONS.cycle };
  if (field === 'busy') return { label: `${name} busy`, ...SHARE, definition: KPI_DEFINITIONS.utilization };
  if (field === 'waiting') return { label: `${name} waiting`, ...SHARE, definition: 'Share of the run spent waiting: starved, blocked or held by an interlock.' };
  return null;
}

const fixed = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The figures of `summary` in its order, with labels and units for `cell` (see the module comment). */
export function headlineFigures(summary: Readonly<Record<string, Estimate>>, cell: Cell): HeadlineFigure[] {
  const out: HeadlineFigure[] = [];
  for (const [key, e] of Object.entries(summary)) {
    const shape = CELL_FIGURES[key] ?? resourceShape(key, cell);
    if (!shape) continue;
    const mean = e.mean === null ? null : e.mean * shape.scale;
    const halfWidth = e.halfWidth === null ? null : e.halfWidth * shape.scale;
    // The same in every run: a whole count reads as one ("0 collisions", not "0.0").
    const constant = halfWidth === null || halfWidth === 0;
    const digits = constant && mean !== null && Number.isInteger(mean) && shape.unit !== '%' ? 0 : shape.digits;
    const text = mean === null ? '—' : constant ? fixed(mean, digits) : `${fixed(mean, digits)} ± ${fixed(halfWidth, digits)}`;
    out.push({ key, label: shape.label, unit: shape.unit, mean, halfWidth, n: e.n, text, definition: shape.definition });
  }
  return out;
}
