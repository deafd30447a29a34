import { useStore } from 'zustand';
import type { Cell } from '../../model';
import type { Plant, PlantCell } from '../../model/plant-schema';
import { floorFigures } from '../../sim/kpi/floor';
import { plantDensity } from '../../sim/kpi/plant-density';
import { defaultPlant, setPlant } from '../../store/plant-commands';
import { variantsStore } from '../../store/variants';
import { DensityGauge } from '../DensityGauge';
import { edit } from '../edit';
import { NumberField } from '../NumberField';
import { COUNT } from '../units';

const n0 = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));
const n1 = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 1 }));

function OtherCells({ plant }: { plant: Plant }) {
  const variants = useStore(variantsStore, (s) => s.variants);
  const others = plant.otherCells ?? [];
  const change = (i: number, patch: Partial<PlantCell>) => edit(setPlant({ ...plant, otherCells: others.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  return (
    <div className="plant-others">
      <h4>Other cells in the plant</h4>
      {others.length === 0 && <p className="hint">None yet: add a saved variant (or another design) below.</p>}
      {others.map((c, i) => (
        <fieldset key={`${c.name}-${i}`} className="plant-other">
          <legend>{c.name}</legend>
          <NumberField label="Robots each" value={c.robots} unit={COUNT} min={0} integer onCommit={(v) => change(i, { robots: v })} />
          <NumberField label="Operators each" value={c.workersPerShift} unit={COUNT} min={0} onCommit={(v) => change(i, { workersPerShift: v })} />
          <NumberField label="Takes over" value={c.workersReplaced} unit={COUNT} min={0} onCommit={(v) => change(i, { workersReplaced: v })} />
          <NumberField label="Copies" value={c.copies} unit={COUNT} min={0} integer onCommit={(v) => change(i, { copies: v })} />
          <button className="link" onClick={() => edit(setPlant({ ...plant, otherCells: others.filter((_, k) => k !== i) }))}>
            Remove
          </button>
        </fieldset>
      ))}
      <label className="plant-add">
        Add a saved cell{' '}
        <select
          aria-label="Add a saved cell to the plant"
          value=""
          onChange={(e) => {
            const v = variants.find((x) => x.id === e.currentTarget.value);
            if (!v) return;
            const f = floorFigures(v.cell);
            const added: PlantCell = { name: v.name, robots: f.robots, workersPerShift: f.workers, workersReplaced: v.cell.plant?.thisCell.workersReplaced ?? plant.thisCell.workersReplaced, copies: 1 };
            edit(setPlant({ ...plant, otherCells: [...others, added] }, `Add ${v.name} to the plant`));
          }}
        >
          <option value="">{variants.length === 0 ? 'no saved variants yet' : 'choose…'}</option>
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * The plant roll-up of robot density (sim/kpi/plant-density.ts): the plant's headcount and robots,
 * copies of this cell and of other saved cells, each taking over manual workers → the plant's
 * IFR-equivalent density against the references, and the copies of this cell that reach 500.
 * Every field is an edit of the cell file's `plant` section (one undo step each).
 */
export function PlantPanel({ cell }: { cell: Cell }) {
  const figures = floorFigures(cell);
  const plant = cell.plant;
  if (!plant) {
    return (
      <section className="dash-section plant" aria-label="Plant density">
        <p className="hint">
          A cell’s own “robots per 10,000 workers” ({n0(figures.perTenThousandWorkers)} here: {figures.robots} robots, {figures.workers} workers) says little. Put the cell in a plant: its
          headcount per shift and robots today, and how many copies of this cell (and of other saved cells) it gets, each taking over some manual jobs.
        </p>
        <button className="primary" onClick={() => edit(setPlant(defaultPlant(figures.workers), 'Add plant roll-up'))}>
          Add plant roll-up
        </button>
      </section>
    );
  }
  const roll = plantDensity(plant, { name: cell.name, robots: figures.robots, workersPerShift: figures.workers });
  const set = (patch: Partial<Plant>) => edit(setPlant({ ...plant, ...patch }));
  const d = roll.withCells.density;
  return (
    <section className="dash-section plant" aria-label="Plant density">
      <div className="plant-grid">
        <div className="plant-inputs">
          <h4>Plant today</h4>
          <label className="field wide">
            <span className="field-label">Name</span>
            <input aria-label="Plant name" defaultValue={plant.name ?? ''} onBlur={(e) => e.currentTarget.value !== (plant.name ?? '') && set({ name: e.currentTarget.value })} />
          </label>
          <NumberField label="Headcount / shift" value={plant.workersPerShift} unit={COUNT} min={1} onCommit={(v) => set({ workersPerShift: v })} />
          <NumberField label="Shifts" value={plant.shifts ?? 1} unit={COUNT} min={1} integer onCommit={(v) => set({ shifts: v })} />
          <NumberField label="Robots today" value={plant.robots} unit={COUNT} min={0} integer onCommit={(v) => set({ robots: v })} />
          <h4>
            This cell{' '}
            <small>
              ({figures.robots} robot{figures.robots === 1 ? '' : 's'}, {figures.workers} operator{figures.workers === 1 ? '' : 's'} per shift)
            </small>
          </h4>
          <NumberField label="Copies" value={plant.thisCell.copies} unit={COUNT} min={0} integer onCommit={(v) => set({ thisCell: { ...plant.thisCell, copies: v } })} />
          <NumberField label="Takes over (workers each)" value={plant.thisCell.workersReplaced} unit={COUNT} min={0} onCommit={(v) => set({ thisCell: { ...plant.thisCell, workersReplaced: v } })} />
          <button className="link" onClick={() => edit(setPlant(null, 'Remove plant roll-up'))}>
            Remove the plant roll-up
          </button>
        </div>
        <OtherCells plant={plant} />
        <div className="plant-result">
          <table className="plant-table">
            <thead>
              <tr>
                <th />
                <th>today</th>
                <th>with the cells</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>robots</td>
                <td>{n0(roll.today.robots)}</td>
                <td>{n0(roll.withCells.robots)}</td>
              </tr>
              <tr>
                <td>headcount per shift</td>
                <td>{n1(roll.today.workersPerShift)}</td>
                <td>{n1(roll.withCells.workersPerShift)}</td>
              </tr>
              <tr>
                <td>employees ({roll.shifts} shift{roll.shifts > 1 ? 's' : ''})</td>
                <td>{n1(roll.today.employees)}</td>
                <td>{n1(roll.withCells.employees)}</td>
              </tr>
              <tr className="strong">
                <td>robots per 10,000 employees</td>
                <td>{n0(roll.today.density)}</td>
                <td data-testid="plant-density">{n0(d)}</td>
              </tr>
            </tbody>
          </table>
          {d !== null && <DensityGauge density={d} />}
          <p className={`plant-verdict${roll.reachesTarget ? ' ok' : ''}`} data-testid="plant-verdict">
            {roll.reachesTarget
              ? `The plant reaches the Shanghai plan’s ${roll.target}.`
              : roll.copiesForTarget === null
                ? `No number of copies of this cell reaches ${roll.target}: it adds no robots or takes over no one.`
                : `${roll.copiesForTarget} copies of this cell (with the other cells as entered) reach the plan’s ${roll.target}.`}
          </p>
          <p className="hint">
            IFR-equivalent: robots / (headcount per shift × shifts) × 10,000; each copy adds its robots and changes the headcount by its operators minus the workers it takes over. References: IFR World Robotics 2024 (2023 data)
            world 162, Germany 429, China 470, Korea 1,012; the Shanghai 2023–2025 plan’s target 500. A planning figure, not the official statistic.
          </p>
        </div>
      </div>
    </section>
  );
}
