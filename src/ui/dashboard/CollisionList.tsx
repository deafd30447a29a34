import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Cell } from '../../model';
import { bodyOwner } from '../../sim/kpi/collision-steps';
import type { CellKpis } from '../../sim/kpi/compute';
import { displayedStep, programPanelStore } from '../../tools/program-panel-state';
import { stepSummary } from '../program/step-defaults';
import { collisionListStore } from './collision-request';

/** Rows the list shows: the newest collisions first. */
const SHOWN = 20;

/** The last request to show the list that it scrolled into view for (collision-request.ts). */
let scrolledFor = 0;

/** A body by its item's name: `robot-1/forearm_link` → `UR10e picker · forearm_link`, `fence-1` → `Safety fence`. */
export function bodyLabel(body: string, names: ReadonlyMap<string, string>): string {
  const owner = bodyOwner(body);
  const name = names.get(owner) ?? owner;
  return body === owner ? name : `${name} · ${body.slice(owner.length + 1)}`;
}

/** A step of the cell on screen: its robot, its index in the program editor, and its words. */
interface ShownStep {
  robot: string;
  index: number;
  words: string;
}

/**
 * The step a run reports as `programs[i].steps[j]`, as the editor numbers it (a run started from
 * step k reports the program rotated by k: `offset`), in words: `step 3 · MoveL Pallet slot 1`.
 * Null when the cell has no such step.
 */
export function shownStep(path: string, cell: Cell, offset = 0): ShownStep | null {
  const m = /^programs\[(\d+)\]\.steps\[(\d+)\]$/.exec(path);
  const program = m ? cell.programs[Number(m[1])] : undefined;
  // A started-late run's program is the cell's, rotated: as long, so a step past its end is none.
  if (!m || !program || Number(m[2]) >= program.steps.length) return null;
  const index = displayedStep(Number(m[2]), offset, program.steps.length);
  const step = program.steps[index];
  return step ? { robot: program.robot, index, words: `step ${index + 1} · ${stepSummary(step, cell)}` } : null;
}

/**
 * The run's latest collisions with the program step each robot was on (sim/kpi/collision-steps.ts),
 * under the charts: a planner reads which move runs into what, and where in which program. A step
 * opens in the program editor.
 */
export function CollisionList({ kpis, cell, names }: { kpis: CellKpis; cell: Cell; names: ReadonlyMap<string, string> }) {
  const offsets = useStore(programPanelStore, (s) => s.runOffsets);
  const request = useStore(collisionListStore, (s) => s.request);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    // Once per request: the list mounts again on each return to the Results tab.
    if (request <= scrolledFor) return;
    scrolledFor = request;
    section.current?.scrollIntoView({ block: 'start' });
  }, [request]);
  const count = kpis.collisionCount;
  if (count === 0 || kpis.collisions.length === 0) return null;
  const shown = kpis.collisions.slice(-SHOWN).reverse();
  const stepButton = (body: string, path: string | undefined) => {
    if (path === undefined) return null;
    const step = shownStep(path, cell, offsets[bodyOwner(body)] ?? 0);
    const robot = names.get(bodyOwner(body)) ?? bodyOwner(body);
    if (!step) return <span key={body}>{`${robot}: ${path}`}</span>;
    return (
      <button key={body} className="link" title={`${path}: open it in the program editor`} onClick={() => programPanelStore.setState({ tab: 'program', robot: step.robot, open: step.index, picking: null })}>
        {`${robot}: ${step.words}`}
      </button>
    );
  };
  return (
    <section className="dash-section" aria-label="Collisions" ref={section}>
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
          {shown.map((c, i) => {
            const steps = [stepButton(c.a, c.aStep), stepButton(c.b, c.bStep)].filter((s) => s !== null);
            return (
              <tr key={`${c.time}-${c.a}-${c.b}-${i}`}>
                <td>{c.time.toFixed(3)}</td>
                <td>{bodyLabel(c.a, names)}</td>
                <td>{bodyLabel(c.b, names)}</td>
                <td>{steps.length > 0 ? steps : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
