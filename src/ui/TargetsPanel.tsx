import { useStore } from 'zustand';
import { useTargetReach } from '../scene/use-target-reach';
import { cellStore } from '../store/app-store';
import { removeTargets, renameTarget } from '../store/commands';
import { useCell } from '../store/use-cell';
import { gizmoStore } from '../tools/gizmo-state';
import { edit } from './edit';
import { MM } from './units';

/**
 * The cell's taught targets: where they hang (world or an item), whether a robot reaches them,
 * rename and delete; and the "click a surface to add a target" mode.
 */
export function TargetsPanel() {
  const targets = useCell((s) => s.cell.targets);
  const items = useCell((s) => s.cell.items);
  const placing = useStore(gizmoStore, (s) => s.placingTarget);
  const reach = useTargetReach();
  return (
    <fieldset>
      <legend>Targets</legend>
      <button className={placing ? 'primary' : ''} onClick={() => gizmoStore.setState({ placingTarget: !placing })} title="Then click a surface of an item (a pallet, a table, a machine): the target sits there and moves with the item">
        {placing ? 'Click a surface…' : 'Add target on a surface'}
      </button>
      {targets.length === 0 && <p className="hint">No targets yet. Teach one from a robot's tool pose (select the robot) or on a surface.</p>}
      <ul className="plain targets">
        {targets.map((t) => {
          const r = reach.find((x) => x.target === t.id);
          const bad = r !== undefined && r.reachedBy.length === 0;
          const parent = t.parent === 'world' ? 'world' : (items.find((i) => i.id === (t.parent as { item: string }).item)?.name ?? 'missing item');
          return (
            <li key={t.id} className={bad ? 'bad' : ''}>
              <input
                aria-label={`Target ${t.id} name`}
                key={t.name}
                defaultValue={t.name}
                onBlur={(e) => {
                  const name = e.currentTarget.value.trim();
                  if (name && name !== t.name) edit(renameTarget(t.id, name));
                }}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                onFocus={() => cellStore.getState().select([t.id])}
              />
              <small title={`x ${MM.fromSI(t.pose.xyz[0]).toFixed(0)}, y ${MM.fromSI(t.pose.xyz[1]).toFixed(0)}, z ${MM.fromSI(t.pose.xyz[2]).toFixed(0)} mm in ${parent}`}>
                on {parent} · {r === undefined ? '…' : bad ? (r.orphan ? 'item missing' : 'out of reach') : `reached by ${r.reachedBy.join(', ')}`}
              </small>
              <button className="link" aria-label={`Delete target ${t.name}`} onClick={() => edit(removeTargets([t.id]))}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
