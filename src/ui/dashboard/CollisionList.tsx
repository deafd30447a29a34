import type { Cell } from '../../model';
import { bodyOwner } from '../../sim/kpi/collision-steps';
import type { CellKpis } from '../../sim/kpi/compute';
import { stepSummary } from '../program/step-defaults';

/** Rows the list shows: the newest collisions first. */
const SHOWN = 20;

/** A body by its item's name: `robot-1/forearm_link` → `UR10e picker · forearm_link`, `fence-1` → `Safety fence`. */
export function bodyLabel(body: string, names: ReadonlyMap<string, string>): string {
  const owner = bodyOwner(body);
  const name = names.get(owner) ?? owner;
  return body === owner ? name : `${name} · ${body.slice(owner.length + 1)}`;
}

/** A step path in words: `programs[0].steps[2]` → `step 3 · MoveL Pallet slot 1` (the path itself when the cell has no such step). */
export function stepWords(path: string, cell: Cell): string {
  const m = /^programs\[(\d+)\]\.steps\[(\d+)\]$/.exec(path);
  const step = m ? cell.programs[Number(m[1])]?.steps[Number(m[2])] : undefined;
  return step ? `step ${Number(m![2]) + 1} · ${stepSummary(step, cell)}` : path;
}

/**
 * The run's latest collisions with the program step each robot was on (sim/kpi/collision-steps.ts),
 * under the charts: a planner reads which move runs into what, and where in which program.
 */
export function CollisionList({ kpis, cell, names }: { kpis: CellKpis; cell: Cell; names: ReadonlyMap<string, string> }) {
  const count = kpis.collisionCount ?? kpis.collisions.length;
  if (count === 0 || kpis.collisions.length === 0) return null;
  const shown = kpis.collisions.slice(-SHOWN).reverse();
  const stepOf = (body: string, step: string | undefined) => (step === undefined ? null : `${names.get(bodyOwner(body)) ?? bodyOwner(body)}: ${stepWords(step, cell)}`);
  return (
    <section className="dash-section" aria-label="Collisions">
      <h3>
        Collisions{' '}
        <span className="muted">
          {count.toLocaleString('en-US')} in all{count > shown.length ? `, the latest ${shown.length} shown` : ''}
        </span>
      </h3>
      <table className="compare-table collision-table">
        <thead>
          <tr>
            <th>time (s)</th>
            <th>robot link</th>
            <th>touches</th>
            <th>program step</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c, i) => (
            <tr key={`${c.time}-${c.a}-${c.b}-${i}`}>
              <td>{c.time.toFixed(3)}</td>
              <td>{bodyLabel(c.a, names)}</td>
              <td>{bodyLabel(c.b, names)}</td>
              <td title={[c.aStep, c.bStep].filter((s) => s !== undefined).join('; ')}>{[stepOf(c.a, c.aStep), stepOf(c.b, c.bStep)].filter((s) => s !== null).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
