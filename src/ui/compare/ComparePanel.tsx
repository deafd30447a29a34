import { useState } from 'react';
import { useStore } from 'zustand';
import type { Cell } from '../../model';
import type { CellKpis } from '../../sim/kpi/compute';
import { cellStore } from '../../store/app-store';
import { needsConfirmBeforeReplace } from '../../store/autosave';
import { clearBaseline, deleteVariant, pinBaseline, saveVariant, variantsStore, type Variant } from '../../store/variants';
import { ask, notify } from '../notices';
import { autosaveStorage } from '../recovery';
import { compareLines } from './compare-lines';

/** Opens a saved variant as the document (asking first when there is unsaved work). */
async function openVariant(v: Variant): Promise<void> {
  if (needsConfirmBeforeReplace(cellStore.getState()) && !(await ask(`Open variant “${v.name}”?`, 'The open cell has changes that were not saved to a file. Save it as a variant first to keep them.', 'Open'))) return;
  cellStore.getState().loadCell(v.cell, null, { dirty: true });
  notify('info', `Opened variant “${v.name}”`, ['Press Run to simulate it; pinned results (A) stay as they are.']);
}

/** Saves the cell on screen (and its current results) as a named variant. */
export async function saveCurrentVariant(name: string, kpis: CellKpis | null): Promise<void> {
  try {
    const v = await saveVariant(autosaveStorage, name, cellStore.getState().cell, kpis);
    notify('info', `Saved variant “${v.name}”`, ['It is kept in this browser; open it again from the A vs B tab.']);
  } catch (e) {
    notify('error', 'The variant could not be saved', [e instanceof Error ? e.message : String(e)]);
  }
}

function VariantList({ kpis }: { kpis: CellKpis | null }) {
  const variants = useStore(variantsStore, (s) => s.variants);
  const cellName = useStore(cellStore, (s) => s.cell.name);
  const [name, setName] = useState('');
  return (
    <div className="variants" aria-label="Saved variants">
      <h4>Saved variants</h4>
      <form
        className="variant-save"
        onSubmit={(e) => {
          e.preventDefault();
          void saveCurrentVariant(name || cellName, kpis);
          setName('');
        }}
      >
        <input aria-label="Variant name" placeholder={cellName} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <button type="submit">Save variant</button>
      </form>
      {variants.length === 0 && <p className="hint">Save the cell as a variant to come back to it, add it to the plant, or pin its results as A.</p>}
      <ul className="plain">
        {variants.map((v) => (
          <li key={v.id} className="variant">
            <span className="variant-name" title={new Date(v.savedAt).toLocaleString()}>
              {v.name}
              <small>{v.kpis?.throughputUph != null ? ` · ${v.kpis.throughputUph.toFixed(0)} UPH` : ' · not run'}</small>
            </span>
            <button onClick={() => void openVariant(v)}>Open</button>
            <button disabled={!v.kpis} onClick={() => v.kpis && pinBaseline(v.cell, v.kpis, v.name)} title="Compare the results of the cell on screen (B) with this variant's (A)">
              Pin as A
            </button>
            <button className="link" aria-label={`Delete variant ${v.name}`} onClick={() => void deleteVariant(autosaveStorage, v.id)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A vs B: the pinned baseline's results beside the current run's, with the differences, as
 * `celltwin compare` prints them (compare-lines.ts); and the saved variants.
 */
export function ComparePanel({ kpis, cell, names }: { kpis: CellKpis | null; cell: Cell; names: ReadonlyMap<string, string> }) {
  const baseline = useStore(variantsStore, (s) => s.baseline);
  const groups = baseline && kpis ? compareLines({ cell: baseline.cell, kpis: baseline.kpis }, { cell, kpis }, names) : null;
  return (
    <section className="dash-section compare" aria-label="Compare A and B">
      <div className="compare-table-wrap">
        {!baseline ? (
          <p className="hint">Pin the current results as A (button above, after a run), change the cell, run again: this table then shows A, B and the differences.</p>
        ) : (
          <>
            <div className="compare-head">
              <span>
                <b>A</b> {baseline.label} <small>pinned {new Date(baseline.pinnedAt).toLocaleTimeString()}</small>
              </span>
              <span>
                <b>B</b> {cell.name} {kpis ? <small>{kpis.simulatedSeconds.toFixed(0)} s simulated</small> : <small>run the cell to see B</small>}
              </span>
              <button className="link" onClick={clearBaseline}>
                Unpin A
              </button>
            </div>
            {groups && (
              <table className="compare-table">
                <thead>
                  <tr>
                    <th>figure</th>
                    <th>A</th>
                    <th>B</th>
                    <th>B − A</th>
                  </tr>
                </thead>
                {groups.map((g) => (
                  <tbody key={g.title}>
                    <tr className="group">
                      <th colSpan={4}>{g.title}</th>
                    </tr>
                    {g.lines.map((l) => (
                      <tr key={l.metric} className={l.verdict ?? ''} data-metric={l.metric}>
                        <td>{l.label}</td>
                        <td>{l.a}</td>
                        <td>{l.b}</td>
                        <td>{l.delta}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            )}
          </>
        )}
      </div>
      <VariantList kpis={kpis} />
    </section>
  );
}
